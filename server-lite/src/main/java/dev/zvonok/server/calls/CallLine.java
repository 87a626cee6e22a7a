package dev.zvonok.server.calls;

import dev.zvonok.server.db.schema.tables.Calls;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The line a call counts for: the line's name as the call was given it, else the number it dialled. One rule, so
 * that a line of the statistics drills down to exactly its calls in the journal.
 */
public final class CallLine {

    private CallLine() {
    }

    public static Field<String> of(Calls calls) {
        return DSL.coalesce(calls.LINE_NAME, calls.DIALED_NORMALIZED, calls.DIALED_NUMBER);
    }
}
