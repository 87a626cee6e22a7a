package dev.zvonok.app.board;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.history.CallFormat;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.directory.CallerView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Under the board, the operator the supervisor clicked: their calls now (read-only, with the notes the server has)
 * and their calls of today. Dumb: everything comes from {@link OperatorDetailsViewModel}; hidden while nobody is
 * chosen. The close button lets go of the choice.
 */
final class OperatorDetailsView {

    private final OperatorDetailsViewModel vm;
    private final LiveTexts texts;
    private final LiveTexts historyTexts;
    private final Clock clock;
    private final VBox root = new VBox();
    private final Label name = new Label();
    private final VBox current = new VBox();

    OperatorDetailsView(OperatorDetailsViewModel vm, Runnable close, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.clock = vm.clock();
        this.texts = new LiveTexts(SupervisorView.class, language);
        this.historyTexts = new LiveTexts(CallFormat.class, language);
        root.setId("board-details");
        root.getStyleClass().add("board-details");
        root.visibleProperty().bind(vm.operatorProperty().isNotNull());
        root.managedProperty().bind(root.visibleProperty());

        name.setId("board-details-name");
        name.getStyleClass().add(Styles.TITLE_4);
        Button closeButton = new Button(null, new FontIcon(Feather.X));
        closeButton.setId("board-details-close");
        closeButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        closeButton.accessibleTextProperty().bind(texts.get("board.details.close"));
        closeButton.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(name, gap, closeButton);
        header.setAlignment(Pos.CENTER_LEFT);

        current.setId("board-details-current");
        current.getStyleClass().add("board-details-current");

        Label todayTitle = new Label();
        todayTitle.textProperty().bind(texts.get("board.details.today"));
        todayTitle.getStyleClass().add(Styles.TEXT_BOLD);
        TableView<CallListItem> today = todayTable();
        VBox.setVgrow(today, Priority.ALWAYS);
        root.getChildren().addAll(header, current, todayTitle, today);

        Runnable show = this::showOperator;
        vm.operatorProperty().addListener((o, was, now) -> show.run());
        vm.today().addListener((javafx.collections.ListChangeListener<CallListItem>) change -> show.run());
        texts.texts().addListener((o, was, now) -> show.run());
        show.run();
    }

    Node root() {
        return root;
    }

    /** The name line and the calls now: written again when the tile, today's list (notes) or the language changes. */
    private void showOperator() {
        BoardOperator tile = vm.operatorProperty().get();
        Texts t = texts.now();
        if (tile == null) {
            name.setText(null);
            current.getChildren().clear();
            return;
        }
        String state = BoardFormat.state(tile.state(), t);
        String reason = BoardFormat.reason(tile.reason(), t);
        List<String> heading = new ArrayList<>();
        heading.add(tile.name());
        if (!tile.extensions().isEmpty()) {
            heading.add(String.join(", ", tile.extensions()));
        }
        heading.add(reason == null ? state : state + " · " + reason);
        name.setText(String.join(" · ", heading));
        List<Node> lines = new ArrayList<>();
        if (tile.calls().isEmpty()) {
            Label none = new Label(t.get("board.details.noCurrent"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            lines.add(none);
        }
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(t.locale());
        for (BoardCall call : tile.calls()) {
            List<String> parts = new ArrayList<>();
            parts.add(t.get("board.state." + call.state().name().toLowerCase(Locale.ROOT)));
            parts.add(who(call.caller(), call.callerNumber()));
            if (call.caller() != null && call.caller().name() != null && call.callerNumber() != null) {
                parts.add(vm.display(call.callerNumber()));
            }
            if (call.queue() != null) {
                parts.add(call.queue());
            } else if (call.line() != null && call.line().name() != null) {
                parts.add(call.line().name());
            }
            if (call.since() != null) {
                parts.add(t.format("board.details.since", time.format(call.since().atZone(clock.getZone()))));
            }
            Label line = new Label(String.join(" · ", parts));
            line.getStyleClass().add("board-details-call");
            lines.add(line);
            vm.notesOf(call).ifPresent(notes -> {
                Label written = new Label(t.format("board.details.notes", notes));
                written.getStyleClass().addAll("board-details-notes", Styles.TEXT_MUTED);
                written.setWrapText(true);
                lines.add(written);
            });
        }
        current.getChildren().setAll(lines);
    }

    private String who(CallerView caller, String number) {
        String known = CallFormat.caller(caller);
        return known.isEmpty() ? vm.display(number) : known;
    }

    private TableView<CallListItem> todayTable() {
        TableView<CallListItem> table = new TableView<>(vm.today());
        table.setId("board-details-today");
        table.getStyleClass().addAll(Styles.DENSE, "board-details-today");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(160);
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> new Label(
                vm.loadingProperty().get() ? texts.now().get("board.details.loading")
                        : vm.problemProperty().get() != null
                        ? texts.now().format("board.details.problem", vm.problemProperty().get())
                        : texts.now().get("board.details.noCalls")),
                vm.loadingProperty(), vm.problemProperty(), texts.texts()));
        CallFormat[] format = {format()};
        historyTexts.texts().addListener((o, was, now) -> format[0] = format());
        table.getColumns().setAll(List.of(
                column("time", 70, (call, t) -> format[0].time(call.startedAt())),
                column("caller", 200, (call, t) -> who(call.caller(), call.callerNumber())),
                column("result", 110, (call, t) -> format[0].disposition(call.disposition())),
                column("duration", 110, (call, t) -> CallFormat.duration(call)),
                column("notes", 260, (call, t) -> call.notes() == null ? "" : call.notes().replace('\n', ' '))));
        return table;
    }

    private CallFormat format() {
        return new CallFormat(historyTexts.now(), clock.getZone(), LocalDate.now(clock));
    }

    private TableColumn<CallListItem, String> column(String key, double width,
                                                     BiFunction<CallListItem, Texts, String> text) {
        TableColumn<CallListItem, String> column = new TableColumn<>();
        column.setId("board-details-column-" + key);
        column.textProperty().bind(texts.get("board.details.column." + key));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue(), texts.now())));
        return column;
    }
}
