package dev.zvonok.app.main;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.board.BoardFormat;
import dev.zvonok.app.board.SupervisorView;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.board.WorkStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The operator's own status in the main window's header: "Available", or "Break · lunch · 12:05" counting, with a
 * menu to change it (Available, then a break for each of the server's reasons), and a warning when the PBX did not
 * follow. Hidden until the server has said what the status is.
 */
final class WorkStatusView {

    private static final PseudoClass ON_BREAK = PseudoClass.getPseudoClass("on-break");

    private final WorkStatusViewModel vm;
    private final LiveTexts texts;
    /** The break reasons' words are the board's: one list of them in the app. */
    private final LiveTexts reasons;
    private final HBox root = new HBox();

    WorkStatusView(WorkStatusViewModel vm, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(MainView.class, language);
        this.reasons = new LiveTexts(SupervisorView.class, language);
        build();
    }

    Node root() {
        return root;
    }

    private void build() {
        FontIcon icon = new FontIcon(Feather.CHECK_CIRCLE);
        icon.getStyleClass().add("work-status-icon");
        MenuButton button = new MenuButton(null, icon);
        button.setId("main-work-status");
        button.getStyleClass().addAll("work-status", Styles.SMALL);
        button.textProperty().bind(texts.text(this::label, vm.statusProperty(), vm.reasonProperty(),
                vm.secondsProperty(), vm.pendingProperty()));
        button.disableProperty().bind(vm.connectedProperty().not().or(vm.pendingProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts.get("workStatus.tooltip"));
        button.setTooltip(tip);
        Runnable menu = () -> button.getItems().setAll(items());
        menu.run();
        vm.breakReasons().addListener((ListChangeListener<String>) change -> menu.run());
        texts.texts().addListener((o, was, now) -> menu.run());
        vm.statusProperty().subscribe(status -> {
            icon.setIconCode(status == WorkStatus.BREAK ? Feather.COFFEE : Feather.CHECK_CIRCLE);
            button.pseudoClassStateChanged(ON_BREAK, status == WorkStatus.BREAK);
        });

        Label problem = new Label(null, new FontIcon(Feather.ALERT_TRIANGLE));
        problem.setId("main-work-status-problem");
        problem.getStyleClass().addAll("work-status-problem", Styles.WARNING);
        problem.textProperty().bind(texts.text(t -> vm.refusalProperty().get() != null
                        ? t.format("workStatus.refused", vm.refusalProperty().get())
                        : vm.pbxProblemProperty().get() == null ? null
                        : t.format("workStatus.pbxProblem", vm.pbxProblemProperty().get()),
                vm.refusalProperty(), vm.pbxProblemProperty()));
        problem.visibleProperty().bind(vm.pbxProblemProperty().isNotNull().or(vm.refusalProperty().isNotNull()));
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        problem.setMaxWidth(360);

        root.getChildren().setAll(button, problem);
        root.setId("main-work-status-box");
        root.getStyleClass().add("main-work-status");
        root.setAlignment(Pos.CENTER_LEFT);
        root.visibleProperty().bind(vm.statusProperty().isNotNull());
        root.managedProperty().bind(root.visibleProperty());
    }

    private String label(Texts t) {
        if (vm.pendingProperty().get()) {
            return t.get("workStatus.pending");
        }
        WorkStatus status = vm.statusProperty().get();
        if (status != WorkStatus.BREAK) {
            return t.get("workStatus.available");
        }
        String time = BoardFormat.duration(Duration.ofSeconds(vm.secondsProperty().get()));
        String reason = BoardFormat.reason(vm.reasonProperty().get(), reasons.now());
        return reason == null ? t.format("workStatus.break", time) : t.format("workStatus.breakWith", reason, time);
    }

    private List<MenuItem> items() {
        Texts t = texts.now();
        List<MenuItem> items = new ArrayList<>();
        MenuItem available = new MenuItem(t.get("workStatus.available"), new FontIcon(Feather.CHECK_CIRCLE));
        available.setId("work-status-available");
        available.setOnAction(e -> vm.available());
        items.add(available);
        if (!vm.breakReasons().isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        for (String code : vm.breakReasons()) {
            MenuItem onBreak = new MenuItem(t.format("workStatus.takeBreak", BoardFormat.reason(code, reasons.now())),
                    new FontIcon(Feather.COFFEE));
            onBreak.setId("work-status-break-" + code);
            onBreak.setOnAction(e -> vm.takeBreak(code));
            items.add(onBreak);
        }
        return items;
    }
}
