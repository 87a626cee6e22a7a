package dev.zvonok.model.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What an import of a file into the directory did, or would do (a dry run): one entry per data row of the file.
 * Applying is all or nothing: with any row in error nothing is written ({@code applied} false).
 *
 * @param kind           users, companies or dealers
 * @param dryRun         true when nothing was meant to be written
 * @param applied        true when the rows were written (never for a dry run or a file with errors)
 * @param ignoredColumns header names that are no column of this kind (kept out of the import, not an error)
 */
public record ImportReport(String kind, boolean dryRun, boolean applied, int created, int updated, int unchanged,
                           int errors, List<String> ignoredColumns, List<Row> rows) {

    public ImportReport {
        ignoredColumns = List.copyOf(ignoredColumns);
        rows = List.copyOf(rows);
    }

    /**
     * One data row.
     *
     * @param row      its number as the spreadsheet shows it (the header is row 1)
     * @param key      what identifies the entry: a login, a company's name or INN, a dealer's name
     * @param changed  for an update, the columns whose values change
     * @param problems for an error, what is wrong, column by column
     */
    public record Row(int row, String key, Outcome outcome, List<String> changed, List<Problem> problems) {

        public Row {
            changed = List.copyOf(changed);
            problems = List.copyOf(problems);
        }
    }

    /** @param column the header name of the column at fault, null for the row as a whole */
    public record Problem(String column, String message) {
    }

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        ERROR;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
