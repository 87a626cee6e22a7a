package dev.zvonok.app.stats;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.history.CallFormat;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.phone.PhoneNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The calls behind a figure: what they are (a line above), a name to narrow them by, the calls a page at a time, and a
 * call's details on a double click or Enter.
 */
public final class JournalView {

    private final JournalViewModel vm;
    private final LiveTexts texts;
    private final ObservableValue<Locale> language;
    private final Clock clock;
    private final PhoneNumbers phones;
    private final Consumer<CallListItem> openCall;
    private final BorderPane root = new BorderPane();
    private final TableView<CallListItem> table;

    public JournalView(JournalViewModel vm, ObservableValue<Locale> language, Clock clock, PhoneNumbers phones,
                       Consumer<CallListItem> openCall) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(StatisticsView.class, language);
        this.language = language;
        this.clock = clock;
        this.phones = phones;
        this.openCall = Objects.requireNonNull(openCall, "openCall");
        root.setId("journal");
        root.getStyleClass().add("journal");
        root.getStylesheets().add(Objects.requireNonNull(StatisticsView.class.getResource("stats.css"))
                .toExternalForm());
        root.setTop(toolbar());
        table = table();
        root.setCenter(table);
        root.setBottom(footer());
    }

    public Parent root() {
        return root;
    }

    private Node toolbar() {
        Label what = new Label();
        what.setId("journal-what");
        what.getStyleClass().add(Styles.TITLE_4);
        what.textProperty().bind(texts.text(t -> describe(vm.queryProperty().get(), t), vm.queryProperty()));

        TextField name = new TextField();
        name.setId("journal-name");
        name.setPrefColumnCount(16);
        name.promptTextProperty().bind(texts.get("journal.name.prompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setOnAction(e -> vm.search());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("journal-loading");
        progress.setPrefSize(StatisticsView.em(1.4), StatisticsView.em(1.4));
        progress.visibleProperty().bind(vm.loadingProperty());

        Label problem = new Label();
        problem.setId("journal-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(texts.text(t -> vm.problemProperty().get() == null ? ""
                : t.format("stats.problem", vm.problemProperty().get()), vm.problemProperty()));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(what, gap, problem, progress, name);
        bar.getStyleClass().add("journal-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * "Answered · Inbound · 01.12.2026 – 05.12.2026 · support", "Missed · Inbound · 05.12.2026 14:00–15:00",
     * "All calls · answered by Пётр Петров · 01.12.2026 – 05.12.2026"
     */
    static String describe(JournalQuery query, Texts t) {
        if (query == null) {
            return t.get("journal.nothing");
        }
        StringBuilder what = new StringBuilder(query.status() == null ? t.get("journal.allCalls")
                : t.get("status." + query.status().wireName()));
        if (query.direction() != null) {
            what.append(" · ").append(t.get("direction." + query.direction().wireName()));
        }
        if (query.reached() != null && !query.reached()) {
            what.append(" · ").append(t.get("journal.notReached"));
        }
        return what.append(" · ").append(whose(query, t)).toString();
    }

    /** Whose calls of which days: the operators, the period, the filters and the teams of a query, for a header. */
    static String whose(JournalQuery query, Texts t) {
        StringBuilder whose = new StringBuilder();
        if (query.operator() != null) {
            whose.append(query.filter().answeredBy() != null
                    ? t.format("journal.answeredBy", query.operator()) : query.operator()).append(" · ");
        }
        whose.append(query.period().describe(t));
        // an operator's id says nothing to a reader: named above
        query.filter().answeredBy(null).parameters().forEach((name, value) -> whose.append(" · ").append(value));
        if (query.counted() != null) {
            // the teams chosen: their calls by the statistics' rule (the operators are named above)
            query.counted().question().teams().forEach(team -> whose.append(" · ").append(team));
        }
        return whose.toString();
    }

    private TableView<CallListItem> table() {
        TableView<CallListItem> calls = new TableView<>(vm.rows());
        calls.setId("journal-calls");
        calls.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        calls.getColumns().add(column("column.time", 9, (call, f) -> f.time(call.startedAt())));
        calls.getColumns().add(column("column.direction", 8, (call, f) -> f.direction(call)));
        calls.getColumns().add(column("column.caller", 14, (call, f) -> CallFormat.caller(call.caller())));
        calls.getColumns().add(column("column.number", 10, (call, f) -> call.callerNumber() == null ? ""
                : phones.display(call.callerNumber())));
        calls.getColumns().add(column("column.queue", 6, (call, f) -> call.queue() == null ? "" : call.queue()));
        calls.getColumns().add(column("column.line", 8, (call, f) -> call.line() == null ? "" : call.line().name()));
        calls.getColumns().add(column("column.status", 8, (call, f) -> f.disposition(call.disposition())));
        calls.getColumns().add(column("column.operator", 10, (call, f) -> CallFormat.operator(call)));
        calls.getColumns().add(column("column.duration", 5, (call, f) -> CallFormat.duration(call)));
        calls.getColumns().add(column("column.notes", 16, (call, f) -> call.notes() == null ? "" : call.notes()));
        Label placeholder = new Label();
        placeholder.textProperty().bind(texts.get("journal.empty"));
        calls.setPlaceholder(placeholder);
        calls.setRowFactory(t -> {
            TableRow<CallListItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openCall.accept(row.getItem());
                }
            });
            return row;
        });
        calls.setOnKeyPressed(e -> {
            CallListItem chosen = calls.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                openCall.accept(chosen);
            }
        });
        return calls;
    }

    private TableColumn<CallListItem, String> column(String key, double widthEm,
                                                     BiFunction<CallListItem, CallFormat, String> text) {
        TableColumn<CallListItem, String> column = new TableColumn<>();
        column.textProperty().bind(texts.get(key));
        column.setPrefWidth(StatisticsView.em(widthEm));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue(), format())));
        return column;
    }

    private CallFormat format() {
        return new CallFormat(Texts.of(CallFormat.class, language.getValue()), clock.getZone(), LocalDate.now(clock));
    }

    private Node footer() {
        Label count = new Label();
        count.setId("journal-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(texts.text(t -> t.format("journal.count", vm.rows().size(),
                vm.totalProperty().get()), vm.totalProperty(), vm.rows()));
        Button more = new Button();
        more.setId("journal-more");
        more.textProperty().bind(texts.get("journal.more"));
        more.visibleProperty().bind(vm.moreProperty());
        more.disableProperty().bind(vm.loadingProperty());
        more.setOnAction(e -> vm.more());
        HBox bar = new HBox(count, more);
        bar.getStyleClass().add("journal-footer");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    void focus() {
        table.requestFocus();
    }
}
