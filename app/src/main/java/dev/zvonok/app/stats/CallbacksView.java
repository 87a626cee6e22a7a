package dev.zvonok.app.stats;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.history.CallBackStatus;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.stats.CallbackItem;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The missed calls to call back: a row per number, who waited longest first, each with "Call back". Read again every
 * {@value CallbacksViewModel#REFRESH_SECONDS} s while on screen, besides the reads on the live events.
 */
public final class CallbacksView {

    private final CallbacksViewModel vm;
    private final LiveTexts texts;
    private final Clock clock;
    private final PhoneNumbers phones;
    private final BorderPane root = new BorderPane();
    private final AssigneePicker picker;

    public CallbacksView(CallbacksViewModel vm, ObservableValue<Locale> language, Clock clock, PhoneNumbers phones) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(StatisticsView.class, language);
        this.clock = clock;
        this.phones = phones;
        this.picker = new AssigneePicker(vm, texts);
        root.setId("callbacks");
        root.getStyleClass().add("callbacks");
        root.getStylesheets().add(Objects.requireNonNull(StatisticsView.class.getResource("stats.css"))
                .toExternalForm());
        root.setTop(new javafx.scene.layout.VBox(toolbar(), figure()));
        root.setCenter(table());
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(CallbacksViewModel.REFRESH_SECONDS),
                e -> vm.refresh()));
        refresh.setCycleCount(Animation.INDEFINITE);
        // only while its window is open: a closed window's list costs the server nothing (and outlives no session)
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .subscribe(showing -> {
                    if (showing) {
                        refresh.play();
                    } else {
                        refresh.stop();
                    }
                });
    }

    public Parent root() {
        return root;
    }

    private Node toolbar() {
        ComboBox<PeriodChoice> period = new ComboBox<>();
        period.setId("callbacks-period");
        period.getItems().setAll(List.of(PeriodChoice.TODAY, PeriodChoice.YESTERDAY, PeriodChoice.THIS_WEEK,
                PeriodChoice.LAST_7_DAYS, PeriodChoice.THIS_MONTH, PeriodChoice.LAST_MONTH));
        period.valueProperty().bindBidirectional(vm.periodProperty());
        StringConverter<PeriodChoice> converter = new StringConverter<>() {
            @Override
            public String toString(PeriodChoice value) {
                return value == null ? "" : texts.now().get("period." + value.name());
            }

            @Override
            public PeriodChoice fromString(String string) {
                return null;
            }
        };
        period.setConverter(converter);
        period.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PeriodChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : converter.toString(item));
            }
        });
        period.setButtonCell(period.getCellFactory().call(null));

        Label count = new Label();
        count.setId("callbacks-count");
        count.textProperty().bind(texts.text(t -> t.format("callbacks.count", vm.totalProperty().get()),
                vm.totalProperty()));

        Label status = new Label();
        status.setId("callbacks-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(texts.text(t -> {
            CallBackStatus now = vm.callBackProperty().get();
            return now == null ? "" : t.format(now.textKey("callbacks.status."),
                    phones.display(now.number()));
        }, vm.callBackProperty()));

        Label given = new Label();
        given.setId("callbacks-assignment");
        given.getStyleClass().add(Styles.TEXT_MUTED);
        given.textProperty().bind(texts.text(t -> {
            AssignmentStatus now = vm.assignmentProperty().get();
            if (now == null) {
                return "";
            }
            String number = phones.display(now.number());
            return switch (now.stage()) {
                case DONE -> t.format("callbacks.assignment.DONE", now.to(), number);
                case WITHDRAWN -> t.format("callbacks.assignment.WITHDRAWN", number);
                case FAILED -> t.format("callbacks.assignment.FAILED", number, now.problem());
            };
        }, vm.assignmentProperty()));

        Label problem = new Label();
        problem.setId("callbacks-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(texts.text(t -> vm.problemProperty().get() == null ? ""
                : t.format("stats.problem", vm.problemProperty().get()), vm.problemProperty()));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("callbacks-loading");
        progress.setPrefSize(StatisticsView.em(1.4), StatisticsView.em(1.4));
        progress.visibleProperty().bind(vm.loadingProperty());

        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("callbacks-refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setOnAction(e -> vm.refresh());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(period, count, status, given, gap, problem,
                RecomputingNotice.of("callbacks-recomputing", texts, vm.recomputingProperty()), progress, refresh);
        bar.getStyleClass().add("callbacks-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** While the list holds the numbers behind a figure of the Statistics view: which figure, and the way back. */
    private Node figure() {
        Label which = new Label(null, new FontIcon(Feather.FILTER));
        which.setId("callbacks-figure");
        which.setWrapText(true);
        which.textProperty().bind(texts.text(t -> vm.figureProperty().get() == null ? ""
                : t.format("callbacks.figure", JournalView.whose(vm.figureProperty().get(), t)),
                vm.figureProperty()));
        Button back = new Button(null, new FontIcon(Feather.X));
        back.setId("callbacks-figure-clear");
        back.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        back.setTooltip(new javafx.scene.control.Tooltip());
        back.getTooltip().textProperty().bind(texts.get("callbacks.figure.clear"));
        back.setOnAction(e -> vm.showPeriod());
        HBox row = new HBox(which, back);
        row.getStyleClass().add("callbacks-figure");
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.figureProperty().isNotNull());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private Node table() {
        TableView<CallbackItem> table = new TableView<>(vm.rows());
        table.setId("callbacks-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("column.number", 11, item -> phones.display(item.number())));
        table.getColumns().add(text("column.caller", 12, item -> item.callerName() == null ? ""
                : item.callerName()));
        TableColumn<CallbackItem, Long> attempts = new TableColumn<>();
        attempts.textProperty().bind(texts.get("column.attempts"));
        attempts.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().attempts()));
        attempts.setPrefWidth(StatisticsView.em(6));
        table.getColumns().add(attempts);
        table.getColumns().add(text("column.firstAt", 11, item -> time(item.firstAt())));
        table.getColumns().add(text("column.lastAt", 11, item -> time(item.lastAt())));
        table.getColumns().add(text("column.waited", 6, item -> StatsFormat.duration(item.waitedSeconds())));
        TableColumn<CallbackItem, String> assignedTo = text("column.assignedTo", 24, this::assignedTo);
        assignedTo.setId("callbacks-assigned-to");
        assignedTo.setCellFactory(c -> new dev.zvonok.app.fx.WholeTextCell<>()); // who, by whom, when: long
        table.getColumns().add(assignedTo);
        TableColumn<CallbackItem, CallbackItem> action = new TableColumn<>();
        action.setSortable(false);
        action.setPrefWidth(StatisticsView.em(13.5));
        action.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        action.setCellFactory(c -> new TableCell<>() {
            private final Button call = new Button(null, new FontIcon(Feather.PHONE_OUTGOING));
            private final Button give = new Button(null, new FontIcon(Feather.USER_PLUS));
            private final HBox buttons = new HBox(StatisticsView.em(0.4), call, give);

            {
                call.getStyleClass().addAll(Styles.SMALL, Styles.SUCCESS);
                call.textProperty().bind(texts.get("callbacks.callBack"));
                call.setOnAction(e -> vm.callBack(getItem()));
                // an icon beside Call back, its words in the tooltip: the row keeps room for the names
                give.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_ICON);
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
                tip.textProperty().bind(texts.text(t -> t.get("callbacks.assign") + " "
                        + t.get("callbacks.assign.tooltip")));
                tip.setWrapText(true);
                tip.setMaxWidth(StatisticsView.em(26));
                give.setTooltip(tip);
                give.setOnAction(e -> picker.show(give, getItem()));
            }

            @Override
            protected void updateItem(CallbackItem item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : buttons);
                call.setId(empty || item == null ? null : "callbacks-call-" + item.number());
                give.setId(empty || item == null ? null : "callbacks-give-" + item.number());
            }
        });
        table.getColumns().add(action);
        Label placeholder = new Label();
        placeholder.textProperty().bind(texts.get("callbacks.none"));
        table.setPlaceholder(placeholder);
        return table;
    }

    private String assignedTo(CallbackItem item) {
        if (item.assignedToName() == null) {
            return "";
        }
        // two lines, the name first: "(поручил(а) Анна Смирнова, 14:05)" beside it was cut in a table of this width
        return item.assignedByName() == null ? item.assignedToName() : item.assignedToName() + "\n"
                + texts.now().format("callbacks.assignedBy", item.assignedByName(), dayOrTime(item.assignedAt()));
    }

    private TableColumn<CallbackItem, String> text(String key, double widthEm, Function<CallbackItem, String> text) {
        TableColumn<CallbackItem, String> column = new TableColumn<>();
        column.textProperty().bind(texts.get(key));
        column.setPrefWidth(StatisticsView.em(widthEm));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }

    /** Today's time as a time alone, an earlier one as its day: the column stays short. */
    private String dayOrTime(Instant at) {
        if (at == null) {
            return "";
        }
        java.time.ZonedDateTime local = at.atZone(clock.getZone());
        return (local.toLocalDate().equals(java.time.LocalDate.now(clock))
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)).withLocale(texts.now().locale()).format(local);
    }

    private String time(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(texts.now().locale()).format(at.atZone(clock.getZone()));
    }
}
