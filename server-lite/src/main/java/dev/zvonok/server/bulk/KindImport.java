package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.server.directory.DirectoryBatch;
import java.util.List;
import java.util.function.Consumer;

/** One kind's rows decided against the directory as it stands: every row's outcome, and the writes to make them so. */
interface KindImport {

    Plan plan(Header header, List<Sheet.Row> rows, DirectoryBatch.Session directory);

    /** @param write makes the rows' outcomes so; only run when no row failed */
    record Plan(List<ImportReport.Row> rows, Consumer<DirectoryBatch.Session> write) {

        boolean failed() {
            return rows.stream().anyMatch(r -> r.outcome() == ImportReport.Outcome.ERROR);
        }
    }
}
