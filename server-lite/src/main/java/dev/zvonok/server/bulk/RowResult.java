package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import java.util.ArrayList;
import java.util.List;

/** What one row comes to, collected while it is read: the problems of its cells, the columns it changes. */
final class RowResult {

    private final int row;
    private final Header header;
    private final List<ImportReport.Problem> problems = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();
    private String key;

    RowResult(Sheet.Row row, Header header) {
        this.row = row.number();
        this.header = header;
    }

    int row() {
        return row;
    }

    RowResult key(String key) {
        this.key = key;
        return this;
    }

    void problem(Column column, String message) {
        problems.add(new ImportReport.Problem(column == null ? null : header.nameOf(column), message));
    }

    /**
     * Checks values the way the directory does (its records' constructors, whose messages start with the field at
     * fault): a refusal is a problem of the column that field comes from.
     *
     * @param fields the directory's field names and the columns they come from
     */
    <T> T checked(java.util.Map<String, Column> fields, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String field = message.split(" ", 2)[0];
            Column column = fields.get(field);
            problem(column, column == null ? message : column.name() + message.substring(field.length()));
            return null;
        }
    }

    /** Notes the column as changed when the file's value differs from the stored one. */
    void compare(Column column, Object stored, Object given) {
        if (header.has(column) && !java.util.Objects.equals(stored, given)) {
            changed.add(header.nameOf(column));
        }
    }

    /** Compares an entry's stored numbers with the file's, as sets: their order in the cell is no change. */
    void comparePhones(java.util.stream.Stream<String> stored, List<dev.zvonok.server.directory.EnteredNumber> given) {
        if (given != null) {
            compare(Column.PHONES, stored.collect(java.util.stream.Collectors.toSet()), given.stream()
                    .map(dev.zvonok.server.directory.EnteredNumber::normalized)
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    boolean failed() {
        return !problems.isEmpty();
    }

    boolean changedAnything() {
        return !changed.isEmpty();
    }

    ImportReport.Row created() {
        return outcome(ImportReport.Outcome.CREATED, List.of());
    }

    /** Updated when a column changed, else unchanged; an error when a problem was found. */
    ImportReport.Row updatedOrUnchanged() {
        return changed.isEmpty() ? outcome(ImportReport.Outcome.UNCHANGED, List.of())
                : outcome(ImportReport.Outcome.UPDATED, changed);
    }

    ImportReport.Row error() {
        return new ImportReport.Row(row, key, ImportReport.Outcome.ERROR, List.of(), problems);
    }

    private ImportReport.Row outcome(ImportReport.Outcome outcome, List<String> changes) {
        if (failed()) {
            return error();
        }
        return new ImportReport.Row(row, key, outcome, changes, List.of());
    }
}
