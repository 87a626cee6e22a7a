package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Calls and their parts written straight into the database, as the recorder would, for figures worked out by hand:
 * the statistics' own tests and those of the server's routes.
 */
public final class StatsCalls {

    /** The line a call came in on: its name, and the source of its calls (an advertisement's code, say). */
    public record Line(String name, String source) {
    }

    private final DSLContext dsl;

    public StatsCalls(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A call from {@code caller} (a number, or an operator's user id for outbound and internal calls). */
    public long call(String id, String direction, String caller, Long callerUser, String dialed, String queue,
                     String disposition, Instant start, Integer answeredAfter, int endedAfter, String callerName) {
        return call(id, direction, caller, callerUser, dialed, null, queue, disposition, start, answeredAfter,
                endedAfter, callerName);
    }

    /** The same, on {@code line} (null: on none, as a call to a number that is no line's). */
    public long call(String id, String direction, String caller, Long callerUser, String dialed, Line line,
                     String queue, String disposition, Instant start, Integer answeredAfter, int endedAfter,
                     String callerName) {
        return dsl.insertInto(CALLS)
                .set(CALLS.LINKEDID, id)
                .set(CALLS.DIRECTION, direction)
                .set(CALLS.CALLER_NUMBER, caller)
                .set(CALLS.CALLER_NORMALIZED, caller)
                .set(CALLS.CALLER_USER_ID, callerUser)
                .set(CALLS.CALLER_NAME, callerName)
                .set(CALLS.DIALED_NUMBER, dialed)
                .set(CALLS.DIALED_NORMALIZED, dialed)
                .set(CALLS.LINE_NAME, line == null ? null : line.name())
                .set(CALLS.LINE_SOURCE, line == null ? null : line.source())
                .set(CALLS.QUEUE, queue)
                .set(CALLS.DISPOSITION, disposition)
                .set(CALLS.STARTED_AT, utc(start))
                .set(CALLS.ANSWERED_AT, answeredAfter == null ? null : utc(start.plusSeconds(answeredAfter)))
                .set(CALLS.ENDED_AT, utc(start.plusSeconds(endedAfter)))
                .returning(CALLS.ID).fetchOne(CALLS.ID);
    }

    /** An operator's part: rang at {@code ring}, answered and ended that many seconds later, wrap-up after. */
    public void part(long call, String extension, long user, Instant ring, Integer answeredAfter, int endedAfter,
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

    public static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
