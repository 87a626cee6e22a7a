package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.server.calls.CallLine;
import dev.zvonok.server.db.schema.tables.Calls;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * What a question narrows the calls to, within what the asker may see ({@link StatsScope}); each part absent (null)
 * narrows nothing.
 *
 * @param operators the calls one of these operators took part in (rang them, or they placed it), and only their
 *                  parts in the operators' figures; from {@code operatorId} and {@code team}
 * @param line      the calls of this line: its name, or the dialled number of a call on no known line
 * @param queue     the calls that came through this queue
 * @param direction the calls of this direction
 */
public record StatsFilter(Set<Long> operators, String line, String queue, CallDirection direction) {

    public static final StatsFilter NONE = new StatsFilter(null, null, null, null);

    public StatsFilter {
        operators = operators == null ? null : Set.copyOf(operators);
    }

    /** The line a call counts for: the line's name as the call was given it, else the number it dialled. */
    public static Field<String> lineOf(Calls calls) {
        return CallLine.of(calls);
    }

    /** The calls this filter keeps. */
    Condition calls(Calls calls) {
        Condition kept = DSL.trueCondition();
        if (direction != null) {
            kept = kept.and(calls.DIRECTION.eq(direction.wireName()));
        }
        if (queue != null) {
            kept = kept.and(calls.QUEUE.eq(queue));
        }
        if (line != null) {
            kept = kept.and(lineOf(calls).eq(line));
        }
        if (operators != null) {
            kept = kept.and(DSL.or(calls.CALLER_USER_ID.in(operators),
                    DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                            .where(CALL_OFFERS.CALL_ID.eq(calls.ID), CALL_OFFERS.USER_ID.in(operators)))));
        }
        return kept;
    }

    /** The hourly rows this filter keeps, operators aside (see {@link HourlyAggregates}). */
    Condition hours(Field<String> direction, Field<String> line, Field<String> queue) {
        Condition kept = DSL.trueCondition();
        if (this.direction != null) {
            kept = kept.and(direction.eq(this.direction.wireName()));
        }
        if (this.queue != null) {
            kept = kept.and(queue.eq(this.queue));
        }
        if (this.line != null) {
            kept = kept.and(line.eq(this.line));
        }
        return kept;
    }

    /** The operators' parts this filter keeps, in calls it keeps. */
    Condition parts() {
        return operators == null ? DSL.trueCondition() : CALL_OFFERS.USER_ID.in(operators);
    }

    /** True when narrowed by nothing. */
    public boolean isNone() {
        return equals(NONE);
    }
}
