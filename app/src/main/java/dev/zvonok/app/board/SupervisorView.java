package dev.zvonok.app.board;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.stats.InboundCounters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The supervisors' live board: today's counters, the filter, the operators' table and the queue panel, with the
 * alerts above. Built in code and dumb: everything comes from {@link BoardViewModel}, whose one pass a second sets
 * each list once; colours come from CSS pseudo-classes on plain cells, no control per operator and no animation.
 */
public final class SupervisorView {

    private static final PseudoClass HEADING = PseudoClass.getPseudoClass("heading");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    private static final List<PseudoClass> STATES = Arrays.stream(OperatorState.values())
            .map(state -> PseudoClass.getPseudoClass(state.wireName())).toList();
    private static final String ALL = "";
    /** Ctrl+F (Cmd+F): to the search field, its text selected. */
    public static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final BoardViewModel vm;
    private final LiveTexts texts;
    private final BorderPane root = new BorderPane();
    private final TableView<BoardLine> operators = new TableView<>();
    private final AlertToasts toasts;
    private final TextField search = new TextField();
    private HBox toolbar;

    public SupervisorView(BoardViewModel vm, ObservableValue<Locale> language) {
        this(vm, null, language);
    }

    /** @param details what the board shows of the operator clicked; null: a click shows nothing more */
    public SupervisorView(BoardViewModel vm, OperatorDetailsViewModel details, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(SupervisorView.class, language);
        String css = Objects.requireNonNull(SupervisorView.class.getResource("board.css")).toExternalForm();
        this.toasts = new AlertToasts(vm.alerts(), alert -> alertText(alert, texts.now()), css);
        root.getStylesheets().add(css);
        root.getStyleClass().add("board");
        root.setId("board");
        root.setTop(new VBox(counters(), recomputing(), toolbar(), spyBar(), alerts()));
        Node table = operatorsTable();
        Node left = table;
        if (details != null) {
            Node pane = new OperatorDetailsView(details, () -> vm.selectedUserIdProperty().set(null), language).root();
            VBox.setVgrow(table, Priority.ALWAYS);
            left = new VBox(table, pane);
        }
        SplitPane split = new SplitPane(left, queuePanel());
        split.setDividerPositions(0.68);
        root.setCenter(split);
        root.sceneProperty().addListener((o, was, scene) -> {
            toasts.attach(scene == null ? null : scene.getWindow());
            if (scene != null) {
                scene.windowProperty().addListener((w, before, window) -> toasts.attach(window));
            }
        });
        focusTheTableWhenShown();
        vm.passesProperty().addListener((o, was, now) -> settleThePass());
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                focusSearch();
                event.consume();
            }
        });
    }

    /**
     * The table has the keyboard when the window opens, never the search field: a focused field's caret blinks, and
     * a blinking caret is an animation, which keeps JavaFX pulsing sixty times a second — on an idle board 6.5 % of
     * one core instead of 4.9 % (BoardOnScreen, docs/benchmarks.md). Asked for when the table is in a window that
     * shows, whichever comes last: a window shown anew has the table at once, but a window already showing (a stage
     * given this scene, as TestFX's is from test to test) puts it in only at its next pulse, when the split pane's skin
     * is made — before that the table has no scene and a request does nothing. In the same pulse, after the CSS, the
     * scene gives its own first focus when nobody has it: to its first focus-traversable node, so the field is not
     * one (it is reached by a click or {@link #FIND}); should the table's request not hold (hidden in a tab not
     * chosen), no caret blinks either way.
     */
    private void focusTheTableWhenShown() {
        operators.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .subscribe(shown -> {
                    if (shown && !search.isFocused()) {
                        operators.requestFocus();
                    }
                });
    }

    /**
     * The pass's changes laid out at once, before the pulse's CSS. The table updates its cells in its layout, and a
     * cell's new state changes its pseudo-class, which asks for CSS: asked for in the pulse's layout, after the pulse's
     * CSS pass, that took a second pulse, and that second pulse repaints the whole window (a CSS request marks the
     * scene's root dirty), in software as costly as the pass's own repaint (BoardOnScreen's pulse log: three pulses a
     * pass, two of them painted, the second in full). Laid out here, the pulse's CSS pass styles what the cells asked
     * for, its layout finds little left to do, and it paints once. Not {@code applyCss()}: on the root it styles every
     * node of the window again, where the pulse's pass styles only those that asked. Only while the window shows: a
     * window closed to the tray has no pulses, and its board need not be laid out every second for nobody.
     */
    private void settleThePass() {
        Scene scene = root.getScene();
        if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            root.layout();
        }
    }

    /** To the search field, its text selected for the next search. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public Parent root() {
        return root;
    }

    // ------------------------------------------------------------------------------- today's counters

    private Node counters() {
        HBox strip = new HBox();
        strip.setId("board-counters");
        strip.getStyleClass().add("board-counters");
        strip.getChildren().addAll(
                counter("calls", c -> Long.toString(c.total())),
                counter("answered", c -> Long.toString(c.answered())),
                counter("missed", c -> Long.toString(c.missed())),
                counter("abandoned", c -> Long.toString(c.abandoned())),
                counter("acceptance", c -> BoardFormat.percent(c.acceptanceRate())),
                counter("asa", c -> BoardFormat.seconds(c.asaSeconds())),
                counter("aht", c -> BoardFormat.seconds(c.ahtSeconds())),
                counter("serviceLevel", c -> BoardFormat.percent(c.serviceLevel())),
                counter("longestWait", c -> BoardFormat.duration(Duration.ofSeconds(c.longestWaitSeconds()))));
        return strip;
    }

    /** Under the counters while the server recomputes its statistics: why they are blank, and that they come back. */
    private Node recomputing() {
        Label notice = new Label(null, new FontIcon(Feather.CLOCK));
        notice.setId("board-recomputing");
        notice.getStyleClass().addAll("board-recomputing", Styles.WARNING);
        notice.setWrapText(true);
        notice.textProperty().bind(texts.get("board.counters.recomputing"));
        notice.visibleProperty().bind(vm.statisticsRecomputingProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    private Node counter(String name, Function<InboundCounters, String> value) {
        Label figure = new Label();
        figure.setId("board-counter-" + name);
        figure.getStyleClass().addAll("board-counter-value", Styles.TITLE_3);
        figure.textProperty().bind(vm.countersProperty().map(value).orElse(BoardFormat.NONE));
        Label caption = new Label();
        caption.getStyleClass().addAll("board-counter-caption", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        if ("serviceLevel".equals(name)) {
            caption.textProperty().bind(texts.text(t -> t.format("board.counter.serviceLevel",
                    vm.countersProperty().get() == null ? 20 : vm.countersProperty().get().serviceLevelThresholdSeconds()),
                    vm.countersProperty()));
        } else {
            caption.textProperty().bind(texts.get("board.counter." + name));
        }
        VBox box = new VBox(figure, caption);
        box.getStyleClass().add("board-counter");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // ------------------------------------------------------------------------------- filter, order, alerts

    private Node toolbar() {
        search.setId("board-search");
        search.setFocusTraversable(false); // see focusTheTableWhenShown: never the scene's first focus
        search.promptTextProperty().bind(texts.get("board.search.prompt"));
        search.setPrefColumnCount(16);
        search.textProperty().bindBidirectional(vm.searchProperty());

        ComboBox<String> state = new ComboBox<>();
        state.setId("board-state-filter");
        state.getItems().add(ALL);
        Arrays.stream(OperatorState.values()).map(OperatorState::wireName).forEach(state.getItems()::add);
        state.setValue(vm.stateFilterProperty().get() == null ? ALL : vm.stateFilterProperty().get().wireName());
        LocalizedCells.install(state, texts, (value, t) -> value == null || value.isEmpty()
                ? t.get("board.filter.allStates") : t.get("board.state." + value));
        state.valueProperty().addListener((o, was, now) -> vm.stateFilterProperty().set(now == null || now.isEmpty()
                ? null : Arrays.stream(OperatorState.values()).filter(s -> s.wireName().equals(now)).findFirst()
                .orElse(null)));

        ComboBox<String> team = new ComboBox<>();
        team.setId("board-team-filter");
        team.getItems().add(ALL);
        team.getItems().addAll(vm.teams());
        team.setValue(ALL);
        vm.teams().addListener((ListChangeListener<String>) change -> {
            String chosen = team.getValue();
            List<String> items = new ArrayList<>();
            items.add(ALL);
            items.addAll(vm.teams());
            team.getItems().setAll(items);
            team.setValue(items.contains(chosen) ? chosen : ALL);
        });
        LocalizedCells.install(team, texts,
                (value, t) -> value == null || value.isEmpty() ? t.get("board.filter.allTeams") : value);
        team.valueProperty().addListener((o, was, now) ->
                vm.teamFilterProperty().set(now == null || now.isEmpty() ? null : now));

        ComboBox<OperatorSort> sort = new ComboBox<>();
        sort.setId("board-sort");
        sort.getItems().setAll(OperatorSort.values());
        sort.setValue(vm.sortProperty().get());
        LocalizedCells.install(sort, texts, (value, t) -> value == null ? "" : t.get("board.sort." + value.name()));
        sort.valueProperty().addListener((o, was, now) -> vm.sortProperty().set(now));

        CheckBox group = new CheckBox();
        group.setId("board-group");
        group.textProperty().bind(texts.get("board.groupByTeam"));
        group.selectedProperty().bindBidirectional(vm.groupByTeamProperty());

        Label count = new Label();
        count.setId("board-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(texts.text(t -> t.format("board.count", vm.shownProperty().get(),
                vm.totalProperty().get()), vm.shownProperty(), vm.totalProperty()));

        Label notCurrent = new Label(null, new FontIcon(Feather.ALERT_TRIANGLE));
        notCurrent.setId("board-not-current");
        notCurrent.getStyleClass().addAll("board-not-current", Styles.WARNING);
        notCurrent.textProperty().bind(texts.text(t -> vm.problemProperty().get() == null
                ? t.get("board.notCurrent") : t.format("board.refused", vm.problemProperty().get()),
                vm.problemProperty()));
        notCurrent.visibleProperty().bind(vm.currentProperty().not());
        notCurrent.managedProperty().bind(notCurrent.visibleProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(search, state, team, sort, group, count, notCurrent, gap, alertMenu());
        // on a narrow window the search field gives way; the filters and buttons keep their words whole
        bar.getChildren().stream().filter(node -> node != search && node != gap && node instanceof Region)
                .forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
        search.setMinWidth(120);
        bar.getStyleClass().add("board-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        toolbar = bar;
        return bar;
    }

    /** A Statistics button before the alerts' menu: the window it opens belongs to the composition root. */
    public void offerStatistics(Runnable open) {
        Button button = new Button(null, new FontIcon(Feather.BAR_CHART_2));
        button.setId("board-statistics");
        button.textProperty().bind(texts.get("board.statistics"));
        button.setOnAction(e -> open.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        toolbar.getChildren().add(toolbar.getChildren().size() - 1, button);
    }


    /** Mute each kind of alert, and set when they come and when a queue turns amber and red. */
    private Node alertMenu() {
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.BELL));
        menu.setId("board-alerts-menu");
        menu.textProperty().bind(texts.get("board.alerts"));
        for (AlertKind kind : AlertKind.values()) {
            CheckMenuItem mute = new CheckMenuItem();
            mute.setId("board-mute-" + kind.name().toLowerCase(Locale.ROOT));
            mute.textProperty().bind(texts.get("board.mute." + kind.name()));
            mute.selectedProperty().bindBidirectional(vm.mutedProperty(kind));
            menu.getItems().add(mute);
        }
        menu.getItems().add(new SeparatorMenuItem());
        BoardThresholds now = vm.thresholdsProperty().get();
        menu.getItems().addAll(
                limit("callerWaitingAlert", (int) now.callerWaitingAlert().toSeconds(), 10, 3600,
                        (t, v) -> t.withCallerWaitingAlert(Duration.ofSeconds(v))),
                limit("wrapupAlert", (int) now.wrapupAlert().toMinutes(), 1, 120,
                        (t, v) -> t.withWrapupAlert(Duration.ofMinutes(v))),
                limit("unansweredRingsAlert", now.unansweredRingsAlert(), 1, 50,
                        BoardThresholds::withUnansweredRingsAlert),
                limit("queueWarning", (int) now.queueWarning().toSeconds(), 5, 3600,
                        (t, v) -> t.withQueueWarning(Duration.ofSeconds(v))),
                limit("queueCritical", (int) now.queueCritical().toSeconds(), 5, 3600,
                        (t, v) -> t.withQueueCritical(Duration.ofSeconds(v))));
        return menu;
    }

    private CustomMenuItem limit(String name, int initial, int min, int max,
                                 BiFunction<BoardThresholds, Integer, BoardThresholds> with) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial);
        spinner.setId("board-limit-" + name);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.thresholdsProperty().set(with.apply(vm.thresholdsProperty().get(), now));
            }
        });
        Label label = new Label();
        label.textProperty().bind(texts.get("board.limit." + name));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(label, gap, spinner);
        line.getStyleClass().add("board-limit");
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPrefWidth(320);
        CustomMenuItem item = new CustomMenuItem(line, false);
        return item;
    }

    private Node alerts() {
        FlowPane list = new FlowPane();
        list.setId("board-alerts");
        list.getStyleClass().add("board-alerts");
        Runnable show = () -> {
            List<Node> chips = new ArrayList<>();
            for (BoardAlert alert : vm.alerts()) {
                Label text = new Label(alertText(alert, texts.now()), new FontIcon(icon(alert)));
                Button close = new Button(null, new FontIcon(Feather.X));
                close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                close.setOnAction(e -> vm.dismiss(alert));
                close.accessibleTextProperty().bind(texts.get("board.alert.dismiss"));
                HBox chip = new HBox(text, close);
                chip.getStyleClass().addAll("board-alert", alert.kind().name().toLowerCase(Locale.ROOT));
                chip.setAlignment(Pos.CENTER_LEFT);
                chips.add(chip);
            }
            list.getChildren().setAll(chips);
        };
        vm.alerts().addListener((ListChangeListener<BoardAlert>) change -> show.run());
        texts.texts().addListener((o, was, now) -> show.run());
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.alerts()));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }

    static Ikon icon(BoardAlert alert) {
        return switch (alert.kind()) {
            case CALLER_WAITING -> Feather.CLOCK;
            case LONG_WRAPUP -> Feather.EDIT_3;
            case UNANSWERED_RINGS -> Feather.PHONE_MISSED;
        };
    }

    // ------------------------------------------------------------------------------- listen, whisper, barge

    private Node spyBar() {
        Button listen = spyButton("listen", Feather.HEADPHONES, vm.spying()::listen);
        Button whisper = spyButton("whisper", Feather.MIC, vm.spying()::whisper);
        Button barge = spyButton("barge", Feather.USERS, vm.spying()::barge);
        Label status = new Label();
        status.setId("board-spy-status");
        status.setWrapText(true);
        status.textProperty().bind(texts.text(t -> spyText(vm.spying().statusProperty().get(),
                vm.spying().selectedProperty().get(), t), vm.spying().statusProperty(),
                vm.spying().selectedProperty()));
        vm.spying().statusProperty().addListener((o, was, now) -> {
            status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (now != null && now.outcome() == SpyViewModel.Outcome.ACCEPTED) {
                status.getStyleClass().add(Styles.SUCCESS);
            } else if (now != null && now.outcome() != SpyViewModel.Outcome.SENT) {
                status.getStyleClass().add(Styles.DANGER);
            }
        });
        HBox bar = new HBox(listen, whisper, barge, status);
        bar.setId("board-spy");
        bar.getStyleClass().add("board-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button spyButton(String mode, Feather icon, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId("board-spy-" + mode);
        button.textProperty().bind(texts.get("board.spy." + mode));
        button.disableProperty().bind(vm.spying().availableProperty().not());
        button.setOnAction(event -> action.run());
        return button;
    }

    private MenuItem spyItem(String mode, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(null, new FontIcon(icon));
        item.setId("board-spy-menu-" + mode);
        item.textProperty().bind(texts.get("board.spy." + mode));
        item.disableProperty().bind(vm.spying().availableProperty().not());
        item.setOnAction(event -> action.run());
        return item;
    }

    /** What the supervisor reads about listening in: the last order's fate, else what selecting allows. */
    static String spyText(SpyViewModel.Status status, OperatorRow selected, Texts t) {
        if (status == null) {
            return selected == null ? t.get("board.spy.hint") : "";
        }
        String mode = status.mode().wireName();
        return switch (status.outcome()) {
            case SENT -> t.format("board.spy.sent." + mode, status.operator());
            case ACCEPTED -> t.format("board.spy.accepted." + mode, status.operator());
            case CONNECTED -> t.format("board.spy.connected." + mode, status.operator());
            case NOT_REACHED -> switch (status.code() == null ? "" : status.code()) {
                case "busy", "no-answer", "congestion" -> t.get("board.spy.notReached." + status.code());
                default -> t.get("board.spy.notReached.failed");
            };
            case UNKNOWN -> t.get("board.spy.unknown");
            case NOT_CONNECTED -> t.get("board.spy.notConnected");
            case REFUSED -> switch (status.code() == null ? "" : status.code()) {
                case "forbidden" -> t.format("board.spy.refused.forbidden", status.operator());
                case "unknown-call" -> t.format("board.spy.refused.noCall", status.operator());
                case "invalid-field" -> t.get("board.spy.refused.noPhone");
                case "pbx-unavailable" -> t.format("board.spy.refused.pbx", status.reason());
                default -> t.format("board.spy.refused.other", status.reason() == null ? status.code()
                        : status.reason());
            };
        };
    }

    static String alertText(BoardAlert alert, Texts t) {
        return switch (alert.kind()) {
            case CALLER_WAITING -> t.format("board.alert.waiting", alert.subject(), alert.where());
            case LONG_WRAPUP -> t.format("board.alert.wrapup", alert.subject());
            case UNANSWERED_RINGS -> t.format("board.alert.unanswered", alert.subject(), alert.count());
        };
    }

    // ------------------------------------------------------------------------------- the operators

    private Node operatorsTable() {
        operators.setId("board-operators");
        operators.getStyleClass().addAll("board-operators", Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        operators.setItems(vm.lines());
        operators.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        operators.placeholderProperty().bind(texts.texts().map(t -> new Label(t.get("board.empty"))));
        ContextMenu spyMenu = new ContextMenu(spyItem("listen", Feather.HEADPHONES, vm.spying()::listen),
                spyItem("whisper", Feather.MIC, vm.spying()::whisper),
                spyItem("barge", Feather.USERS, vm.spying()::barge));
        operators.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(BoardLine line, boolean empty) {
                super.updateItem(line, empty);
                pseudoClassStateChanged(HEADING, !empty && line instanceof TeamHeading);
                setContextMenu(!empty && line instanceof OperatorRow ? spyMenu : null);
            }
        });
        TableColumn<BoardLine, BoardLine> state = column("state", 190, (row, t) -> {
            String name = BoardFormat.state(row.state(), t);
            String reason = BoardFormat.reason(row.reason(), t);
            return reason == null ? name : name + " · " + reason;
        });
        state.setCellFactory(column -> new StateCell());
        keepTheChoice();
        TableColumn<BoardLine, BoardLine> name = column("name", 200, (row, t) -> row.name());
        name.setCellFactory(column -> new LineCell((row, t) -> row.name(), (heading, t) ->
                heading.team() == null ? t.get("board.noTeam") : heading.team()));
        operators.getColumns().setAll(List.of(state, name,
                column("extension", 100, (row, t) -> row.extensions()),
                time(),
                caller(),
                column("line", 140, (row, t) -> row.line() == null ? "" : row.line()),
                column("team", 140, (row, t) -> row.teamNames())));
        return operators;
    }

    /**
     * A click on an operator chooses them; a pass replaces the rows of the operators whose tile changed, which may
     * drop the table's selection, so the row of the chosen user id is selected again after each. A heading is never chosen.
     */
    private void keepTheChoice() {
        operators.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now instanceof OperatorRow row) {
                vm.selectedUserIdProperty().set(row.userId());
            }
        });
        operators.getItems().addListener((ListChangeListener<BoardLine>) change -> selectTheChosen());
        vm.selectedUserIdProperty().addListener((o, was, now) -> selectTheChosen());
    }

    private void selectTheChosen() {
        Long chosen = vm.selectedUserIdProperty().get();
        if (chosen == null) {
            operators.getSelectionModel().clearSelection();
            return;
        }
        List<BoardLine> lines = operators.getItems();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof OperatorRow row && row.userId() == chosen) {
                if (operators.getSelectionModel().getSelectedIndex() != i) {
                    operators.getSelectionModel().clearAndSelect(i);
                }
                return;
            }
        }
        operators.getSelectionModel().clearSelection(); // filtered out: still chosen, shown again when back
    }

    /**
     * How long the operator has been in their state: the row stays from pass to pass while its tile does, so the cell
     * follows the row's time, which each pass moves in place.
     */
    private TableColumn<BoardLine, BoardLine> time() {
        TableColumn<BoardLine, BoardLine> time = column("time", 80, null);
        time.setCellFactory(c -> new TimeCell());
        return time;
    }

    /**
     * The time in state, written by a {@link Text} of the cell's own rather than the cell's text. Every visible time
     * changes every second, and a label's new text makes its skin put its children in anew, which applies their CSS
     * again (selector matching and all): with the waiting callers' times, most of the FX thread's work on a busy
     * board. A {@code Text}'s new text only lays it out.
     */
    private static final class TimeCell extends TableCell<BoardLine, BoardLine> {

        private final Text time = new Text();
        /** The row whose time this cell follows; a pass that gives the cell the same row again changes nothing. */
        private OperatorRow following;

        TimeCell() {
            getStyleClass().add("board-time");
            time.getStyleClass().add("board-time-text");
            time.fillProperty().bind(textFillProperty()); // the row's colours, selected or not
            time.fontProperty().bind(fontProperty());
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setGraphic(time);
        }

        @Override
        protected void updateItem(BoardLine line, boolean empty) {
            super.updateItem(line, empty);
            OperatorRow row = !empty && line instanceof OperatorRow operator ? operator : null;
            if (row != null && row == following) {
                return;
            }
            following = row;
            time.textProperty().unbind();
            if (row != null) {
                time.textProperty().bind(row.timeInStateProperty().map(BoardFormat::duration));
            } else {
                time.setText("");
            }
        }
    }

    /** The caller of the operator's call; on a team's heading, how many of the team are shown and available. */
    private TableColumn<BoardLine, BoardLine> caller() {
        TableColumn<BoardLine, BoardLine> caller = column("caller", 220, null);
        caller.setCellFactory(c -> new LineCell((row, t) -> row.caller() == null ? "" : row.calls() > 1
                ? t.format("board.caller.more", row.caller(), row.calls() - 1) : row.caller(),
                (heading, t) -> t.format("board.team", heading.operators(), heading.available())));
        return caller;
    }

    private TableColumn<BoardLine, BoardLine> column(String key, double width,
                                                     BiFunction<OperatorRow, Texts, String> text) {
        TableColumn<BoardLine, BoardLine> column = new TableColumn<>();
        column.setId("board-column-" + key);
        column.textProperty().bind(texts.get("board.column." + key));
        column.setPrefWidth(width);
        column.setSortable(false); // the board's order is the view-model's, with its grouping
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new LineCell(text, null));
        return column;
    }

    /** A cell of an operator's row; on a team's heading only the name and caller columns say something. */
    private final class LineCell extends TableCell<BoardLine, BoardLine> {

        private final BiFunction<OperatorRow, Texts, String> text;
        /** What a heading shows in this column; null for nothing. */
        private final BiFunction<TeamHeading, Texts, String> headed;

        LineCell(BiFunction<OperatorRow, Texts, String> text, BiFunction<TeamHeading, Texts, String> headed) {
            this.text = text;
            this.headed = headed;
        }

        @Override
        protected void updateItem(BoardLine line, boolean empty) {
            super.updateItem(line, empty);
            setGraphic(null);
            if (empty || line == null) {
                setText(null);
            } else if (line instanceof OperatorRow row) {
                setText(text.apply(row, texts.now()));
            } else if (line instanceof TeamHeading heading && headed != null) {
                setText(headed.apply(heading, texts.now()));
            } else {
                setText(null);
            }
        }
    }

    /** The state with its icon and colour (CSS, by pseudo-class). */
    private final class StateCell extends TableCell<BoardLine, BoardLine> {

        private final FontIcon icon = new FontIcon();

        StateCell() {
            getStyleClass().add("board-state");
            icon.getStyleClass().add("board-state-icon");
        }

        @Override
        protected void updateItem(BoardLine line, boolean empty) {
            super.updateItem(line, empty);
            OperatorState state = !empty && line instanceof OperatorRow row ? row.state() : null;
            for (OperatorState each : OperatorState.values()) {
                pseudoClassStateChanged(STATES.get(each.ordinal()), each == state);
            }
            if (state == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            OperatorRow row = (OperatorRow) line;
            icon.setIconCode(icon(state, row.callState()));
            setGraphic(icon);
            Texts t = texts.now();
            String reason = BoardFormat.reason(row.reason(), t);
            setText(reason == null ? BoardFormat.state(state, t) : BoardFormat.state(state, t) + " · " + reason);
        }
    }

    private static Ikon icon(OperatorState state, BoardCallState call) {
        return switch (state) {
            case OFFLINE -> Feather.POWER;
            case AVAILABLE -> Feather.CHECK_CIRCLE;
            case RINGING -> Feather.BELL;
            case TALKING -> Feather.PHONE_CALL;
            case HOLD -> Feather.PAUSE_CIRCLE;
            case WRAPUP -> Feather.EDIT_3;
            case BREAK -> Feather.COFFEE;
        };
    }

    // ------------------------------------------------------------------------------- the queues

    /**
     * The queues, one box each under the other in a scroll pane, kept by name from pass to pass: a pass changes their
     * texts in place, laid out in the pulse after it. Not a {@code ListView}: its cells are as tall as their waiting
     * callers, and a virtual flow measures such cells again at the pulse after the one that changed them (in its
     * measuring cell), so each pass cost a second pulse, repainted whole in software (BoardOnScreen's pulse log: the
     * window's ~700 nodes, as many as the pass itself). A call centre has a few dozen queues, not thousands.
     */
    private Node queuePanel() {
        VBox list = new VBox();
        list.setId("board-queues");
        list.getStyleClass().add("board-queues");
        Label none = new Label();
        none.textProperty().bind(texts.get("board.noQueues"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        Map<String, QueueBox> boxes = new HashMap<>();
        Runnable show = () -> {
            List<Node> now = new ArrayList<>(vm.queues().size());
            for (QueueRow queue : vm.queues()) {
                QueueBox box = boxes.computeIfAbsent(queue.name(), name -> new QueueBox());
                box.show(queue);
                now.add(box.root);
            }
            boxes.values().removeIf(box -> !now.contains(box.root));
            if (now.isEmpty()) {
                now.add(none);
            }
            if (!now.equals(list.getChildren())) { // a queue come or gone: the children anew, else no change at all
                list.getChildren().setAll(now);
            }
        };
        vm.queues().addListener((ListChangeListener<QueueRow>) change -> show.run());
        texts.texts().addListener((o, was, now) -> show.run());
        show.run();
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("board-queues-scroll");
        Label title = new Label();
        title.textProperty().bind(texts.get("board.queues"));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox panel = new VBox(title, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        panel.getStyleClass().add("board-queue-panel");
        return panel;
    }

    /** A queue: its name, who waits and for how long, coloured past the thresholds. */
    private final class QueueBox {

        /** Characters of a waiting caller's name on its line; the whole name is in the lines' tooltip. */
        static final int LONGEST_NAME = 32;

        private final Label name = new Label();
        /** How many wait and how long: a {@link Text}, as it changes every second while anybody waits. */
        private final Text summary = new Text();
        private final VBox waiting = new VBox();
        private final VBox root = new VBox(name, summary, waiting);

        QueueBox() {
            name.getStyleClass().addAll("board-queue-name", Styles.TEXT_BOLD);
            summary.getStyleClass().add("board-queue-summary");
            waiting.getStyleClass().add("board-queue-waiting");
            root.getStyleClass().add("board-queue");
            // the callers' whole names, written when the tooltip shows rather than at every pass
            Tooltip whole = new Tooltip();
            whole.setOnShowing(event -> whole.setText(wholeNames((QueueRow) root.getUserData())));
            Tooltip.install(waiting, whole);
        }

        private static String wholeNames(QueueRow queue) {
            StringBuilder text = new StringBuilder();
            for (WaitingRow caller : queue == null ? List.<WaitingRow>of() : queue.waiting()) {
                text.append(text.isEmpty() ? "" : "\n").append(caller.position()).append(". ").append(caller.caller());
                if (caller.caller() != null && !caller.caller().equals(caller.callerNumber())) {
                    text.append(" · ").append(caller.callerNumber());
                }
            }
            return text.toString();
        }

        void show(QueueRow queue) {
            Texts t = texts.now();
            root.pseudoClassStateChanged(WARNING, queue.alarm() == AlarmLevel.WARNING);
            root.pseudoClassStateChanged(CRITICAL, queue.alarm() == AlarmLevel.CRITICAL);
            root.setUserData(queue); // what the box shows, for a test that reads the panel
            name.setText(queue.name());
            summary.setText(queue.waiting().isEmpty()
                    ? t.format("board.queue.nobody", queue.free(), queue.members())
                    : t.format("board.queue.summary", queue.waiting().size(),
                    BoardFormat.duration(queue.longestWait()), queue.free(), queue.members()));
            showWaiting(queue.waiting());
        }

        /**
         * One line per waiting caller, kept from pass to pass: a pass changes their texts and colours in place. A new
         * node costs its CSS (selector matching, styles) and a place in the scene; a queue with dozens waiting made
         * dozens of them every second. The lines are {@link Text}s, not labels: every one changes every second (the
         * wait), and a label's new text applies its children's CSS again (see {@link TimeCell}).
         */
        private void showWaiting(List<WaitingRow> callers) {
            List<Node> lines = waiting.getChildren();
            if (lines.size() > callers.size()) {
                lines.subList(callers.size(), lines.size()).clear();
            }
            if (lines.size() < callers.size()) {
                List<Node> more = new ArrayList<>(callers.size() - lines.size());
                for (int i = lines.size(); i < callers.size(); i++) {
                    Text line = new Text();
                    line.getStyleClass().add("board-waiting");
                    more.add(line);
                }
                lines.addAll(more);
            }
            for (int i = 0; i < callers.size(); i++) {
                WaitingRow caller = callers.get(i);
                Text line = (Text) lines.get(i);
                line.setText(caller.position() + ". " + BoardFormat.shortened(caller.caller(), LONGEST_NAME) + "  "
                        + BoardFormat.duration(caller.waited()));
                line.pseudoClassStateChanged(WARNING, caller.alarm() == AlarmLevel.WARNING);
                line.pseudoClassStateChanged(CRITICAL, caller.alarm() == AlarmLevel.CRITICAL);
            }
        }
    }
}
