package dev.zvonok.app.history;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.call.CallDisposition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The call history: search, period and disposition above the table, the pages below. Built in code; it only binds to
 * its {@link HistoryViewModel}.
 */
public final class HistoryView {

    /** Typing pauses this long before the search goes out: one request per number, not per digit. */
    private static final Duration SEARCH_PAUSE = Duration.millis(300);

    private final HistoryViewModel vm;
    private final LiveTexts texts;
    private final VBox root = new VBox();
    private final CustomTextField search = new CustomTextField();
    private TableView<CallListItem> table;

    private final Consumer<CallListItem> openCall;

    /** @param openCall shows a call's details (the composition root owns the windows) */
    public HistoryView(HistoryViewModel vm, ObservableValue<Locale> language, Consumer<CallListItem> openCall) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(HistoryView.class, language);
        this.openCall = Objects.requireNonNull(openCall, "openCall");
        build();
    }

    public Parent root() {
        return root;
    }

    /** Ctrl+F: into the search box, its text selected for typing over. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void build() {
        root.getStyleClass().add("history");
        root.getStylesheets().add(Objects.requireNonNull(
                HistoryView.class.getResource("history.css")).toExternalForm());

        CallTable calls = new CallTable(texts, vm.clock(), vm.phones(), vm.user().extensions());
        table = calls.create("history-table", openCall);
        TableColumn<CallListItem, String> notes = calls.notes();
        notes.visibleProperty().bind(vm.notesColumnShownProperty());
        table.getColumns().add(notes);
        // as the operator left it last time, and remembered as they change it
        ColumnArrangement.apply(table, vm.columns());
        ColumnArrangement.follow(table, vm::columnsArranged);
        table.setItems(vm.rows());
        // Enter (or Alt+Enter, as in the missed calls, where Enter calls back) opens the selected call
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            CallListItem selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null && !e.isControlDown() && !e.isShiftDown()) {
                openCall.accept(selected);
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        root.getChildren().addAll(filters(), notes(), table, pager());
    }

    private Node filters() {
        search.setId("history-search");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.promptTextProperty().bind(texts.get("history.search.prompt"));
        search.setText(vm.searchTextProperty().get());
        search.getStyleClass().add("history-search");
        PauseTransition pause = new PauseTransition(SEARCH_PAUSE);
        pause.setOnFinished(e -> vm.searchTextProperty().set(search.getText()));
        search.textProperty().addListener((o, was, now) -> pause.playFromStart());
        // the other way too: a search set from outside (a shortcut, a restored state) shows in the box
        vm.searchTextProperty().addListener((o, was, now) -> {
            if (!Objects.equals(now, search.getText())) {
                search.setText(now);
            }
        });
        search.setOnAction(e -> {
            pause.stop();
            vm.searchTextProperty().set(search.getText());
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                pause.stop();
                vm.searchTextProperty().set("");
                e.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<Period> period = new ComboBox<>();
        period.setId("history-period");
        period.getItems().setAll(Period.values());
        period.valueProperty().bindBidirectional(vm.periodProperty());
        LocalizedCells.install(period, p -> texts.get("history.period." + p.name()));
        tooltip(period, "history.period.tooltip");

        BooleanBinding custom = vm.periodProperty().isEqualTo(Period.CUSTOM);
        DatePicker from = datePicker("history-from", "history.from");
        from.valueProperty().bindBidirectional(vm.customFromProperty());
        DatePicker to = datePicker("history-to", "history.to");
        to.valueProperty().bindBidirectional(vm.customToProperty());
        HBox dates = new HBox(from, to);
        dates.getStyleClass().add("history-dates");
        dates.visibleProperty().bind(custom);
        dates.managedProperty().bind(custom);

        ComboBox<DispositionChoice> disposition = new ComboBox<>();
        disposition.setId("history-disposition");
        disposition.getItems().setAll(DispositionChoice.ALL);
        disposition.setValue(DispositionChoice.of(vm.dispositionProperty().get()));
        disposition.valueProperty().addListener((o, was, now) ->
                vm.dispositionProperty().set(now == null ? null : now.disposition()));
        vm.dispositionProperty().addListener((o, was, now) -> disposition.setValue(DispositionChoice.of(now)));
        LocalizedCells.install(disposition, choice -> texts.get(choice.disposition() == null
                ? "history.disposition.any" : "history.disposition." + choice.disposition().name()));
        tooltip(disposition, "history.disposition.tooltip");

        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("history-refresh");
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        tooltip(refresh, "history.refresh");
        refresh.setOnAction(e -> vm.refresh());

        ToggleButton notesColumn = new ToggleButton(null, new FontIcon(Feather.FILE_TEXT));
        notesColumn.setId("history-notes-toggle");
        notesColumn.textProperty().bind(texts.get("history.notesColumn"));
        notesColumn.selectedProperty().bindBidirectional(vm.notesColumnShownProperty());
        tooltip(notesColumn, "history.notesColumn.tooltip");

        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("history-loading");
        loading.visibleProperty().bind(vm.loadingProperty());

        HBox bar = new HBox(search, period, dates, disposition, notesColumn, refresh, loading);
        bar.getStyleClass().add("history-filters");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The lines under the filters: a load that failed, a name search that only sees this page. */
    private Node notes() {
        Label problem = new Label();
        problem.setId("history-problem");
        problem.getStyleClass().addAll("history-note", Styles.DANGER);
        problem.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        problem.textProperty().bind(texts.text(t -> vm.problemProperty().get() == null ? ""
                : t.get("history.problem." + vm.problemProperty().get().name()), vm.problemProperty()));
        showWhen(problem, vm.problemProperty().isNotNull());

        Label pageOnly = new Label();
        pageOnly.setId("history-name-search-note");
        pageOnly.getStyleClass().addAll("history-note", Styles.TEXT_MUTED);
        pageOnly.setGraphic(new FontIcon(Feather.INFO));
        pageOnly.textProperty().bind(texts.get("history.search.namesOnPage"));
        BooleanBinding byName = Bindings.createBooleanBinding(
                () -> vm.searchProperty().get() instanceof Search.ByName && vm.totalPagesProperty().get() > 1,
                vm.searchProperty(), vm.totalPagesProperty());
        showWhen(pageOnly, byName);
        return new VBox(problem, pageOnly);
    }

    private Node pager() {
        Button previous = new Button(null, new FontIcon(Feather.CHEVRON_LEFT));
        previous.setId("history-previous");
        previous.textProperty().bind(texts.get("history.previous"));
        previous.setMnemonicParsing(true);
        previous.disableProperty().bind(vm.hasPreviousPageProperty().not());
        previous.setOnAction(e -> vm.previousPage());
        Button next = new Button(null, new FontIcon(Feather.CHEVRON_RIGHT));
        next.setId("history-next");
        next.textProperty().bind(texts.get("history.next"));
        next.setMnemonicParsing(true);
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.disableProperty().bind(vm.hasNextPageProperty().not());
        next.setOnAction(e -> vm.nextPage());
        Label where = new Label();
        where.setId("history-page");
        where.getStyleClass().add(Styles.TEXT_MUTED);
        where.textProperty().bind(texts.text(t -> vm.totalPagesProperty().get() == 0 ? ""
                        : t.format("history.pageOf", vm.pageProperty().get(), vm.totalPagesProperty().get(),
                        vm.totalProperty().get()),
                vm.pageProperty(), vm.totalPagesProperty(), vm.totalProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox pager = new HBox(where, gap, previous, next);
        pager.getStyleClass().add("history-pager");
        pager.setAlignment(Pos.CENTER_LEFT);
        return pager;
    }

    private DatePicker datePicker(String id, String promptKey) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.promptTextProperty().bind(texts.get(promptKey));
        picker.getStyleClass().add("history-date");
        return picker;
    }

    private void tooltip(Control control, String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts.get(key));
        control.setTooltip(tip);
        control.accessibleTextProperty().bind(tip.textProperty());
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** A disposition or "any" as a list item (a combo box shows a null item badly). */
    private record DispositionChoice(CallDisposition disposition) {

        static final List<DispositionChoice> ALL = all();

        static DispositionChoice of(CallDisposition disposition) {
            return ALL.stream().filter(c -> c.disposition() == disposition).findFirst().orElseThrow();
        }

        private static List<DispositionChoice> all() {
            List<DispositionChoice> all = new ArrayList<>();
            all.add(new DispositionChoice(null));
            for (CallDisposition d : CallDisposition.values()) {
                all.add(new DispositionChoice(d));
            }
            return List.copyOf(all);
        }
    }
}
