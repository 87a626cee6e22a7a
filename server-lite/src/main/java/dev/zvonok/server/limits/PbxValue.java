package dev.zvonok.server.limits;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * What the product can carry of each kind of value the PBX sends: the one place that knows how long a number, a
 * name, a call id... may be and which characters it may hold. Values are fitted to this once, at the AMI edge
 * ({@code ami.AmiValueBounds}), so that everything after it — the tracker, the cards, the call tables — can take a
 * value as it comes.
 *
 * <p>The limits follow the narrowest database column the value ends up in ({@code PbxValueLimitsTest} fails when a
 * migration makes a column narrower than its limit):
 * <ul>
 *   <li>{@link #NUMBER} 32: {@code calls.caller_normalized} is {@code varchar(32)}, and a number's normalized form is
 *       never longer than the number (its digits, or an E.164 of at most 16 characters).</li>
 *   <li>{@link #ID} 64: {@code calls.linkedid}, {@code call_merges.absorbed_linkedid}.</li>
 *   <li>{@link #QUEUE} 80: {@code calls.queue}; {@link #CAUSE_TEXT} 80: {@code calls.hangup_cause_text}.</li>
 * </ul>
 * The others are never stored; their limits are Asterisk's own buffers with room to spare.
 *
 * <p>What each keeps (decided here, for every kind at once):
 * <ul>
 *   <li>Numbers, ids: printable ASCII without blanks. Asterisk's numbers and ids are ASCII dial strings; a PBX also
 *       sends {@code anonymous}, {@code <unknown>} or a SIP user name, so letters stay; anything else (a blank, a
 *       control or non-ASCII character) cannot be part of a number one dials and is dropped.</li>
 *   <li>Names and every other text: lose control characters (C0/C1, {@code ESC}...), Unicode format characters
 *       (bidirectional overrides and zero-width characters, which can make a name read as another), line
 *       separators and unpaired surrogates; the rest stays, Cyrillic included.</li>
 * </ul>
 * Too long a value is cut, never split inside a surrogate pair. An id is cut keeping a checksum of the whole, so that
 * two long ids that share their beginning stay two ids.
 */
public enum PbxValue {

    /** CallerIDNum, ConnectedLineNum, Exten, Extension: what is dialled or shown as a number. */
    NUMBER(32, Charset.DIAL),
    /** CallerIDName, ConnectedLineName, MemberName: a person's or line's name. */
    NAME(200, Charset.TEXT),
    /** Uniqueid, Linkedid, BridgeUniqueid. */
    ID(64, Charset.DIAL),
    /** Channel names ({@code PJSIP/777-00000001}); Asterisk's own limit is 80. */
    CHANNEL(128, Charset.TEXT),
    QUEUE(80, Charset.TEXT),
    /** Context, Application, Interface, DialString and such: dialplan and device names. */
    DIALPLAN(256, Charset.TEXT),
    /** Cause-txt. */
    CAUSE_TEXT(80, Charset.TEXT),
    /** Every other header: nothing the product reads needs more. */
    OTHER(1024, Charset.TEXT);

    private final int maxLength;
    private final Charset charset;

    PbxValue(int maxLength, Charset charset) {
        this.maxLength = maxLength;
        this.charset = charset;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The value as the product carries it: cleaned, then cut to {@link #maxLength()}. Null stays null. */
    public Fitted fit(String value) {
        if (value == null) {
            return new Fitted(null, false, false);
        }
        String clean = charset.clean(value);
        boolean cleaned = clean.length() != value.length();
        if (clean.length() <= maxLength) {
            return new Fitted(clean, cleaned, false);
        }
        return new Fitted(this == ID ? cutKeepingIdentity(clean) : cut(clean, maxLength), cleaned, true);
    }

    /** Whether {@code text} from {@code start} on is a value of this kind as it is: {@link #fit} would not change it. */
    public boolean fitsAsIs(String text, int start) {
        return text.length() - start <= maxLength && charset.keepsAll(text, start);
    }

    /** {@link #fit} for values derived inside the product (the number in a dial string), where nobody counts. */
    public String bound(String value) {
        return fit(value).value();
    }

    /**
     * @param cleaned some characters were dropped
     * @param cut     the value was longer than the product carries
     */
    public record Fitted(String value, boolean cleaned, boolean cut) {
    }

    private String cutKeepingIdentity(String value) {
        CRC32C crc = new CRC32C();
        crc.update(value.getBytes(StandardCharsets.UTF_8));
        String checksum = "~" + HexFormat.of().toHexDigits((int) crc.getValue());
        return cut(value, maxLength - checksum.length()) + checksum;
    }

    private static String cut(String value, int length) {
        int end = length;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    /** For messages and meter tags. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private enum Charset {
        DIAL {
            @Override
            boolean keeps(int codePoint) {
                return codePoint > 0x20 && codePoint < 0x7f;
            }
        },
        TEXT {
            @Override
            boolean keeps(int codePoint) {
                return switch (Character.getType(codePoint)) {
                    case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                            Character.PARAGRAPH_SEPARATOR -> false;
                    default -> true;
                };
            }
        };

        abstract boolean keeps(int codePoint);

        /** The index of the first character from {@code start} not kept, or the length when all are. */
        int firstDropped(String value, int start) {
            int i = start;
            while (i < value.length() && keeps(value.codePointAt(i))) {
                i += Character.charCount(value.codePointAt(i));
            }
            return i;
        }

        boolean keepsAll(String value, int start) {
            return firstDropped(value, start) == value.length();
        }

        String clean(String value) {
            int i = firstDropped(value, 0);
            if (i == value.length()) {
                return value; // the usual case: nothing to drop, nothing copied
            }
            StringBuilder kept = new StringBuilder(value.length());
            kept.append(value, 0, i);
            while (i < value.length()) {
                int codePoint = value.codePointAt(i);
                if (keeps(codePoint)) {
                    kept.appendCodePoint(codePoint);
                }
                i += Character.charCount(codePoint);
            }
            return kept.toString();
        }
    }
}
