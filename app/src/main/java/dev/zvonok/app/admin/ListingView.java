package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A list from the server: search, the table of one page (its header sorts on the server), the pager. The audit log's
 * tab is one; the lists with an editor beside are one too ({@link EntityTab}).
 */
public final class ListingView<T> {

    /**
     * A column: the key of its title, what it shows of a row and what the server sorts it by.
     *
     * @param sortKey null for a column that does not sort
     */
    public record Column<T>(String key, Function<T, String> value, SortKey sortKey) {

        /** A column that does not sort. */
        public Column(String key, Function<T, String> value) {
            this(key, value, null);
        }
    }

    private final ListingViewModel<T> vm;
    private final LiveTexts texts;
    private final VBox root = new VBox();
    private final TableView<T> table;

    public ListingView(ListingViewModel<T> vm, List<Column<T>> columns, ObservableValue<Locale> language) {
        this(vm, columns, language, List.of());
    }

    /** @param actions put at the end of the search line (e.g. a button for a new row) */
    ListingView(ListingViewModel<T> vm, List<Column<T>> columns, ObservableValue<Locale> language,
                List<Node> actions) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(ListingView.class, language);
        this.table = new TableView<>(vm.rows());
        build(columns, actions);
    }

    TableView<T> table() {
        return table;
    }

    public Parent root() {
        return root;
    }

    private void build(List<Column<T>> columns, List<Node> actions) {
        String name = vm.listing().name();
        TextField search = TextFields.createClearableTextField();
        search.setId("admin-" + name + "-search");
        search.promptTextProperty().bind(texts.get("admin.listing.search." + name));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnAction(e -> vm.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = new Button(null, new FontIcon(Feather.SEARCH));
        find.getStyleClass().add(Styles.BUTTON_ICON);
        find.setOnAction(e -> vm.search());
        HBox filters = new HBox(search, find);
        filters.getChildren().addAll(actions);
        filters.getStyleClass().add("admin-filters");

        table.setId("admin-" + name + "-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (Column<T> column : columns) {
            TableColumn<T, String> shown = new TableColumn<>();
            shown.textProperty().bind(texts.get(column.key()));
            shown.setCellValueFactory(cell -> new ReadOnlyStringWrapper(column.value().apply(cell.getValue())));
            ServerSorting.sortable(shown, column.sortKey());
            table.getColumns().add(shown);
        }
        ServerSorting.install(table, vm::sortBy);
        Label empty = new Label();
        empty.textProperty().bind(texts.get("admin.listing.empty"));
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);

        root.getChildren().setAll(filters, table, ServerListControls.problem(vm, texts),
                ServerListControls.pager(vm, texts, null));
        root.getStyleClass().add("admin-list");
    }
}
