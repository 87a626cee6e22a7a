package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.directory.NewPhone;
import dev.zvonok.server.directory.NumberTakenException;
import dev.zvonok.server.directory.PhoneType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The numbers a request gives, read by the server's rules whatever their format: an extension must look like the
 * PBX's extensions; every other number (a user's mobile or landline, a dealer's, a company's, a line's) must be a
 * whole public number — one kept as {@code 3332211} would never match a caller's {@code +74993332211}.
 */
final class PhoneInputs {

    private final PhoneNumbers numbers;
    private final Predicate<String> isExtension;
    private final String extensionPattern;

    /**
     * @param isExtension      whether a number looks like one of the PBX's extensions ({@code zvonok.phones.*})
     * @param extensionPattern the same, for messages
     */
    PhoneInputs(PhoneNumbers numbers, Predicate<String> isExtension, String extensionPattern) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.isExtension = Objects.requireNonNull(isExtension, "isExtension");
        this.extensionPattern = extensionPattern;
    }

    /** A user's phones; null stays null (a PUT that leaves them as they are). */
    List<NewPhone> ofUser(List<AdminPhone> phones) {
        if (phones == null) {
            return null;
        }
        List<NewPhone> read = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            AdminPhone phone = required(phones.get(i), i);
            PhoneType type = type(phone.type(), i);
            NewPhone number = read(phone.number(), type, null, field(i));
            if (type == PhoneType.EXTENSION && !isExtension.test(number.normalized())) {
                throw AdminProblem.invalid(field(i), "an extension must look like the PBX's extensions ("
                        + extensionPattern + "), was '" + phone.number() + "'");
            }
            if (type != PhoneType.EXTENSION) {
                requirePublic(number, field(i));
            }
            read.add(number);
        }
        return distinct(read);
    }

    /** A dealer's or a company's numbers; null stays null. */
    List<NewPhone> ofOrganisation(List<AdminPhone> phones) {
        if (phones == null) {
            return null;
        }
        List<NewPhone> read = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            AdminPhone phone = required(phones.get(i), i);
            NewPhone number = read(phone.number(), null, phone.comment(), field(i));
            requirePublic(number, field(i));
            read.add(number);
        }
        return distinct(read);
    }

    /** A line's incoming number: a whole public number, in its comparable form. */
    String did(String number, String field) {
        NewPhone read = read(number, null, null, field);
        requirePublic(read, field);
        return read.normalized();
    }

    /** The 409 of a number another owner has: names the field and the owner. */
    static AdminProblem taken(NumberTakenException e, String field) {
        return AdminProblem.taken(field, e.normalized() + " already belongs to " + e.owner().kind().wireName() + " "
                        + e.owner().name(),
                new AdminError.Owner(e.owner().kind().wireName(), e.owner().id(), e.owner().name()));
    }

    static String field(int index) {
        return "phones[" + index + "].number";
    }

    /**
     * A write that may find one of its numbers taken by another owner (the database's unique constraint decides,
     * even when two admins race); then the 409 naming the field of that number.
     */
    static <T> T written(Supplier<T> write, IntFunction<String> fieldOfNumber) {
        try {
            return write.get();
        } catch (NumberTakenException e) {
            throw taken(e, fieldOfNumber.apply(e.index()));
        }
    }

    private NewPhone read(String number, PhoneType type, String comment, String field) {
        if (number == null || number.isBlank()) {
            throw AdminProblem.invalid(field, "is required");
        }
        try {
            return NewPhone.of(numbers, number, type, comment);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("comment ")) {
                throw AdminProblem.invalid(field.replace(".number", ".comment"),
                        message.substring("comment ".length()));
            }
            throw AdminProblem.invalid(field, message);
        }
    }

    private void requirePublic(NewPhone number, String field) {
        if (!numbers.isComplete(number.normalized())) {
            throw AdminProblem.invalid(field, "not a whole phone number with its area code (region "
                    + numbers.defaultRegion() + "): '" + number.number() + "'");
        }
    }

    private static AdminPhone required(AdminPhone phone, int index) {
        if (phone == null) {
            throw AdminProblem.invalid("phones[" + index + "]", "is empty");
        }
        return phone;
    }

    private static PhoneType type(String type, int index) {
        String field = "phones[" + index + "].type";
        if (type == null || type.isBlank()) {
            throw AdminProblem.invalid(field, "is required: " + AdminRules.EXTENSION + ", " + AdminRules.MOBILE
                    + " or " + AdminRules.LANDLINE);
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case AdminRules.EXTENSION -> PhoneType.EXTENSION;
            case AdminRules.MOBILE -> PhoneType.MOBILE;
            case AdminRules.LANDLINE -> PhoneType.LANDLINE;
            default -> throw AdminProblem.invalid(field, "must be " + AdminRules.EXTENSION + ", " + AdminRules.MOBILE
                    + " or " + AdminRules.LANDLINE + ", was '" + type + "'");
        };
    }

    private static List<NewPhone> distinct(List<NewPhone> phones) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < phones.size(); i++) {
            Integer first = seen.putIfAbsent(phones.get(i).normalized(), i);
            if (first != null) {
                throw AdminProblem.invalid(field(i), "the same number as phones[" + first + "]");
            }
        }
        return phones;
    }
}
