package dev.zvonok.app.stats;

import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.phone.PhoneNumbers;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The supervisors' Statistics window: the figures, the calls behind them, and the missed calls to call back, each a
 * tab. Made once and shown again; the figures load when first shown.
 */
public final class StatisticsWindow {

    private final StatisticsViewModel statistics;
    private final JournalViewModel journal;
    private final CallbacksViewModel callbacks;
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Tab callsTab = new Tab();
    private final Tab callbacksTab = new Tab();
    private boolean started;

    /** @param openCall shows a call's details over this window */
    public StatisticsWindow(Window owner, StatisticsViewModel statistics, JournalViewModel journal,
                            CallbacksViewModel callbacks, ObservableValue<Locale> language, Clock clock,
                            PhoneNumbers phones, BiConsumer<Window, CallListItem> openCall) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        LiveTexts texts = new LiveTexts(StatisticsView.class, language);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.titleProperty().bind(texts.get("window.title"));

        StatisticsView view = new StatisticsView(statistics, language, this::showCalls, this::showCallbacks);
        JournalView calls = new JournalView(journal, language, clock, phones, call -> openCall.accept(stage, call));
        CallbacksView toCallBack = new CallbacksView(callbacks, language, clock, phones);

        Tab overview = new Tab(null, view.root());
        overview.setId("stats-tab-overview");
        overview.textProperty().bind(texts.get("tab.overview"));
        overview.setGraphic(new FontIcon(Feather.BAR_CHART_2));
        callsTab.setContent(calls.root());
        callsTab.setId("stats-tab-calls");
        callsTab.textProperty().bind(texts.get("tab.calls"));
        callsTab.setGraphic(new FontIcon(Feather.LIST));
        callbacksTab.setContent(toCallBack.root());
        callbacksTab.setId("stats-tab-callbacks");
        callbacksTab.textProperty().bind(texts.get("tab.callbacks"));
        callbacksTab.setGraphic(new FontIcon(Feather.PHONE_MISSED));
        tabs.setId("stats-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(overview, callsTab, callbacksTab);
        stage.setScene(new Scene(tabs, StatisticsView.em(84), StatisticsView.em(52)));
    }

    /** Shows the window, loading its figures the first time. FX thread. */
    public void show() {
        if (!started) {
            started = true;
            statistics.start();
            callbacks.refresh();
        }
        stage.show();
        stage.toFront();
    }

    public void showCalls(JournalQuery query) {
        journal.show(query);
        tabs.getSelectionModel().select(callsTab);
    }

    /** The call-back list, of the numbers behind a figure of the Statistics view. */
    public void showCallbacks(JournalQuery figure) {
        callbacks.show(figure);
        tabs.getSelectionModel().select(callbacksTab);
    }

    public Stage stage() {
        return stage;
    }

    public void close() {
        stage.close();
    }
}
