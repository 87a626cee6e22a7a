package dev.zvonok.app.history;

import dev.zvonok.model.call.CallDisposition;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What {@code GET /api/calls} is asked for (see server-lite's {@code CallListRequest}); null criteria are left out.
 *
 * @param page       counting from 1
 * @param limit      1 to 100
 * @param dateFrom   calls started at or after this moment
 * @param dateTo     calls started at or before this moment (the server's bound is inclusive)
 * @param status     the disposition, or null for any
 * @param operatorId whose calls: the operator's own id (an operator may ask for no other; a supervisor would get
 *                   everybody's without it)
 * @param number     a phone number, already normalized (E.164 or an extension's digits)
 * @param reached    calls whose other party was reached afterwards, or not (the server decides); null: either
 */
public record HistoryQuery(int page, int limit, OffsetDateTime dateFrom, OffsetDateTime dateTo,
                           CallDisposition status, Long operatorId, String number, Boolean reached) {

    public static final int MAX_LIMIT = 100;

    public HistoryQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page counts from 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            throw new IllegalArgumentException("dateTo is before dateFrom");
        }
    }

    /** Any call, reached afterwards or not. */
    public HistoryQuery(int page, int limit, OffsetDateTime dateFrom, OffsetDateTime dateTo, CallDisposition status,
                        Long operatorId, String number) {
        this(page, limit, dateFrom, dateTo, status, operatorId, number, null);
    }

    /** The start of a day in the operator's zone, or null. */
    public static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * The last moment of a day in the operator's zone, or null: the server keeps microseconds and treats a moment
     * given as {@code dateTo} as inclusive, so this is one microsecond before the next day starts.
     */
    public static OffsetDateTime endOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().minus(1, ChronoUnit.MICROS);
    }

    public HistoryQuery withPage(int another) {
        return new HistoryQuery(another, limit, dateFrom, dateTo, status, operatorId, number, reached);
    }
}
