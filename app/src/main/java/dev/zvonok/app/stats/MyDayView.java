package dev.zvonok.app.stats;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.stats.MyStats;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The operator's "My day" in the main window's header: today's calls, accepted, missed and the acceptance rate. */
public final class MyDayView {

    private final MyDayViewModel vm;
    private final LiveTexts texts;
    private final HBox root = new HBox();

    public MyDayView(MyDayViewModel vm, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(MyDayView.class, language);
        root.setId("my-day");
        root.getStyleClass().add("my-day");
        root.getStylesheets().add(Objects.requireNonNull(MyDayView.class.getResource("stats.css")).toExternalForm());
        root.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(
                figure("calls", my -> StatsFormat.count(my.total(), texts.now().locale())),
                figure("accepted", my -> StatsFormat.count(my.accepted(), texts.now().locale())),
                figure("missed", my -> StatsFormat.count(my.missed(), texts.now().locale())),
                figure("acceptance", my -> StatsFormat.percent(my.acceptanceRate(), texts.now().locale())),
                RecomputingNotice.of("my-day-recomputing", texts, vm.recomputingProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts.get("myDay.tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(StatisticsView.em(24));
        Tooltip.install(root, tip);
    }

    public Node root() {
        return root;
    }

    private Node figure(String name, Function<MyStats, String> value) {
        Label number = new Label();
        number.setId("my-day-" + name);
        number.getStyleClass().addAll("my-day-value", Styles.TEXT_BOLD);
        number.textProperty().bind(texts.text(t -> vm.figuresProperty().get() == null ? StatsFormat.NONE
                : value.apply(vm.figuresProperty().get()), vm.figuresProperty()));
        Label title = new Label();
        title.getStyleClass().addAll("my-day-title", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        title.textProperty().bind(texts.get("myDay." + name));
        VBox box = new VBox(number, title);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("my-day-figure");
        return box;
    }
}
