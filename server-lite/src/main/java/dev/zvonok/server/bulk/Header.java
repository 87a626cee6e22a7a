package dev.zvonok.server.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which cell of a row holds which column, as the header row says; columns it does not name are left alone. */
final class Header {

    private final Map<Column, Integer> positions;
    private final Map<Column, String> names;
    private final List<String> ignored;

    private Header(Map<Column, Integer> positions, Map<Column, String> names, List<String> ignored) {
        this.positions = positions;
        this.names = names;
        this.ignored = List.copyOf(ignored);
    }

    /** @throws BulkFileException when the key column is missing or a column is named twice */
    static Header of(BulkKind kind, List<String> header) {
        Map<Column, Integer> positions = new HashMap<>();
        Map<Column, String> names = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            if (cell.isBlank()) {
                continue;
            }
            Column column = kind.columns().stream().filter(c -> c.isNamed(cell)).findFirst().orElse(null);
            if (column == null) {
                ignored.add(cell.strip());
                continue;
            }
            if (positions.putIfAbsent(column, i) != null) {
                throw new BulkFileException("the header names the column '" + column.name() + "' twice: '"
                        + names.get(column) + "' and '" + cell.strip() + "'");
            }
            names.put(column, cell.strip());
        }
        if (!positions.containsKey(kind.key())) {
            throw new BulkFileException("the first row names the columns and has no '" + kind.key().name()
                    + "' column; the columns of " + kind.wireName() + " are "
                    + kind.columns().stream().map(Column::name).toList());
        }
        return new Header(positions, names, ignored);
    }

    boolean has(Column column) {
        return positions.containsKey(column);
    }

    /** The cell's text, stripped; null when the row leaves it blank or the file has no such column. */
    String text(Sheet.Row row, Column column) {
        Integer position = positions.get(column);
        if (position == null) {
            return null;
        }
        String text = row.cell(position).strip();
        return text.isEmpty() ? null : text;
    }

    /** The column as the file's header names it, for messages. */
    String nameOf(Column column) {
        return names.getOrDefault(column, column.name());
    }

    List<String> ignored() {
        return ignored;
    }
}
