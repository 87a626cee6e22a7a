package dev.zvonok.app.card;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * Phone numbers as the card shows them: {@code +79271390907} reads {@code +7 927 139-09-07}; an extension ({@code 777})
 * stays as it is; anything libphonenumber cannot make sense of is shown unchanged.
 *
 * <p>International format for every public number, Russian ones too, rather than the national
 * {@code 8 (927) 139-09-07}: the server sends E.164, so the card shows the same digits the directory and the call
 * history search by; it reads the same for foreign callers, whom the national form would mix up with Russian ones; and
 * the operator does not dial from the card (the desk phone does), so the trunk's "8" prefix is no help here.
 */
public final class PhoneNumberDisplay {

    /** What the server's phone pattern calls an extension: a short run of digits. */
    private static final Pattern EXTENSION = Pattern.compile("\\d{1,6}");
    private static final String HOME_REGION = "RU";

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** The readable form of {@code number}; null or blank stays null. */
    public String format(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String trimmed = number.strip();
        if (EXTENSION.matcher(trimmed).matches()) {
            return trimmed;
        }
        try {
            PhoneNumber parsed = phones.parse(trimmed, HOME_REGION);
            if (!phones.isPossibleNumber(parsed)) {
                return trimmed;
            }
            return phones.format(parsed, PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return trimmed;
        }
    }
}
