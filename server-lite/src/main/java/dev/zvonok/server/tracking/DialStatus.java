package dev.zvonok.server.tracking;

/** The {@code DialStatus} of DialState/DialEnd: how one dialled leg is doing or ended. */
public enum DialStatus {
    ANSWER, BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL, DONTCALL, TORTURE, INVALIDARGS,
    RINGING, PROCEEDING, PROGRESS,
    UNKNOWN;

    public static DialStatus parse(String value) {
        if (value == null || value.isEmpty()) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
