package dev.zvonok.app.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Puts a table's columns in a remembered order and width, and tells when the operator moves or resizes one. Columns
 * are named by their ids; one without an id is left alone. FX thread.
 */
final class ColumnArrangement {

    private ColumnArrangement() {
    }

    /**
     * The columns {@code arranged} names first, in its order and widths (never under a column's minimum); the others
     * keep their place as built, so that a column a newer version added shows where it was meant to.
     */
    static <S> void apply(TableView<S> table, HistoryColumns arranged) {
        if (arranged.columns().isEmpty()) {
            return;
        }
        List<TableColumn<S, ?>> built = List.copyOf(table.getColumns());
        Map<String, TableColumn<S, ?>> unnamed = new LinkedHashMap<>();
        built.forEach(column -> unnamed.put(column.getId() == null ? "#" + built.indexOf(column) : column.getId(),
                column));
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (HistoryColumns.Column remembered : arranged.columns()) {
            TableColumn<S, ?> column = unnamed.remove(remembered.id());
            if (column != null) {
                ordered.add(column);
                if (column.isResizable()) {
                    column.setPrefWidth(Math.min(column.getMaxWidth(),
                            Math.max(column.getMinWidth(), remembered.width())));
                }
            }
        }
        for (TableColumn<S, ?> column : unnamed.values()) {
            ordered.add(Math.min(built.indexOf(column), ordered.size()), column);
        }
        table.getColumns().setAll(ordered);
    }

    /** Calls {@code arranged} with the columns in their order and widths whenever one moves or is resized. */
    static <S> void follow(TableView<S> table, Consumer<List<HistoryColumns.Column>> arranged) {
        Runnable tell = () -> arranged.accept(table.getColumns().stream()
                .filter(column -> column.getId() != null)
                .map(column -> new HistoryColumns.Column(column.getId(), width(column)))
                .toList());
        InvalidationListener resized = o -> tell.run();
        table.getColumns().forEach(column -> column.widthProperty().addListener(resized));
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(column -> column.widthProperty().removeListener(resized));
                change.getAddedSubList().forEach(column -> column.widthProperty().addListener(resized));
            }
            tell.run();
        });
    }

    /** Whole pixels: a layout pass that moves a border by a fraction is not an arrangement worth writing. */
    private static double width(TableColumn<?, ?> column) {
        double width = column.getWidth() > 0 ? column.getWidth() : column.getPrefWidth();
        return Math.max(1, Math.round(width));
    }
}
