package dev.zvonok.model.api;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The query of {@code GET /api/calls} as a client writes it, for the operator's history and the supervisor's journal
 * alike: the parameters' names ({@link CallFilter}'s, which the server reads), each value in its wire format, what is
 * not set (null) left out, in the order written. Not thread-safe: build, read, drop.
 */
public final class CallListParameters {

    /**
     * The smallest step between two calls' start times the journal tells apart (PostgreSQL keeps microseconds): an
     * instant's {@code dateTo} lists the calls started before the next step.
     */
    public static final ChronoUnit INSTANT_RESOLUTION = ChronoUnit.MICROS;

    private final List<Map.Entry<String, String>> parameters = new ArrayList<>();

    public CallListParameters page(int page) {
        return put(CallFilter.PAGE, page);
    }

    public CallListParameters limit(int limit) {
        return put(CallFilter.LIMIT, limit);
    }

    /**
     * Moments with their offset: the server would read a date as a day of its own zone, and the operator's "today"
     * is a day of theirs. {@code to} is inclusive.
     */
    public CallListParameters between(OffsetDateTime from, OffsetDateTime to) {
        put(CallFilter.DATE_FROM, from == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(from));
        return put(CallFilter.DATE_TO, to == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(to));
    }

    /**
     * Calls that started in {@code [from, until)}, as the statistics count a stretch of time. The server's
     * {@code dateTo} is inclusive to the {@link #INSTANT_RESOLUTION} (the database's), so the last moment before
     * {@code until} is sent.
     */
    public CallListParameters during(Instant from, Instant until) {
        put(CallFilter.DATE_FROM, from);
        return put(CallFilter.DATE_TO, until == null ? null : until.minus(1, INSTANT_RESOLUTION));
    }

    /** Whole days of the call centre's zone, as the statistics count them; {@code to} is inclusive. */
    public CallListParameters days(LocalDate from, LocalDate to) {
        put(CallFilter.DATE_FROM, from);
        return put(CallFilter.DATE_TO, to);
    }

    public CallListParameters status(CallDisposition status) {
        return put(CallFilter.STATUS, status == null ? null : status.wireName());
    }

    public CallListParameters direction(CallDirection direction) {
        return put(CallFilter.DIRECTION, direction == null ? null : direction.wireName());
    }

    public CallListParameters number(String number) {
        return put(CallFilter.NUMBER, number);
    }

    public CallListParameters operator(Long operatorId) {
        return put(CallFilter.OPERATOR, operatorId);
    }

    public CallListParameters reached(Boolean reached) {
        return put(CallFilter.REACHED, reached);
    }

    public CallListParameters filter(CallFilter filter) {
        if (filter != null) {
            filter.parameters().forEach(this::put);
        }
        return this;
    }

    /**
     * Only the calls these statistics count ({@link CountedIn}): {@code statsParameters} are the statistics'
     * question as {@code /api/stats/*} take it, by {@code StatsQuery} name, repeated ones repeated; sent prefixed.
     */
    public CallListParameters countedIn(CountedIn figures, List<Map.Entry<String, String>> statsParameters) {
        if (figures != null) {
            put(CountedIn.PARAMETER, figures.wireName());
            statsParameters.forEach(p -> put(CountedIn.PREFIX + p.getKey(), p.getValue()));
        }
        return this;
    }

    /** Keyset paging: the {@link CallPage#next()} of the page before. */
    public CallListParameters after(String cursor) {
        return put(CallFilter.AFTER, cursor);
    }

    /** By name, unencoded, in the order written. */
    public List<Map.Entry<String, String>> entries() {
        return List.copyOf(parameters);
    }

    /** {@code page=1&limit=20&...}, URL-encoded: a {@code +} of an E.164 number or an offset travels as {@code %2B}. */
    public String encoded() {
        return parameters.stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private CallListParameters put(String name, Object value) {
        if (value != null) {
            parameters.add(Map.entry(name, String.valueOf(value)));
        }
        return this;
    }
}
