package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.server.db.schema.tables.Calls;
import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * When the other party of a call was reached afterwards: the first later answered call from them (inbound) or to
 * them (outbound). One rule on the server, so that every client's missed list and the statistics' "not yet called
 * back" agree.
 *
 * <p>The answer is kept on each call ({@code calls.reached_at}, V12: the triggers of the calls keep it as later calls
 * are recorded, {@code stats rebuild} recomputes it), which the lists read; this is the rule it is checked against.
 *
 * <p>Asked as two lookups, one per direction, each the first entry of a partial index (V10): asked as one with an
 * {@code or} across two columns, PostgreSQL scanned the calls once per missed call, minutes for a year of calls.
 */
public final class Reached {

    private static final Calls LATER = CALLS.as("later");

    private Reached() {
    }

    /** When the caller of {@code call} (the calls table, or an alias of it) was reached later; null if not yet. */
    public static Field<OffsetDateTime> at(Calls call) {
        Field<OffsetDateTime> answeredFrom = DSL.field(DSL.select(DSL.min(LATER.STARTED_AT))
                .from(LATER)
                .where(LATER.CALLER_NORMALIZED.eq(call.CALLER_NORMALIZED),
                        LATER.STARTED_AT.gt(call.STARTED_AT),
                        LATER.DISPOSITION.eq(CallDisposition.ANSWERED.wireName()),
                        LATER.DIRECTION.eq(CallDirection.INBOUND.wireName())));
        Field<OffsetDateTime> answeredTo = DSL.field(DSL.select(DSL.min(LATER.STARTED_AT))
                .from(LATER)
                .where(LATER.DIALED_NORMALIZED.eq(call.CALLER_NORMALIZED),
                        LATER.STARTED_AT.gt(call.STARTED_AT),
                        LATER.DISPOSITION.eq(CallDisposition.ANSWERED.wireName()),
                        LATER.DIRECTION.eq(CallDirection.OUTBOUND.wireName())));
        return DSL.least(answeredFrom, answeredTo); // PostgreSQL's least skips nulls: null only when neither
    }
}
