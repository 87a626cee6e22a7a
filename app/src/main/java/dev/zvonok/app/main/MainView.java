package dev.zvonok.app.main;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.board.SupervisorView;
import dev.zvonok.app.history.HistoryView;
import dev.zvonok.app.history.MissedCallsView;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.stats.MyDayView;
import dev.zvonok.model.api.CallListItem;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The operator's main window: a header (who, which phone, the connection) over the history and the missed calls.
 * Built in code; it only binds to its {@link MainViewModel}. Shortcuts: Ctrl+F search, F5 refresh, Ctrl+, settings,
 * Ctrl+M missed calls, Ctrl+H history, Ctrl+R reconnect now, Ctrl+Shift+A administration (admins), Ctrl+B the live
 * board (supervisors, whose home tab it is, and admins).
 */
public final class MainView {

    public static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination SETTINGS = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination MISSED = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination HISTORY = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination RECONNECT = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination LOG_OUT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** The live board's tab; for supervisors and admins. */
    public static final KeyCombination BOARD = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    /** The Administration window; for admins only. */
    public static final KeyCombination ADMINISTRATION = new KeyCodeCombination(KeyCode.A,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final MainViewModel vm;
    private final LiveTexts texts;
    private final Runnable openSettings;
    private final Runnable logOut;
    /** Null for anybody but an admin: no button, no shortcut. */
    private final Runnable openAdministration;
    private final BorderPane root = new BorderPane();
    private final HistoryView history;
    private final MissedCallsView missed;
    /** Null for anybody but supervisors and admins. */
    private final SupervisorView board;
    private final ObservableValue<Locale> language;
    private final TabPane tabs = new TabPane();
    private final Timeline countdown;

    /**
     * @param openSettings shows the Settings window (the composition root owns it)
     * @param logOut       ends the session on this computer: the next start asks for the password again
     * @param openCall     shows a call's details (the composition root owns those windows too)
     */
    public MainView(MainViewModel vm, ObservableValue<Locale> language, Runnable openSettings, Runnable logOut,
                    Consumer<CallListItem> openCall) {
        this(vm, language, openSettings, logOut, openCall, null);
    }

    /**
     * @param openAdministration shows the Administration window; offered (a button, Ctrl+Shift+A) only when the user
     *                           is an admin ({@link MainViewModel#isAdmin()}); the server refuses anybody else anyway
     */
    public MainView(MainViewModel vm, ObservableValue<Locale> language, Runnable openSettings, Runnable logOut,
                    Consumer<CallListItem> openCall, Runnable openAdministration) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.openAdministration = vm.isAdmin() ? openAdministration : null;
        this.texts = new LiveTexts(MainView.class, language);
        this.openSettings = Objects.requireNonNull(openSettings, "openSettings");
        this.logOut = Objects.requireNonNull(logOut, "logOut");
        this.history = new HistoryView(vm.history(), language, openCall);
        this.missed = new MissedCallsView(vm.missed(), language, openCall);
        this.board = vm.board() == null ? null : new SupervisorView(vm.board(), vm.boardDetails(), language);
        this.language = language;
        this.countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.connection().tick()));
        countdown.setCycleCount(Animation.INDEFINITE);
        build();
    }

    public Parent root() {
        return root;
    }

    /** The board offers the Statistics window (supervisors and admins); nobody else has a board to offer it on. */
    public void offerStatistics(Runnable open) {
        if (board != null) {
            board.offerStatistics(open);
        }
    }

    private void countOnlyWhileReconnecting() {
        if (root.getScene() != null && vm.connection().stateProperty().get() instanceof ConnectionState.Reconnecting) {
            countdown.play();
        } else {
            countdown.stop();
        }
    }

    /** "Zvonok — Иван Иванов", for the stage. */
    public StringBinding title() {
        return texts.format("main.title", vm.operatorName());
    }

    private void build() {
        root.getStyleClass().add("main");
        root.getStylesheets().add(Objects.requireNonNull(MainView.class.getResource("main.css")).toExternalForm());
        root.setTop(header());
        root.setCenter(tabs());
        root.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                Map<KeyCombination, Runnable> accelerators = was.getAccelerators();
                accelerators.remove(SEARCH);
                accelerators.remove(REFRESH);
                accelerators.remove(SETTINGS);
                accelerators.remove(MISSED);
                accelerators.remove(HISTORY);
                accelerators.remove(RECONNECT);
                accelerators.remove(LOG_OUT);
                accelerators.remove(ADMINISTRATION);
                accelerators.remove(BOARD);
            }
            if (scene != null) {
                installShortcuts(scene);
                Platform.runLater(history::focusSearch);
            }
            countOnlyWhileReconnecting();
        });
        // a running Timeline keeps JavaFX pulsing sixty times a second: only while there are seconds to count
        vm.connection().stateProperty().subscribe(state -> countOnlyWhileReconnecting());
    }

    private void installShortcuts(Scene scene) {
        Map<KeyCombination, Runnable> accelerators = scene.getAccelerators();
        accelerators.put(SEARCH, () -> {
            if (board != null && vm.selectedTabProperty().get() == MainTab.BOARD) {
                board.focusSearch(); // on the board its own search: its field is no Tab stop (no caret at open)
                return;
            }
            vm.selectedTabProperty().set(MainTab.HISTORY);
            history.focusSearch();
        });
        accelerators.put(REFRESH, vm::refresh);
        accelerators.put(SETTINGS, openSettings);
        accelerators.put(MISSED, () -> {
            vm.selectedTabProperty().set(MainTab.MISSED);
            missed.focusList();
        });
        accelerators.put(HISTORY, () -> vm.selectedTabProperty().set(MainTab.HISTORY));
        accelerators.put(RECONNECT, () -> vm.connection().reconnectNow());
        accelerators.put(LOG_OUT, logOut);
        if (openAdministration != null) {
            accelerators.put(ADMINISTRATION, openAdministration);
        }
        if (board != null) {
            accelerators.put(BOARD, () -> vm.selectedTabProperty().set(MainTab.BOARD));
        }
    }

    private Node header() {
        FontIcon person = new FontIcon(Feather.USER);
        person.getStyleClass().add("main-user-icon");
        person.setIconSize(emPixels(1.8));
        Label name = new Label(vm.operatorName());
        name.setId("main-operator");
        name.getStyleClass().add(Styles.TITLE_4);
        Label phones = new Label();
        phones.setId("main-extensions");
        phones.getStyleClass().add(Styles.TEXT_MUTED);
        phones.textProperty().bind(vm.extensions().isEmpty() ? texts.get("main.noExtension")
                : texts.format("main.extensions", vm.extensions()));
        VBox who = new VBox(name, phones);
        who.getStyleClass().add("main-who");
        HBox identity = new HBox(person, who);
        identity.getStyleClass().add("main-identity");
        identity.setAlignment(Pos.CENTER_LEFT);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        HBox header = new HBox(identity);
        if (vm.workStatus() != null) {
            header.getChildren().add(new WorkStatusView(vm.workStatus(), language).root());
        }
        if (vm.myDay() != null) {
            header.getChildren().add(new MyDayView(vm.myDay(), language).root());
        }
        header.getChildren().addAll(gap, connection());
        if (openAdministration != null) {
            header.getChildren().add(administrationButton());
        }
        header.getChildren().addAll(settingsButton(), logOutButton());
        header.getStyleClass().add("main-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node connection() {
        ConnectionIndicatorViewModel connection = vm.connection();
        FontIcon dot = new FontIcon(Feather.CIRCLE);
        dot.getStyleClass().add("connection-dot");
        dot.setIconSize(emPixels(0.8));
        Label status = new Label(null, dot);
        status.setId("main-connection");
        status.getStyleClass().add("connection-status");
        status.textProperty().bind(texts.text(t -> ConnectionTexts.describe(connection.stateProperty().get(),
                        connection.secondsLeftProperty().get(), t),
                connection.stateProperty(), connection.secondsLeftProperty()));
        Tooltip why = new Tooltip();
        why.textProperty().bind(texts.text(t -> ConnectionTexts.detail(connection.stateProperty().get(), t),
                connection.stateProperty()));
        status.setTooltip(why);
        showState(status, connection.stateProperty().get());
        connection.stateProperty().addListener((o, was, now) -> showState(status, now));

        Button reconnect = new Button(null, new FontIcon(Feather.REFRESH_CW));
        reconnect.setId("main-reconnect");
        reconnect.getStyleClass().addAll(Styles.SMALL);
        reconnect.textProperty().bind(texts.get("main.reconnectNow"));
        reconnect.setMnemonicParsing(true);
        reconnect.setTooltip(tooltip("main.reconnectNow.tooltip"));
        reconnect.visibleProperty().bind(connection.canReconnectNowProperty());
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        reconnect.setOnAction(e -> connection.reconnectNow());

        HBox box = new HBox(status, reconnect);
        box.getStyleClass().add("main-connection");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void showState(Node status, ConnectionState state) {
        status.pseudoClassStateChanged(CONNECTED, state instanceof ConnectionState.Connected);
        status.pseudoClassStateChanged(WAITING, state instanceof ConnectionState.Connecting
                || state instanceof ConnectionState.Reconnecting);
        status.pseudoClassStateChanged(OFFLINE, state instanceof ConnectionState.Offline);
    }

    private Node settingsButton() {
        Button settings = new Button(null, new FontIcon(Feather.SETTINGS));
        settings.setId("main-settings");
        settings.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        settings.setTooltip(tooltip("main.settings.tooltip"));
        settings.accessibleTextProperty().bind(settings.getTooltip().textProperty());
        settings.setOnAction(e -> openSettings.run());
        return settings;
    }

    private Node administrationButton() {
        Button button = new Button(null, new FontIcon(Feather.SLIDERS));
        button.setId("main-administration");
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(tooltip("main.administration.tooltip"));
        button.accessibleTextProperty().bind(button.getTooltip().textProperty());
        button.setOnAction(e -> openAdministration.run());
        return button;
    }

    private Node logOutButton() {
        Button button = new Button(null, new FontIcon(Feather.LOG_OUT));
        button.setId("main-log-out");
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(tooltip("main.logOut.tooltip"));
        button.accessibleTextProperty().bind(button.getTooltip().textProperty());
        button.setOnAction(e -> logOut.run());
        return button;
    }

    private Node tabs() {
        Tab historyTab = new Tab();
        historyTab.setId("main-history-tab");
        historyTab.textProperty().bind(texts.get("main.tab.history"));
        historyTab.setGraphic(new FontIcon(Feather.CLOCK));
        historyTab.setContent(history.root());

        Label badge = new Label();
        badge.setId("main-missed-badge");
        badge.getStyleClass().add("missed-badge");
        badge.textProperty().bind(vm.missed().unseenCountProperty().asString());
        badge.visibleProperty().bind(vm.missed().unseenCountProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        HBox missedGraphic = new HBox(new FontIcon(Feather.PHONE_MISSED), badge);
        if (vm.missed().toCallBack() != null) {
            // the numbers a supervisor gave to call back: counted apart, they stay until reached, seen or not
            Label given = new Label();
            given.setId("main-to-call-back-badge");
            given.getStyleClass().addAll("missed-badge", "to-call-back-badge");
            given.textProperty().bind(javafx.beans.binding.Bindings.size(vm.missed().toCallBack().rows()).asString());
            given.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.missed().toCallBack().rows()));
            given.managedProperty().bind(given.visibleProperty());
            missedGraphic.getChildren().add(given);
        }
        missedGraphic.getStyleClass().add("missed-tab-graphic");
        missedGraphic.setAlignment(Pos.CENTER_LEFT);
        Tab missedTab = new Tab();
        missedTab.setId("main-missed-tab");
        missedTab.textProperty().bind(texts.get("main.tab.missed"));
        missedTab.setGraphic(missedGraphic);
        missedTab.setContent(missed.root());

        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(historyTab, missedTab);
        Tab boardTab = null;
        if (board != null) {
            boardTab = new Tab();
            boardTab.setId("main-board-tab");
            boardTab.textProperty().bind(texts.get("main.tab.board"));
            boardTab.setGraphic(new FontIcon(Feather.ACTIVITY));
            boardTab.setContent(board.root());
            tabs.getTabs().addFirst(boardTab);
        }
        Map<MainTab, Tab> byName = new java.util.EnumMap<>(MainTab.class);
        byName.put(MainTab.HISTORY, historyTab);
        byName.put(MainTab.MISSED, missedTab);
        if (boardTab != null) {
            byName.put(MainTab.BOARD, boardTab);
        }
        select(vm.selectedTabProperty().get(), byName);
        vm.selectedTabProperty().addListener((o, was, now) -> select(now, byName));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                byName.forEach((name, tab) -> {
                    if (tab == now) {
                        vm.selectedTabProperty().set(name);
                    }
                }));
        return tabs;
    }

    private void select(MainTab tab, Map<MainTab, Tab> byName) {
        tabs.getSelectionModel().select(byName.getOrDefault(tab, byName.get(MainTab.HISTORY)));
    }

    private Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts.get(key));
        return tip;
    }

    /**
     * An icon size that follows the text's scaling. Not in CSS: an em there is taken of the icon's own font, which the
     * icon size sets, and the layout runs away.
     */
    private static int emPixels(double em) {
        return (int) Math.round(em * Font.getDefault().getSize());
    }
}
