package dev.zvonok.server.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One field value of a recorded message, compiled so that a call instance can render its own version fast: literal
 * text, text with holes for ids and parties, or a time or duration that follows the instance's timeline.
 *
 * <p>Time values carry the recorded value and the recorded instants they refer to ({@code anchor}, {@code start},
 * {@code end}: ms since the recorded call's first message); they render as the recorded value shifted by how much
 * the instance moved those instants ({@link Bindings#shift(long)}), so the recording's own parameters give back the
 * recorded values exactly.
 */
sealed interface ValueTemplate {

    /** The PBX's clock: the recordings are UTC ({@code EventTV ...+0000}, CDR times agree). */
    DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** @param digit the digit this message stands for, in a dialled-digits run; null elsewhere */
    String render(Bindings call, String digit);

    /** Text copied as recorded. */
    record Literal(String text) implements ValueTemplate {
        @Override
        public String render(Bindings call, String digit) {
            return text;
        }
    }

    /**
     * Text with holes: fresh ids and party values. The same text always renders the same within a call, so a call
     * renders it once ({@code cacheSlot}) however many messages repeat it.
     */
    record Tokens(Piece[] pieces, int cacheSlot) implements ValueTemplate {
        /** For a value too rare (one per call) to be worth a cache slot. */
        static final int UNCACHED = -1;

        @Override
        public String render(Bindings call, String digit) {
            String cached = call.cached(cacheSlot);
            if (cached != null) {
                return cached;
            }
            StringBuilder out = new StringBuilder(32);
            for (Piece piece : pieces) {
                out.append(piece.render(call));
            }
            return call.cache(cacheSlot, out.toString());
        }
    }

    /** The {@code Digit} of a DTMF event standing for one digit of a dialled party. */
    record Digit() implements ValueTemplate {
        @Override
        public String render(Bindings call, String digit) {
            return digit;
        }
    }

    /** An absolute time with ms precision, e.g. {@code EventTV: 2026-11-21T19:17:31.050+0000}. */
    record MillisStamp(long recordedEpochMillis, long anchor) implements ValueTemplate {
        @Override
        public String render(Bindings call, String digit) {
            return EVENT_TV.format(Instant.ofEpochMilli(recordedEpochMillis + call.shift(anchor)));
        }
    }

    /**
     * An absolute time with second precision: CDR times, queue {@code LastCall}. {@code fraction} is the recorded
     * instant's ms past the second, so that shifting keeps the rounding Asterisk did.
     */
    record SecondStamp(long recordedEpochSeconds, long anchor, int fraction, boolean cdrFormat)
            implements ValueTemplate {
        @Override
        public String render(Bindings call, String digit) {
            long seconds = Math.floorDiv(recordedEpochSeconds * 1000 + fraction + call.shift(anchor), 1000);
            return cdrFormat ? CDR_TIME.format(Instant.ofEpochSecond(seconds)) : Long.toString(seconds);
        }
    }

    /** An RTCP {@code SentNTP}: seconds and microseconds since the epoch. */
    record MicroStamp(long recordedEpochMicros, long anchor) implements ValueTemplate {
        @Override
        public String render(Bindings call, String digit) {
            long micros = recordedEpochMicros + call.shift(anchor) * 1000;
            String fraction = Long.toString(Math.floorMod(micros, 1_000_000L));
            return Math.floorDiv(micros, 1_000_000L) + "." + "000000".substring(fraction.length()) + fraction;
        }
    }

    /** A queue member's {@code LoginTime}: the simulated PBX's queues were loaded when its timeline began. */
    record PbxStartSeconds() implements ValueTemplate {
        @Override
        public String render(Bindings call, String digit) {
            return Long.toString(call.pbxStartEpochSeconds());
        }
    }

    /**
     * A duration in whole seconds between two recorded instants ({@code HoldTime}, {@code TalkTime}, CDR
     * {@code Duration}, {@code ANSWEREDTIME}...); {@code fraction} is the recorded ms past the whole seconds.
     */
    record SecondsDuration(long recordedSeconds, long start, long end, int fraction) implements ValueTemplate {
        @Override
        public String render(Bindings call, String digit) {
            long millis = recordedSeconds * 1000 + fraction + call.shift(end) - call.shift(start);
            return Long.toString(Math.max(0, Math.floorDiv(millis, 1000)));
        }
    }

    /** A duration in ms between two recorded instants ({@code ANSWEREDTIME_MS}, {@code DIALEDTIME_MS}...). */
    record MillisDuration(long recordedMillis, long start, long end) implements ValueTemplate {
        @Override
        public String render(Bindings call, String digit) {
            return Long.toString(Math.max(0, recordedMillis + call.shift(end) - call.shift(start)));
        }
    }

    /** A part of a {@link Tokens} value. */
    sealed interface Piece {
        String render(Bindings call);
    }

    record Text(String text) implements Piece {
        @Override
        public String render(Bindings call) {
            return text;
        }
    }

    /** A Uniqueid/Linkedid: a fresh one per recorded one. */
    record UniqueId(int slot) implements Piece {
        @Override
        public String render(Bindings call) {
            return call.uniqueId(slot);
        }
    }

    /** The 8 hex digits after a channel's name ({@code SIP/777-0000000c}). */
    record ChannelSequence(int slot) implements Piece {
        @Override
        public String render(Bindings call) {
            return call.channelSequence(slot);
        }
    }

    record BridgeId(int slot) implements Piece {
        @Override
        public String render(Bindings call) {
            return call.bridgeId(slot);
        }
    }

    /** The random part of a SIP Call-ID, before the {@code @}. */
    record SipCallId(int slot) implements Piece {
        @Override
        public String render(Bindings call) {
            return call.sipCallId(slot);
        }
    }

    record Party(Role role) implements Piece {
        @Override
        public String render(Bindings call) {
            return call.party(role);
        }
    }

    /** The ActionID of an {@code OriginateResponse}: the originating client's. */
    record OriginateActionId(String recorded) implements Piece {
        @Override
        public String render(Bindings call) {
            String actionId = call.originateActionId();
            return actionId != null ? actionId : recorded;
        }
    }
}
