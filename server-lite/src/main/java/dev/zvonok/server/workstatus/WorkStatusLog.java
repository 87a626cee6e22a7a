package dev.zvonok.server.workstatus;

import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;

import dev.zvonok.model.board.WorkStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The {@code work_status_log} table: one row per stretch of one status while the operator was connected, at most one
 * of them open per operator (V6).
 */
final class WorkStatusLog {

    /** The latest row of an operator; {@code endedAt} null while it is open. */
    record Stretch(CurrentStatus status, Instant endedAt) {
    }

    private final DSLContext dsl;

    WorkStatusLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The operator's latest row, open or not. */
    Optional<Stretch> latest(long userId) {
        return dsl.selectFrom(WORK_STATUS_LOG)
                .where(WORK_STATUS_LOG.USER_ID.eq(userId))
                .orderBy(WORK_STATUS_LOG.ENDED_AT.isNull().desc(), WORK_STATUS_LOG.STARTED_AT.desc(),
                        WORK_STATUS_LOG.ID.desc())
                .limit(1)
                .fetchOptional(r -> new Stretch(new CurrentStatus(
                        WorkStatus.valueOf(r.getStatus().toUpperCase(Locale.ROOT)), r.getReason(),
                        r.getStartedAt().toInstant()), r.getEndedAt() == null ? null : r.getEndedAt().toInstant()));
    }

    /** Ends the open row (if any) and opens one of {@code status}, in one transaction. */
    void begin(long userId, CurrentStatus status, StatusSource source, String pbxProblem) {
        dsl.transaction(c -> {
            end(c.dsl(), userId, status.since());
            c.dsl().insertInto(WORK_STATUS_LOG)
                    .set(WORK_STATUS_LOG.USER_ID, userId)
                    .set(WORK_STATUS_LOG.STATUS, status.status().wireName())
                    .set(WORK_STATUS_LOG.REASON, status.reason())
                    .set(WORK_STATUS_LOG.STARTED_AT, time(status.since()))
                    .set(WORK_STATUS_LOG.SOURCE, source.dbValue())
                    .set(WORK_STATUS_LOG.PBX_PROBLEM, pbxProblem == null ? null
                            : pbxProblem.substring(0, Math.min(500, pbxProblem.length())))
                    .execute();
        });
    }

    /** Ends the operator's open row: their last app disconnected. */
    void end(long userId, Instant at) {
        end(dsl, userId, at);
    }

    private static void end(DSLContext dsl, long userId, Instant at) {
        // greatest(): a stretch never ends before it began, whatever two machines' clocks say
        dsl.update(WORK_STATUS_LOG)
                .set(WORK_STATUS_LOG.ENDED_AT, org.jooq.impl.DSL.greatest(org.jooq.impl.DSL.val(time(at)),
                        WORK_STATUS_LOG.STARTED_AT))
                .where(WORK_STATUS_LOG.USER_ID.eq(userId), WORK_STATUS_LOG.ENDED_AT.isNull())
                .execute();
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
