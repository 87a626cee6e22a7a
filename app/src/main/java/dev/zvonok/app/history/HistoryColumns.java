package dev.zvonok.app.history;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the operator arranged the history's table, to find it so again after a restart: whether the notes column is
 * shown, and the columns in the order they stand with their widths. A column is named by its id ({@code call-time},
 * {@code call-notes}...): one the list does not name (added by a newer version) keeps its default place and width, a
 * name no column has (an older version's) is passed over.
 *
 * @param columns in their order left to right; empty: the table as built
 */
public record HistoryColumns(boolean notesShown, List<Column> columns) {

    /** @param width in pixels, as the table measured it */
    public record Column(String id, double width) {

        public Column {
            Objects.requireNonNull(id, "id");
            if (id.isBlank() || !(width > 0) || Double.isInfinite(width)) {
                throw new IllegalArgumentException("not a column: " + id + " " + width);
            }
        }
    }

    public HistoryColumns {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (Column column : columns) {
            if (!seen.add(column.id())) {
                throw new IllegalArgumentException("column " + column.id() + " twice");
            }
        }
    }

    /** The first start: notes hidden, the columns as built. */
    public static HistoryColumns defaults() {
        return new HistoryColumns(false, List.of());
    }

    public HistoryColumns withNotesShown(boolean shown) {
        return new HistoryColumns(shown, columns);
    }

    public HistoryColumns withColumns(List<Column> arranged) {
        return new HistoryColumns(notesShown, arranged);
    }
}
