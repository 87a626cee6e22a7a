package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.server.directory.SortOrder;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An administration list's query parameters, checked: anything malformed is a 400 that names the parameter. */
final class QueryParams {

    private final Function<String, String> raw;

    QueryParams(Function<String, String> raw) {
        this.raw = raw;
    }

    /** The parameter, null when absent or blank (an empty form field filters nothing). */
    String text(String name) {
        String value = raw.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    int integer(String name, int min, int max, int absent) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw AdminProblem.invalid(name, "must be a whole number from " + min + " to " + max + ", was '" + value + "'");
    }

    Long id(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw AdminProblem.invalid(name, "must be an id, was '" + value + "'");
    }

    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw AdminProblem.invalid(name, "true or false, not '" + value + "'");
        };
    }

    /** One of {@code values} by its wire name, any case. */
    String oneOf(String name, String... values) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return Arrays.stream(values).filter(v -> v.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> AdminProblem.invalid(name, "must be one of "
                        + Arrays.stream(values).collect(Collectors.joining(", ")) + ", was '" + value + "'"));
    }

    /**
     * {@code ?sort=&order=}: one of the list's {@code keys} ({@link AdminSort#DEFAULT_KEY} when absent), ascending
     * unless {@code order=desc}. Exact spellings only: the app is written against them.
     */
    SortOrder sort(List<String> keys) {
        String key = text(AdminSort.SORT_PARAM);
        if (key != null && !keys.contains(key)) {
            throw AdminProblem.invalid(AdminSort.SORT_PARAM, "must be one of " + String.join(", ", keys)
                    + ", was '" + key + "'");
        }
        String order = text(AdminSort.ORDER_PARAM);
        if (order != null && !order.equals(AdminSort.ASC) && !order.equals(AdminSort.DESC)) {
            throw AdminProblem.invalid(AdminSort.ORDER_PARAM, "must be " + AdminSort.ASC + " or " + AdminSort.DESC
                    + ", was '" + order + "'");
        }
        return new SortOrder(key == null ? AdminSort.DEFAULT_KEY : key, AdminSort.DESC.equals(order));
    }

    /**
     * An instant with its offset, or a day in the call centre's zone: its start, or for {@code end} the start of the
     * next day (so that {@code to=2026-11-20} takes in the whole day).
     */
    Instant moment(String name, ZoneId zone, boolean end) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            if (!value.contains("T")) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            // an unencoded '+' of an offset arrives as a space
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeException e) {
            throw AdminProblem.invalid(name, "must be a date (2026-11-20) or an ISO-8601 date-time with its offset "
                    + "(2026-11-20T09:30:00Z), was '" + value + "'");
        }
    }
}
