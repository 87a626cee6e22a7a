package dev.zvonok.server.bulk;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.directory.EnteredNumber;
import dev.zvonok.server.directory.PhoneType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The {@code phones} cell: one or more numbers in any format, separated by {@code |} (or line breaks, which is what
 * Alt+Enter in an Excel cell makes), each normalized by the server's {@link PhoneNumbers}.
 */
final class PhoneCells {

    static final String SEPARATOR = " | ";
    private static final Pattern SPLIT = Pattern.compile("[|\\r\\n]+");
    private static final int MAX_ENTERED = 40;
    private static final int MAX_NORMALIZED = 32;

    private final PhoneNumbers numbers;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    PhoneCells(PhoneNumbers numbers) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    /**
     * The numbers of a cell, each once (by normalized form), in the order written; what is not a number is told to
     * {@code problems} and left out.
     *
     * @param typed true for users' numbers, which get a type: a short number is the desk phone's extension, a mobile
     *              number a mobile, anything else a landline
     */
    /**
     * The row's {@code phones} cell, read and claimed for {@code owner} (a number two entries of the file claim is the
     * later row's problem); null when the file has no such column: the entry's numbers then stay as they are.
     */
    List<EnteredNumber> read(Header header, Sheet.Row row, boolean typed, RowResult result, NumberOwners owners,
                             String owner) {
        if (!header.has(Column.PHONES)) {
            return null;
        }
        List<EnteredNumber> numbers = parse(header.text(row, Column.PHONES), typed,
                message -> result.problem(Column.PHONES, message));
        owners.claim(numbers, owner, result, Column.PHONES);
        return numbers;
    }

    List<EnteredNumber> parse(String cell, boolean typed, Consumer<String> problems) {
        if (cell == null) {
            return List.of();
        }
        List<EnteredNumber> parsed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : SPLIT.split(cell)) {
            String entered = part.strip();
            if (entered.isEmpty()) {
                continue;
            }
            String normalized = numbers.normalize(entered);
            if (normalized == null || !numbers.looksLikeNumber(entered)) {
                problems.accept("'" + entered + "' is not a phone number");
                continue;
            }
            if (!normalized.startsWith("+") && !numbers.isShort(normalized)) {
                problems.accept("'" + entered + "' is neither an extension nor a phone number of region "
                        + numbers.defaultRegion());
                continue;
            }
            if (entered.length() > MAX_ENTERED || normalized.length() > MAX_NORMALIZED) {
                problems.accept("'" + entered + "' is too long for a phone number");
                continue;
            }
            if (seen.add(normalized)) {
                parsed.add(new EnteredNumber(entered, normalized, typed ? type(normalized) : null));
            }
        }
        return parsed;
    }

    /** The numbers as people read them ({@code +7 499 333-22-11 | 555}), for an export. */
    String join(List<String> entered) {
        return String.join(SEPARATOR, entered.stream().map(numbers::display).toList());
    }

    private PhoneType type(String normalized) {
        if (numbers.isShort(normalized)) {
            return PhoneType.EXTENSION;
        }
        try {
            return switch (util.getNumberType(util.parse(normalized, numbers.defaultRegion()))) {
                case MOBILE, FIXED_LINE_OR_MOBILE -> PhoneType.MOBILE;
                default -> PhoneType.LANDLINE;
            };
        } catch (NumberParseException e) {
            return PhoneType.LANDLINE;
        }
    }
}
