package dev.zvonok.app.server;

import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import java.time.OffsetDateTime;

/**
 * The filters of {@code GET /api/calls}, as the server takes them. Every filter may be null (not filtered).
 *
 * @param page       counting from 1
 * @param limit      calls per page, 1 to {@value #MAX_LIMIT}
 * @param dateFrom   calls started at or after this moment; moments rather than days, because the server would read
 *                   a day as one of the call centre's zone, and the operator's "today" is a day of theirs
 * @param dateTo     calls started at or before this moment (inclusive)
 * @param status     how the calls ended
 * @param direction  inbound, outbound or internal
 * @param number     the other party's number, in any format the server can normalize
 * @param operatorId whose calls (supervisors and admins only; operators always see their own)
 * @param reached    calls whose other party was reached afterwards (a later answered call from or to them), or not
 */
public record CallQuery(int page, int limit, OffsetDateTime dateFrom, OffsetDateTime dateTo, CallDisposition status,
                        CallDirection direction, String number, Long operatorId, Boolean reached) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public CallQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page counts from 1, was " + page);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            throw new IllegalArgumentException("dateTo " + dateTo + " is before dateFrom " + dateFrom);
        }
        number = number == null || number.isBlank() ? null : number.strip();
    }

    /** The newest {@value #DEFAULT_LIMIT} calls, unfiltered. */
    public static CallQuery firstPage() {
        return new CallQuery(1, DEFAULT_LIMIT, null, null, null, null, null, null, null);
    }

    public CallQuery page(int newPage) {
        return new CallQuery(newPage, limit, dateFrom, dateTo, status, direction, number, operatorId, reached);
    }

    public CallQuery limit(int newLimit) {
        return new CallQuery(page, newLimit, dateFrom, dateTo, status, direction, number, operatorId, reached);
    }

    public CallQuery between(OffsetDateTime from, OffsetDateTime to) {
        return new CallQuery(page, limit, from, to, status, direction, number, operatorId, reached);
    }

    public CallQuery status(CallDisposition newStatus) {
        return new CallQuery(page, limit, dateFrom, dateTo, newStatus, direction, number, operatorId, reached);
    }

    public CallQuery direction(CallDirection newDirection) {
        return new CallQuery(page, limit, dateFrom, dateTo, status, newDirection, number, operatorId, reached);
    }

    public CallQuery number(String newNumber) {
        return new CallQuery(page, limit, dateFrom, dateTo, status, direction, newNumber, operatorId, reached);
    }

    public CallQuery operator(Long newOperatorId) {
        return new CallQuery(page, limit, dateFrom, dateTo, status, direction, number, newOperatorId, reached);
    }

    /** {@code page=1&limit=20&...}: the filters that are set, encoded. */
    String toQueryString() {
        return new CallListParameters().page(page).limit(limit).between(dateFrom, dateTo).status(status)
                .direction(direction).number(number).operator(operatorId).reached(reached).encoded();
    }
}
