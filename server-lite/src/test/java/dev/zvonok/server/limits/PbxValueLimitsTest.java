package dev.zvonok.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.zvonok.server.db.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits of {@link PbxValue} against the columns the values end up in, as the migrations leave them in a real
 * PostgreSQL: a migration that narrows one of them below what the AMI edge lets through fails here, instead of
 * leaving calls open in production with "value too long".
 */
class PbxValueLimitsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Where each kind of PBX value is stored (numbers in their normalized form too). */
    private static final Map<PbxValue, List<String>> STORED_IN = new LinkedHashMap<>();

    static {
        STORED_IN.put(PbxValue.NUMBER, List.of("calls.caller_number", "calls.caller_normalized",
                "calls.dialed_number", "calls.dialed_normalized", "calls.answered_by_extension",
                "call_offers.extension", "call_offers.transferred_from", "call_offers.transferred_to",
                "call_transfers.from_extension", "call_transfers.to_target"));
        STORED_IN.put(PbxValue.ID, List.of("calls.linkedid", "call_merges.absorbed_linkedid"));
        STORED_IN.put(PbxValue.QUEUE, List.of("calls.queue"));
        STORED_IN.put(PbxValue.CAUSE_TEXT, List.of("calls.hangup_cause_text"));
    }

    @Test
    void everyColumnHoldsTheLongestValueTheEdgeLetsThrough() {
        Map<String, Integer> tooNarrow = new LinkedHashMap<>();
        STORED_IN.forEach((kind, columns) -> {
            for (String column : columns) {
                int width = width(column);
                if (width < kind.maxLength()) {
                    tooNarrow.put(column + " (" + kind.tag() + ", limit " + kind.maxLength() + ")", width);
                }
            }
        });
        assertThat(tooNarrow).as("columns narrower than the value they store").isEmpty();
    }

    @Test
    void theLimitsAreTheColumnsNotLess() {
        // a limit far below its columns would cut values for nothing: it follows the narrowest
        STORED_IN.forEach((kind, columns) -> assertThat(columns.stream().mapToInt(PbxValueLimitsTest::width).min()
                .orElseThrow()).as(kind.tag()).isEqualTo(kind.maxLength()));
    }

    /** The column's declared length; unbounded text counts as unlimited. */
    private static int width(String column) {
        String[] parts = column.split("\\.");
        Integer length = db.dsl().select(field(name("character_maximum_length"), Integer.class))
                .from(table(name("information_schema", "columns")))
                .where(field(name("table_schema")).eq("public"), field(name("table_name")).eq(parts[0]),
                        field(name("column_name")).eq(parts[1]))
                .fetchOptional().orElseThrow(() -> new AssertionError("no column " + column)).value1();
        return length == null ? Integer.MAX_VALUE : length;
    }
}
