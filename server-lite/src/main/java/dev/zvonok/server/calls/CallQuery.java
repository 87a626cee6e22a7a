package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.api.CallFilter;
import java.time.Instant;

/**
 * Which calls to list; every criterion is optional (null) and they combine with "and". Build it from
 * {@link #all()}: {@code CallQuery.all().operator(userId).between(from, to).page(0, 50)}.
 *
 * @param operatorUserId    calls this user took part in: offered to them, answered by them, or placed from one of
 *                          their phones
 * @param operatorExtension calls offered to, or placed from, this extension
 * @param from              started at or after
 * @param to                started before
 * @param number            calls from or to this number, in any format
 * @param reached           calls whose other party was reached afterwards (an answered call from them, or to them),
 *                          or not; null: either
 * @param filter            the journal's other filters: line, queue, team, tag, priority, notes, name
 * @param counted           only the calls another feature's rule keeps (the statistics' of a figure); null: every
 *                          call
 * @param after             keyset paging: calls listed after this one (older, or as old with a smaller id); null:
 *                          from the newest. With it, {@code offset} is not used
 * @param offset            rows to skip, for paging
 * @param limit             rows at most, 1 to {@value #MAX_LIMIT}
 */
public record CallQuery(
        Long operatorUserId,
        String operatorExtension,
        Instant from,
        Instant to,
        String number,
        CallDisposition disposition,
        CallDirection direction,
        Boolean reached,
        CallFilter filter,
        CallCursor after,
        CallCondition counted,
        int offset,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public CallQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        filter = filter == null ? CallFilter.NONE : filter;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    public static CallQuery all() {
        return new CallQuery(null, null, null, null, null, null, null, null, CallFilter.NONE, null, null, 0, DEFAULT_LIMIT);
    }

    public CallQuery operator(Long userId) {
        return new CallQuery(userId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, after, counted, offset, limit);
    }

    public CallQuery extension(String extension) {
        return new CallQuery(operatorUserId, extension, from, to, number, disposition, direction, reached,
                filter, after, counted, offset, limit);
    }

    public CallQuery between(Instant from, Instant to) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, after, counted, offset, limit);
    }

    public CallQuery number(String number) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, after, counted, offset, limit);
    }

    public CallQuery disposition(CallDisposition disposition) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, after, counted, offset, limit);
    }

    public CallQuery direction(CallDirection direction) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, after, counted, offset, limit);
    }

    public CallQuery reached(Boolean reached) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, after, counted, offset, limit);
    }

    /** True when every call is listed: no criterion at all (paging aside). */
    public boolean narrowsNothing() {
        return operatorUserId == null && operatorExtension == null && from == null && to == null && number == null
                && disposition == null && direction == null && reached == null && CallFilter.NONE.equals(filter)
                && counted == null;
    }

    public CallQuery page(int offset, int limit) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, after, counted, offset, limit);
    }

    public CallQuery filter(CallFilter newFilter) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                newFilter, after, counted, offset, limit);
    }

    public CallQuery counted(CallCondition newCounted) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, after, newCounted, offset, limit);
    }

    public CallQuery after(CallCursor newAfter) {
        return new CallQuery(operatorUserId, operatorExtension, from, to, number, disposition, direction, reached,
                filter, newAfter, counted, offset, limit);
    }
}
