package dev.zvonok.server.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;

/**
 * Brings every way of writing a number to one key, so that numbers can be compared.
 *
 * <p>Public numbers become E.164 through libphonenumber with a default region: in Russia 89271390907,
 * +7 927 139-09-07, 79271390907 and 9271390907 all become {@code +79271390907}. Short numbers (internal extensions,
 * service numbers) stay as their digits: {@code 777} is {@code 777}.
 */
public final class PhoneNumbers {

    /** Extensions are at most this long by default; anything longer is taken for a public number. */
    public static final int DEFAULT_MAX_EXTENSION_DIGITS = 6;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final int maxExtensionDigits;

    public PhoneNumbers(String defaultRegion, int maxExtensionDigits) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion").toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(this.defaultRegion)) {
            throw new IllegalArgumentException("unknown phone region: " + defaultRegion);
        }
        if (maxExtensionDigits < 1) {
            throw new IllegalArgumentException("maxExtensionDigits must be positive");
        }
        this.maxExtensionDigits = maxExtensionDigits;
    }

    /** Russia, extensions up to six digits. */
    public static PhoneNumbers russian() {
        return new PhoneNumbers("RU", DEFAULT_MAX_EXTENSION_DIGITS);
    }

    /**
     * The comparable form of a number: E.164 for public numbers, bare digits for short ones; null for null, blank or
     * digit-less input (Asterisk's {@code <unknown>}, an anonymous caller).
     */
    public String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String compact = compact(raw);
        if (compact.isEmpty()) {
            return null;
        }
        if (isShort(compact)) {
            return compact;
        }
        try {
            PhoneNumber parsed = util.parse(compact, defaultRegion);
            if (util.isPossibleNumber(parsed)) {
                return util.format(parsed, PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // not a phone number libphonenumber understands: keep the digits so that it still compares with itself
        }
        return compact;
    }

    /** True for an internal extension or service number: digits only, no {@code +}, at most the configured length. */
    public boolean isShort(String number) {
        if (number == null || number.isEmpty() || number.length() > maxExtensionDigits) {
            return false;
        }
        for (int i = 0; i < number.length(); i++) {
            if (!Character.isDigit(number.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A number for people to read, e.g. {@code +7 927 139-09-07}; short numbers and numbers libphonenumber does not
     * know come back as given.
     */
    public String display(String number) {
        String normalized = normalize(number);
        if (normalized == null || !normalized.startsWith("+")) {
            return number;
        }
        try {
            return util.format(util.parse(normalized, defaultRegion), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return number;
        }
    }

    /**
     * The digits a phone of the default region dials for this number: {@code 89271390907} for {@code +79271390907} in
     * Russia (trunk prefix 8); short and foreign numbers come back normalized.
     */
    public String nationalDigits(String number) {
        String normalized = normalize(number);
        if (normalized == null || !normalized.startsWith("+")) {
            return normalized;
        }
        try {
            PhoneNumber parsed = util.parse(normalized, defaultRegion);
            if (!defaultRegion.equals(util.getRegionCodeForNumber(parsed))) {
                return normalized;
            }
            String prefix = util.getNddPrefixForRegion(defaultRegion, true);
            return (prefix == null ? "" : prefix) + util.getNationalSignificantNumber(parsed);
        } catch (NumberParseException e) {
            return normalized;
        }
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** Keeps digits and a leading plus; drops the spaces, dashes, dots and brackets people write. */
    private static String compact(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (c == '+' && out.isEmpty()) {
                out.append(c);
            }
        }
        return out.length() == 1 && out.charAt(0) == '+' ? "" : out.toString();
    }
}
