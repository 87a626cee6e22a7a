package dev.zvonok.server.history;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.model.api.CallFilter;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.call.Priority;
import dev.zvonok.server.calls.CallCursor;
import dev.zvonok.server.calls.CallQuery;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The query parameters of {@code GET /api/calls}, checked: anything malformed is a 400 whose message starts with the
 * parameter's name.
 *
 * @param page       counting from 1
 * @param operatorId whose calls to list (null: everybody's, as far as the caller may see)
 * @param query      every filter but the operator's, with the page's offset and limit
 */
record CallListRequest(int page, int limit, Long operatorId, CallQuery query) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /**
     * @param param    a query parameter by name, null when absent
     * @param zone     the zone of a local date-time without an offset
     * @param dayStart when a day {@code dateFrom} and {@code dateTo} name as dates begins (the call centre's)
     */
    static CallListRequest parse(Function<String, String> param, ZoneId zone, Function<LocalDate, Instant> dayStart,
                                 PhoneNumbers numbers) {
        int page = number(param, CallFilter.PAGE, 1, Integer.MAX_VALUE, 1);
        int limit = number(param, CallFilter.LIMIT, 1, MAX_LIMIT, DEFAULT_LIMIT);
        long offset = (long) (page - 1) * limit;
        if (offset > Integer.MAX_VALUE) {
            throw ApiException.badRequest("page: too far, there are never that many calls");
        }
        Instant from = moment(param, CallFilter.DATE_FROM, zone, dayStart, false);
        Instant to = moment(param, CallFilter.DATE_TO, zone, dayStart, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("dateTo: must not be before dateFrom");
        }
        CallQuery query = CallQuery.all()
                .between(from, to)
                .number(phoneNumber(param, numbers))
                .disposition(wireEnum(param, CallFilter.STATUS, CallDisposition.values(), CallDisposition::wireName))
                .direction(wireEnum(param, CallFilter.DIRECTION, CallDirection.values(), CallDirection::wireName))
                .reached(bool(param, CallFilter.REACHED))
                .filter(filter(param))
                .after(cursor(param))
                .page((int) offset, limit);
        return new CallListRequest(page, limit, operatorId(param), query);
    }

    /**
     * Refuses a parameter {@code GET /api/calls} does not know: a misspelt filter would otherwise list every call, and
     * a supervisor would read the wrong figures as the right ones.
     */
    static void refuseUnknown(java.util.Collection<String> names) {
        names.stream().filter(name -> !CallFilter.PARAMETERS.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw ApiException.badRequest(name + ": unknown parameter; known are "
                    + CallFilter.PARAMETERS.stream().sorted().collect(Collectors.joining(", ")));
        });
    }

    private static CallFilter filter(Function<String, String> param) {
        return new CallFilter(
                text(param, CallFilter.LINE, 200),
                text(param, CallFilter.QUEUE, 80),
                text(param, CallFilter.TEAM, 100),
                text(param, CallFilter.TAG, 64),
                wireEnum(param, CallFilter.PRIORITY, Priority.values(), Priority::wireName),
                bool(param, CallFilter.HAS_NOTES),
                text(param, CallFilter.NOTES_TEXT, 200),
                text(param, CallFilter.NAME, 200),
                userId(param, CallFilter.ANSWERED_BY));
    }

    private static CallCursor cursor(Function<String, String> param) {
        String raw = value(param, CallFilter.AFTER);
        if (raw == null) {
            return null;
        }
        if (value(param, CallFilter.PAGE) != null) {
            throw ApiException.badRequest(CallFilter.AFTER + ": pages by cursor or by number, not both");
        }
        try {
            return CallCursor.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(CallFilter.AFTER + ": must be the 'next' of a page, was '" + raw + "'");
        }
    }

    private static String text(Function<String, String> param, String name, int maxLength) {
        String raw = value(param, name);
        if (raw != null && raw.length() > maxLength) {
            throw ApiException.badRequest(name + ": at most " + maxLength + " characters");
        }
        return raw;
    }

    private static Boolean bool(Function<String, String> param, String name) {
        String raw = value(param, name);
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name + ": true or false, not " + raw);
        };
    }

    private static int number(Function<String, String> param, String name, int min, int max, int absent) {
        String raw = value(param, name);
        if (raw == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.badRequest(name + ": must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? "" : " to " + max) + ", was '" + raw + "'");
    }

    private static Long operatorId(Function<String, String> param) {
        return userId(param, CallFilter.OPERATOR);
    }

    private static Long userId(Function<String, String> param, String name) {
        String raw = value(param, name);
        if (raw == null) {
            return null;
        }
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.badRequest(name + ": must be a user's id, was '" + raw + "'");
    }

    /**
     * An instant with its offset ({@code 2026-11-20T09:00:00Z}, {@code ...+03:00}), a local date-time in the server's
     * zone, or a whole day of the call centre ({@code 2026-11-20}, from its day boundary). Both ends are inclusive:
     * {@code dateTo} a day means to the end of that day, an instant means calls started at that instant too.
     */
    private static Instant moment(Function<String, String> param, String name, ZoneId zone,
                                  Function<LocalDate, Instant> dayStart, boolean end) {
        String raw = value(param, name);
        if (raw == null) {
            return null;
        }
        try {
            if (!raw.contains("T")) {
                LocalDate day = LocalDate.parse(raw);
                return dayStart.apply(end ? day.plusDays(1) : day);
            }
            // an unencoded '+' of an offset arrives as a space
            Instant instant = instant(raw.replace(' ', '+'), zone);
            // the query's upper bound is exclusive; the database keeps microseconds
            return end ? instant.truncatedTo(CallListParameters.INSTANT_RESOLUTION)
                    .plus(1, CallListParameters.INSTANT_RESOLUTION) : instant;
        } catch (DateTimeException e) {
            throw ApiException.badRequest(name + ": must be a date (2026-11-20) or an ISO-8601 date-time "
                    + "(2026-11-20T09:30:00Z), was '" + raw + "'");
        }
    }

    private static Instant instant(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withoutOffset) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }

    private static String phoneNumber(Function<String, String> param, PhoneNumbers numbers) {
        String raw = value(param, CallFilter.NUMBER);
        if (raw != null && numbers.normalize(raw) == null) {
            throw ApiException.badRequest("number: has no digits, was '" + raw + "'");
        }
        return raw;
    }

    private static <E extends Enum<E>> E wireEnum(Function<String, String> param, String name, E[] values,
                                                  Function<E, String> wireName) {
        String raw = value(param, name);
        if (raw == null) {
            return null;
        }
        return Arrays.stream(values).filter(v -> wireName.apply(v).equalsIgnoreCase(raw)).findFirst()
                .orElseThrow(() -> ApiException.badRequest(name + ": must be one of "
                        + Arrays.stream(values).map(wireName).collect(Collectors.joining(", "))
                        + ", was '" + raw + "'"));
    }

    /** The parameter, null when absent or blank: {@code ?status=} filters nothing, like a form's empty field. */
    private static String value(Function<String, String> param, String name) {
        String raw = param.apply(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
