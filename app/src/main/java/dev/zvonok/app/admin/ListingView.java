package dev.zvonok.app.admin;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A read-only list tab: search, the table of one page, the pager. Editors for these are still to come. */
public final class ListingView<T> {

    /** A column: the key of its title and what it shows of a row. */
    public record Column<T>(String key, Function<T, String> value) {
    }

    private final ListingViewModel<T> vm;
    private final LiveTexts texts;
    private final VBox root = new VBox();

    public ListingView(ListingViewModel<T> vm, List<Column<T>> columns, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(ListingView.class, language);
        build(columns);
    }

    public Parent root() {
        return root;
    }

    private void build(List<Column<T>> columns) {
        String name = vm.listing().name();
        TextField search = new TextField();
        search.setId("admin-" + name + "-search");
        search.promptTextProperty().bind(texts.get("admin.listing.search." + name));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnAction(e -> vm.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = new Button(null, new FontIcon(Feather.SEARCH));
        find.getStyleClass().add(Styles.BUTTON_ICON);
        find.setOnAction(e -> vm.search());
        HBox filters = new HBox(search, find);
        filters.getStyleClass().add("admin-filters");

        TableView<T> table = new TableView<>(vm.rows());
        table.setId("admin-" + name + "-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (Column<T> column : columns) {
            TableColumn<T, String> shown = new TableColumn<>();
            shown.textProperty().bind(texts.get(column.key()));
            shown.setCellValueFactory(cell -> new ReadOnlyStringWrapper(column.value().apply(cell.getValue())));
            shown.setSortable(false);
            table.getColumns().add(shown);
        }
        Label empty = new Label();
        empty.textProperty().bind(texts.get("admin.listing.empty"));
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(MessageText.of(texts, vm.problemProperty()));
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Button previous = new Button(null, new FontIcon(Feather.CHEVRON_LEFT));
        previous.disableProperty().bind(vm.hasPreviousPage().not());
        previous.setOnAction(e -> vm.previousPage());
        Button next = new Button(null, new FontIcon(Feather.CHEVRON_RIGHT));
        next.disableProperty().bind(vm.hasNextPage().not());
        next.setOnAction(e -> vm.nextPage());
        Label where = new Label();
        where.textProperty().bind(texts.text(t -> t.format("admin.users.page", vm.pageProperty().get(),
                        Math.max(1, vm.totalPagesProperty().get()), vm.totalProperty().get()),
                vm.pageProperty(), vm.totalPagesProperty(), vm.totalProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox pager = new HBox(gap, previous, where, next);
        pager.setAlignment(Pos.CENTER_RIGHT);
        pager.getStyleClass().add("admin-pager");

        root.getChildren().setAll(filters, table, problem, pager);
        root.getStyleClass().add("admin-list");
    }
}
