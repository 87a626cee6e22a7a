package dev.zvonok.model.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;

/**
 * Brings every way of writing a number to one key, so that numbers can be compared, and shows numbers for people.
 *
 * <p>Public numbers become E.164 through libphonenumber with the server's region: in Russia 89271390907,
 * +7 927 139-09-07, 79271390907 and 9271390907 all become {@code +79271390907}. Short numbers (internal extensions,
 * service numbers) stay as their digits: {@code 777} is {@code 777}.
 *
 * <p>The one rule for both sides: the server stores and looks numbers up with it, the app shows them and reads what
 * the operator types with it, configured by the {@link PhoneRules} the server sends at login.
 */
public final class PhoneNumbers {

    /** Extensions are at most this long by default; anything longer is taken for a public number. */
    public static final int DEFAULT_MAX_EXTENSION_DIGITS = PhoneRules.DEFAULT_MAX_EXTENSION_DIGITS;

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

    /** @throws IllegalArgumentException for a region libphonenumber does not know or no extension length */
    public PhoneNumbers(PhoneRules rules) {
        this(Objects.requireNonNull(rules, "rules").region(), rules.maxExtensionDigits());
    }

    /** Russia, extensions up to six digits. */
    public static PhoneNumbers russian() {
        return new PhoneNumbers(PhoneRules.RUSSIA);
    }

    /** The settings this reads numbers by: what the server tells the app at login. */
    public PhoneRules rules() {
        return new PhoneRules(defaultRegion, maxExtensionDigits);
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

    /**
     * True for a whole public number: one with its area code, that can be dialled from anywhere. A local-only number
     * ({@code 333-22-11} without its city's code) normalizes too, but to something no caller's number ever equals:
     * what the administration refuses to store.
     */
    public boolean isComplete(String number) {
        String normalized = normalize(number);
        if (normalized == null || !normalized.startsWith("+")) {
            return false;
        }
        try {
            return util.isPossibleNumberWithReason(util.parse(normalized, defaultRegion))
                    == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
        } catch (NumberParseException e) {
            return false;
        }
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
     * know come back as given (without surrounding blanks); null and blank come back null.
     *
     * <p>International format for every public number, those of the own region too, rather than the national
     * {@code 8 (927) 139-09-07}: it shows the same digits the directory and the call history search by, and reads the
     * same for foreign callers, whom the national form would mix up with local ones.
     */
    public String display(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String given = number.strip();
        String normalized = normalize(given);
        if (normalized == null || !normalized.startsWith("+")) {
            return given;
        }
        try {
            return util.format(util.parse(normalized, defaultRegion), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return given;
        }
    }

    /**
     * True for what people write as a phone number: digits with {@code + ( ) - .} and spaces, nothing else. Tells a
     * number typed into a search field from a name.
     */
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
