package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import java.util.function.Consumer;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Tables whose header sorts on the server: a click asks for page 1 in that order instead of sorting the one page on
 * screen (which would mislead). A column sorts only when it names a {@link SortKey}.
 */
final class ServerSorting {

    private ServerSorting() {
    }

    /** The column sorts by {@code key}; a null key: it does not sort. */
    static void sortable(TableColumn<?, ?> column, SortKey key) {
        column.setUserData(key);
        column.setSortable(key != null);
    }

    /** The table's sort order goes to {@code sortBy} (null for none), the rows stay as the server sent them. */
    static <T> void install(TableView<T> table, Consumer<Sort> sortBy) {
        table.setSortPolicy(view -> {
            sortBy.accept(sortOf(view));
            return true;
        });
    }

    static Sort sortOf(TableView<?> table) {
        for (TableColumn<?, ?> column : table.getSortOrder()) {
            if (column.getUserData() instanceof SortKey key) {
                return new Sort(key, column.getSortType() == TableColumn.SortType.DESCENDING);
            }
        }
        return null;
    }
}
