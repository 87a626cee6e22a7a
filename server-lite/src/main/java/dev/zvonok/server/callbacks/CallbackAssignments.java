package dev.zvonok.server.callbacks;

import static dev.zvonok.server.db.schema.Tables.CALLBACK_ASSIGNMENTS;
import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.USERS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.AssignedCallback;
import dev.zvonok.model.stats.CallbackAssignment;
import dev.zvonok.model.stats.CallbackItem;
import dev.zvonok.server.calls.Reached;
import dev.zvonok.server.db.schema.tables.Calls;
import dev.zvonok.server.db.schema.tables.Users;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.stats.InboundStatistics;
import dev.zvonok.server.stats.Period;
import dev.zvonok.server.stats.StatsScope;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

/**
 * Reads and writes {@code callback_assignments}. An assignment counts while its call's number has not been reached
 * since ({@link Reached}, the call-back list's rule): once it is, it is no longer listed, whether or not
 * {@link #endReached} (which tells the operator) has deleted it yet. A number has one assignee at most: assigning it, or withdrawing it, removes every earlier row of the
 * number.
 */
public final class CallbackAssignments {

    private static final Calls CALL = CALLS.as("call");
    private static final Calls LAST = CALLS.as("last");
    private static final Users ASSIGNEE = USERS.as("assignee");
    private static final Users BY = USERS.as("assigned_by_user");

    private final DSLContext dsl;

    public CallbackAssignments(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** A missed call one can still call back. */
    public record MissedCall(long id, String number, String normalized, String callerName, Instant startedAt) {
    }

    /** The call if it is a missed or abandoned inbound call from a number not reached since; empty otherwise. */
    public Optional<MissedCall> missedCall(long callId) {
        return dsl.select(CALLS.ID, CALLS.CALLER_NUMBER, CALLS.CALLER_NORMALIZED, CALLS.CALLER_NAME, CALLS.STARTED_AT)
                .from(CALLS)
                .where(CALLS.ID.eq(callId),
                        CALLS.DIRECTION.eq(CallDirection.INBOUND.wireName()),
                        CALLS.DISPOSITION.in(CallDisposition.MISSED.wireName(),
                                CallDisposition.ABANDONED.wireName()),
                        CALLS.CALLER_NORMALIZED.isNotNull(),
                        Reached.at(CALLS).isNull())
                .fetchOptional(r -> new MissedCall(r.get(CALLS.ID), r.get(CALLS.CALLER_NUMBER),
                        r.get(CALLS.CALLER_NORMALIZED), r.get(CALLS.CALLER_NAME), r.get(CALLS.STARTED_AT).toInstant()));
    }

    /**
     * Whether {@code scope} counts the call, as the call-back list does (its queue's service judged over the day
     * around it): a supervisor gives and takes back only their teams' calls.
     */
    public boolean inScope(MissedCall call, StatsScope scope) {
        if (scope.all()) {
            return true;
        }
        Duration day = Duration.ofDays(1);
        Period around = new Period(call.startedAt().minus(day), call.startedAt().plus(day));
        return dsl.fetchExists(dsl.selectOne().from(CALLS)
                .where(CALLS.ID.eq(call.id()), InboundStatistics.inScope(scope, around)));
    }

    /**
     * Gives the call's number to {@code userId}, in place of whoever had it; {@code audit} writes its row in the same
     * transaction.
     *
     * @return what was there before (null if nobody had it) and the new assignment
     */
    public Change assign(MissedCall call, long userId, long byUserId, Instant at,
                         ChangeRecorder<CallbackAssignment> audit) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CallbackAssignment before = current(tx, call.normalized());
            forget(tx, call.normalized());
            tx.insertInto(CALLBACK_ASSIGNMENTS)
                    .set(CALLBACK_ASSIGNMENTS.CALL_ID, call.id())
                    .set(CALLBACK_ASSIGNMENTS.CALLER_NORMALIZED, call.normalized())
                    .set(CALLBACK_ASSIGNMENTS.USER_ID, userId)
                    .set(CALLBACK_ASSIGNMENTS.ASSIGNED_BY, byUserId)
                    .set(CALLBACK_ASSIGNMENTS.ASSIGNED_AT, at.atOffset(ZoneOffset.UTC))
                    .execute();
            CallbackAssignment after = current(tx, call.normalized());
            audit.record(tx, before, after);
            return new Change(before, after);
        });
    }

    /** Removes every assignment of the number: it has one assignee at most. */
    private static void forget(DSLContext tx, String normalized) {
        tx.deleteFrom(CALLBACK_ASSIGNMENTS).where(CALLBACK_ASSIGNMENTS.CALLER_NORMALIZED.eq(normalized)).execute();
    }

    /** Gives the call's number to nobody. @return what there was; null if nobody had it (nothing is audited) */
    public CallbackAssignment withdraw(MissedCall call, ChangeRecorder<CallbackAssignment> audit) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CallbackAssignment before = current(tx, call.normalized());
            forget(tx, call.normalized());
            if (before != null) {
                audit.record(tx, before, null);
            }
            return before;
        });
    }

    /** An assignment before and after a change; either may be null. */
    public record Change(CallbackAssignment before, CallbackAssignment after) {
    }

    /** The number's assignment that counts: on a call not reached since; null when none. */
    public CallbackAssignment current(DSLContext tx, String normalized) {
        return joined(tx)
                .where(CALLBACK_ASSIGNMENTS.CALLER_NORMALIZED.eq(normalized), Reached.at(CALL).isNull())
                .orderBy(CALLBACK_ASSIGNMENTS.ASSIGNED_AT.desc())
                .limit(1)
                .fetchOne(CallbackAssignments::assignment);
    }

    /** The list's numbers, each with its assignee when it has one. */
    public List<CallbackItem> withAssignees(List<CallbackItem> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, CallbackAssignment> byLastCall = new HashMap<>();
        joined(dsl)
                .join(LAST).on(LAST.CALLER_NORMALIZED.eq(CALLBACK_ASSIGNMENTS.CALLER_NORMALIZED))
                .where(LAST.ID.in(items.stream().map(CallbackItem::lastCallId).toList()), Reached.at(CALL).isNull())
                .fetch(r -> Map.entry(r.get(LAST.ID), assignment(r)))
                .forEach(e -> byLastCall.merge(e.getKey(), e.getValue(),
                        (one, other) -> one.assignedAt().isAfter(other.assignedAt()) ? one : other));
        return items.stream().map(item -> item.assignedTo(byLastCall.get(item.lastCallId()))).toList();
    }

    /** The numbers {@code userId} was given and has not reached, the longest waiting first. */
    public List<AssignedCallback> of(long userId) {
        return joined(dsl)
                .where(CALLBACK_ASSIGNMENTS.USER_ID.eq(userId), Reached.at(CALL).isNull())
                .orderBy(CALL.STARTED_AT, CALL.ID)
                .fetch(CallbackAssignments::assigned);
    }

    /** Deletes the assignments whose number was reached since. @return those deleted */
    public List<CallbackAssignment> endReached() {
        List<CallbackAssignment> reached = joined(dsl).where(Reached.at(CALL).isNotNull())
                .fetch(CallbackAssignments::assignment);
        return reached.stream().filter(a -> dsl.deleteFrom(CALLBACK_ASSIGNMENTS)
                .where(CALLBACK_ASSIGNMENTS.CALL_ID.eq(a.callId()), CALLBACK_ASSIGNMENTS.USER_ID.eq(a.userId()))
                .execute() == 1).toList();
    }

    static AssignedCallback assigned(Record r) {
        return new AssignedCallback(r.get(CALL.ID), r.get(CALL.CALLER_NUMBER), r.get(CALL.CALLER_NAME),
                r.get(CALL.STARTED_AT).toInstant(), r.get(CALLBACK_ASSIGNMENTS.ASSIGNED_AT).toInstant(),
                r.get(BY.DISPLAY_NAME));
    }

    private static SelectOnConditionStep<Record> joined(DSLContext ctx) {
        return ctx.select(CALLBACK_ASSIGNMENTS.fields())
                .select(CALL.ID, CALL.CALLER_NUMBER, CALL.CALLER_NAME, CALL.STARTED_AT, ASSIGNEE.DISPLAY_NAME,
                        BY.DISPLAY_NAME)
                .from(CALLBACK_ASSIGNMENTS)
                .join(CALL).on(CALL.ID.eq(CALLBACK_ASSIGNMENTS.CALL_ID))
                .join(ASSIGNEE).on(ASSIGNEE.ID.eq(CALLBACK_ASSIGNMENTS.USER_ID))
                .leftJoin(BY).on(BY.ID.eq(CALLBACK_ASSIGNMENTS.ASSIGNED_BY));
    }

    private static CallbackAssignment assignment(Record r) {
        OffsetDateTime at = r.get(CALLBACK_ASSIGNMENTS.ASSIGNED_AT);
        return new CallbackAssignment(r.get(CALLBACK_ASSIGNMENTS.CALL_ID), r.get(CALL.CALLER_NUMBER),
                r.get(CALLBACK_ASSIGNMENTS.USER_ID), r.get(ASSIGNEE.DISPLAY_NAME),
                r.get(CALLBACK_ASSIGNMENTS.ASSIGNED_BY), r.get(BY.DISPLAY_NAME), at.toInstant());
    }
}
