package dev.zvonok.server.tracking;

/** Asterisk's channel states, by their AMI {@code ChannelState} codes. */
public enum ChannelState {
    DOWN, RESERVED, OFFHOOK, DIALING,
    /** The channel is calling out and hears ringback (the caller's leg while the callee rings). */
    RING,
    /** The channel's device is ringing. */
    RINGING,
    UP, BUSY, DIALING_OFFHOOK, PRERING, UNKNOWN;

    private static final ChannelState[] BY_CODE = values();

    public static ChannelState ofCode(Integer code) {
        if (code == null || code < 0 || code >= UNKNOWN.ordinal()) {
            return UNKNOWN;
        }
        return BY_CODE[code];
    }

    /** Parses {@code ChannelStateDesc} ({@code Ring}, {@code Ringing}, {@code Up}...), for events that lack the code. */
    public static ChannelState ofDescription(String description) {
        if (description == null) {
            return UNKNOWN;
        }
        return switch (description.toLowerCase(java.util.Locale.ROOT)) {
            case "down" -> DOWN;
            case "rsrvd", "reserved" -> RESERVED;
            case "offhook" -> OFFHOOK;
            case "dialing" -> DIALING;
            case "ring" -> RING;
            case "ringing" -> RINGING;
            case "up" -> UP;
            case "busy" -> BUSY;
            case "dialing offhook" -> DIALING_OFFHOOK;
            case "pre-ring" -> PRERING;
            default -> UNKNOWN;
        };
    }
}
