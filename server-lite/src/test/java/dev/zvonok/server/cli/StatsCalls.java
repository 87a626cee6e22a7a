package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/** Calls and their parts written straight into the database, as the recorder would, for figures worked out by hand. */
final class StatsCalls {

    private final DSLContext dsl;

    StatsCalls(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A call from {@code caller} (a number, or an operator's user id for outbound and internal calls). */
    long call(String id, String direction, String caller, Long callerUser, String dialed, String queue,
              String disposition, Instant start, Integer answeredAfter, int endedAfter, String callerName) {
        return dsl.insertInto(CALLS)
                .set(CALLS.LINKEDID, id)
                .set(CALLS.DIRECTION, direction)
                .set(CALLS.CALLER_NUMBER, caller)
                .set(CALLS.CALLER_NORMALIZED, caller)
                .set(CALLS.CALLER_USER_ID, callerUser)
                .set(CALLS.CALLER_NAME, callerName)
                .set(CALLS.DIALED_NUMBER, dialed)
                .set(CALLS.DIALED_NORMALIZED, dialed)
                .set(CALLS.QUEUE, queue)
                .set(CALLS.DISPOSITION, disposition)
                .set(CALLS.STARTED_AT, utc(start))
                .set(CALLS.ANSWERED_AT, answeredAfter == null ? null : utc(start.plusSeconds(answeredAfter)))
                .set(CALLS.ENDED_AT, utc(start.plusSeconds(endedAfter)))
                .returning(CALLS.ID).fetchOne(CALLS.ID);
    }

    /** An operator's part: rang at {@code ring}, answered and ended that many seconds later, wrap-up after. */
    void part(long call, String extension, long user, Instant ring, Integer answeredAfter, int endedAfter,
              String result, Long wrapUpMs, String transferredFrom, String transferredTo) {
        Instant end = ring.plusSeconds(endedAfter);
        dsl.insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call)
                .set(CALL_OFFERS.EXTENSION, extension)
                .set(CALL_OFFERS.USER_ID, user)
                .set(CALL_OFFERS.RING_AT, utc(ring))
                .set(CALL_OFFERS.ANSWER_AT, answeredAfter == null ? null : utc(ring.plusSeconds(answeredAfter)))
                .set(CALL_OFFERS.END_AT, utc(end))
                .set(CALL_OFFERS.TALK_MS, answeredAfter == null ? null : (endedAfter - answeredAfter) * 1000L)
                .set(CALL_OFFERS.RESULT, result)
                .set(CALL_OFFERS.FINISHED_AT, wrapUpMs == null ? null : utc(end.plusMillis(wrapUpMs)))
                .set(CALL_OFFERS.WRAP_UP_MS, wrapUpMs)
                .set(CALL_OFFERS.TRANSFERRED_FROM, transferredFrom)
                .set(CALL_OFFERS.TRANSFERRED_TO, transferredTo)
                .execute();
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
