package dev.zvonok.server.directory;

import dev.zvonok.model.phone.PhoneNumbers;
import java.util.Objects;

/**
 * A number to give a user, a dealer or a company, read by the server's rules.
 *
 * @param number     as entered, trimmed
 * @param normalized its comparable form
 * @param type       a user's phones only; null for dealers' and companies' numbers
 * @param comment    dealers' and companies' numbers only
 */
public record NewPhone(String number, String normalized, PhoneType type, String comment) {

    public NewPhone {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(normalized, "normalized");
    }

    /** @throws IllegalArgumentException for a number without digits, or one too long to keep */
    public static NewPhone of(PhoneNumbers numbers, String entered, PhoneType type, String comment) {
        if (entered == null) {
            throw new IllegalArgumentException("not a phone number: nothing given");
        }
        return new NewPhone(entered.strip(), DirectoryWrites.normalizeEntered(numbers, entered), type,
                Texts.optional(comment, "comment", 500));
    }
}
