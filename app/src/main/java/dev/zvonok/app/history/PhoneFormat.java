package dev.zvonok.app.history;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;

/**
 * Phone numbers as the operator types and reads them. Normalizes exactly as server-lite's {@code PhoneNumbers} does
 * (shared-model may not depend on libphonenumber, so the rule lives on both sides): in Russia 89271390907,
 * +7 927 139-09-07 and 9271390907 all become {@code +79271390907}; extensions (up to six digits) stay digits.
 */
public final class PhoneFormat {

    private static final int DEFAULT_MAX_EXTENSION_DIGITS = 6;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;
    private final int maxExtensionDigits;

    public PhoneFormat(String region, int maxExtensionDigits) {
        this.region = Objects.requireNonNull(region, "region").toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(this.region)) {
            throw new IllegalArgumentException("unknown phone region: " + region);
        }
        this.maxExtensionDigits = maxExtensionDigits;
    }

    /** Russia, extensions up to six digits: what the server assumes unless configured otherwise. */
    public static PhoneFormat russian() {
        return new PhoneFormat("RU", DEFAULT_MAX_EXTENSION_DIGITS);
    }

    /** E.164 for public numbers, bare digits for extensions; null when there are no digits at all. */
    public String normalize(String raw) {
        String compact = compact(raw);
        if (compact.isEmpty()) {
            return null;
        }
        if (isExtension(compact)) {
            return compact;
        }
        try {
            PhoneNumber parsed = util.parse(compact, region);
            if (util.isPossibleNumber(parsed)) {
                return util.format(parsed, PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // not a number libphonenumber knows: the digits still compare with themselves
        }
        return compact;
    }

    /** For reading: {@code +7 927 139-09-07}; extensions and unknown numbers as given, null as empty. */
    public String display(String number) {
        String normalized = normalize(number);
        if (normalized == null) {
            return number == null ? "" : number;
        }
        if (!normalized.startsWith("+")) {
            return number;
        }
        try {
            return util.format(util.parse(normalized, region), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return number;
        }
    }

    /** True for what people write as a phone number: digits with {@code + ( ) - .} and spaces, nothing else. */
    public boolean looksLikeNumber(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        boolean digits = false;
        for (char c : text.strip().toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if ("+()-. \u00a0".indexOf(c) < 0) {
                return false;
            }
        }
        return digits;
    }

    private boolean isExtension(String compact) {
        return compact.length() <= maxExtensionDigits && compact.chars().allMatch(Character::isDigit);
    }

    private static String compact(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (c == '+' && out.isEmpty()) {
                out.append(c);
            }
        }
        return out.length() == 1 && out.charAt(0) == '+' ? "" : out.toString();
    }
}
