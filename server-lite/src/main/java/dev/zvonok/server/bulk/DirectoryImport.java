package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.directory.DirectoryBatch;
import java.util.List;
import java.util.Objects;

/**
 * Imports users, companies, dealers or lines from a CSV or XLSX file: every row is read and decided against the directory
 * before anything is written; then all of it is written in one transaction, or nothing when a row is in error. A dry
 * run decides the same way and writes nothing. The same file imported twice changes nothing the second time.
 *
 * <p>The core of the command line's {@code import} and of {@code POST /api/admin/import/{kind}}.
 */
public final class DirectoryImport {

    private final DirectoryBatch batch;
    private final PhoneCells phones;
    private final PhoneNumbers numbers;

    public DirectoryImport(DirectoryBatch batch, PhoneNumbers numbers) {
        this.batch = Objects.requireNonNull(batch, "batch");
        this.phones = new PhoneCells(numbers);
        this.numbers = numbers;
    }

    /**
     * @param file a CSV or XLSX file's bytes (told apart by their content)
     * @throws BulkFileException when the file cannot be read as a table of this kind at all
     */
    public ImportReport run(BulkKind kind, byte[] file, boolean dryRun) {
        return run(kind, FileFormat.of(file).read(file), dryRun);
    }

    public ImportReport run(BulkKind kind, Sheet sheet, boolean dryRun) {
        Header header = Header.of(kind, sheet.header());
        KindImport rows = switch (kind) {
            case USERS -> new UsersImport(phones);
            case COMPANIES -> new CompaniesImport(phones);
            case DEALERS -> new DealersImport(phones);
            case LINES -> new LinesImport(numbers);
        };
        return batch.run(directory -> {
            KindImport.Plan plan = rows.plan(header, sheet.rows(), directory);
            boolean apply = !dryRun && !plan.failed();
            if (apply) {
                plan.write().accept(directory);
            }
            return report(kind, dryRun, apply, header.ignored(), plan.rows());
        });
    }

    private static ImportReport report(BulkKind kind, boolean dryRun, boolean applied, List<String> ignored,
                                       List<ImportReport.Row> rows) {
        int[] counts = new int[ImportReport.Outcome.values().length];
        rows.forEach(r -> counts[r.outcome().ordinal()]++);
        return new ImportReport(kind.wireName(), dryRun, applied, counts[ImportReport.Outcome.CREATED.ordinal()],
                counts[ImportReport.Outcome.UPDATED.ordinal()], counts[ImportReport.Outcome.UNCHANGED.ordinal()],
                counts[ImportReport.Outcome.ERROR.ordinal()], ignored, rows);
    }
}
