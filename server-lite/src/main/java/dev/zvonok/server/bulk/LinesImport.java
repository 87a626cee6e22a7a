package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.LineDetails;
import dev.zvonok.server.directory.LineKind;
import dev.zvonok.server.directory.LineUpsert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Lines by kind and number: a row is the stored line that calls to that number (a DID in any format), or into that
 * queue, are matched by; else a new line (name required). The kind is {@code did} when the file has no kind column or
 * leaves the cell blank: a queue is said so ({@code queue}, «очередь»). An import renames a line and changes its
 * source, city and comment; its number stays as first entered.
 */
final class LinesImport implements KindImport {

    private static final Map<String, LineKind> KINDS = Map.ofEntries(
            Map.entry("did", LineKind.DID), Map.entry("number", LineKind.DID), Map.entry("номер", LineKind.DID),
            Map.entry("входящий", LineKind.DID), Map.entry("входящий номер", LineKind.DID),
            Map.entry("queue", LineKind.QUEUE), Map.entry("очередь", LineKind.QUEUE));

    /** The directory's names of the fields its checks complain about, and the columns they come from. */
    private static final Map<String, Column> FIELDS = Map.of("number", Column.LINE_NUMBER, "name", Column.NAME,
            "source", Column.SOURCE, "city", Column.CITY, "comment", Column.COMMENT);

    private final PhoneNumbers numbers;

    LinesImport(PhoneNumbers numbers) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    @Override
    public Plan plan(Header header, List<Sheet.Row> rows, DirectoryBatch.Session directory) {
        Map<String, Line> stored = new HashMap<>();
        directory.lines().forEach(line -> stored.put(key(line.kind(), line.normalized()), line));

        Map<String, Integer> seen = new HashMap<>();
        List<ImportReport.Row> outcomes = new ArrayList<>(rows.size());
        List<LineUpsert> writes = new ArrayList<>();
        for (Sheet.Row row : rows) {
            RowResult result = new RowResult(row, header);
            String number = header.text(row, Column.LINE_NUMBER);
            result.key(number);
            LineKind kind = kind(header.text(row, Column.KIND), result);
            if (number == null) {
                result.problem(Column.LINE_NUMBER, "number is required: the incoming number, or the queue's name");
                outcomes.add(result.error());
                continue;
            }
            String normalized = normalize(kind, number, result);
            if (result.failed()) {
                outcomes.add(result.error());
                continue;
            }
            Integer earlier = seen.putIfAbsent(key(kind, normalized), row.number());
            if (earlier != null) {
                result.problem(Column.LINE_NUMBER, "the same line as row " + earlier);
                outcomes.add(result.error());
                continue;
            }
            Line existing = stored.get(key(kind, normalized));
            String name = header.has(Column.NAME) || existing == null ? header.text(row, Column.NAME)
                    : existing.name();
            if (name == null) {
                result.problem(Column.NAME, "name is required: what the card calls the line");
                outcomes.add(result.error());
                continue;
            }
            String source = kept(header, row, Column.SOURCE, existing == null ? null : existing.source());
            String city = kept(header, row, Column.CITY, existing == null ? null : existing.city());
            String comment = kept(header, row, Column.COMMENT, existing == null ? null : existing.comment());
            String entered = existing == null ? number : existing.number();
            LineDetails details = result.checked(FIELDS,
                    () -> new LineDetails(kind, entered, name, source, city, comment));
            if (details == null) {
                outcomes.add(result.error());
                continue;
            }
            if (existing == null) {
                outcomes.add(result.created());
                writes.add(new LineUpsert(null, details, normalized));
                continue;
            }
            result.compare(Column.NAME, existing.name(), details.name());
            result.compare(Column.SOURCE, existing.source(), details.source());
            result.compare(Column.CITY, existing.city(), details.city());
            result.compare(Column.COMMENT, existing.comment(), details.comment());
            outcomes.add(result.updatedOrUnchanged());
            if (result.changedAnything()) {
                writes.add(new LineUpsert(existing.id(), details, normalized));
            }
        }
        return new Plan(outcomes, session -> session.writeLines(writes));
    }

    private static LineKind kind(String cell, RowResult result) {
        if (cell == null) {
            return LineKind.DID;
        }
        LineKind kind = KINDS.get(cell.toLowerCase(Locale.ROOT).replace('ё', 'е'));
        if (kind == null) {
            result.problem(Column.KIND, "'" + cell + "' is no kind of line: did (an incoming number) or queue");
            return LineKind.DID;
        }
        return kind;
    }

    private String normalize(LineKind kind, String number, RowResult result) {
        try {
            return kind.normalize(numbers, number);
        } catch (IllegalArgumentException e) {
            result.problem(Column.LINE_NUMBER, e.getMessage()
                    + (kind == LineKind.DID ? "; a queue needs 'queue' in the kind column" : ""));
            return null;
        }
    }

    /** The file's value when it has the column, else the stored one. */
    private static String kept(Header header, Sheet.Row row, Column column, String stored) {
        return header.has(column) ? header.text(row, column) : stored;
    }

    private static String key(LineKind kind, String normalized) {
        return kind.dbName() + " " + normalized;
    }
}
