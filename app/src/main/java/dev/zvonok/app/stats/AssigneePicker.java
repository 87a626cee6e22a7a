package dev.zvonok.app.stats;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.stats.CallbackItem;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.SearchableComboBox;

/**
 * "Give to…" of the call-back list: a pop-over by the row's button with the supervisor's operators to search by name
 * (ControlsFX's {@link SearchableComboBox}), "Give" and, when somebody has the number, "Take back". One pop-over,
 * reused for every row.
 */
final class AssigneePicker {

    private final CallbacksViewModel vm;
    private final PopOver popOver = new PopOver();
    private final SearchableComboBox<Choice> operators;
    private final Button give = new Button();
    private final Button takeBack = new Button();
    private CallbackItem item;

    AssigneePicker(CallbacksViewModel vm, LiveTexts texts) {
        this.vm = Objects.requireNonNull(vm, "vm");
        operators = new SearchableComboBox<>(vm.assignees());
        operators.setId("callbacks-assignee");
        operators.promptTextProperty().bind(texts.get("callbacks.assign.prompt"));
        operators.setPrefWidth(StatisticsView.em(16));
        give.setId("callbacks-assign-ok");
        give.getStyleClass().add(Styles.ACCENT);
        give.textProperty().bind(texts.get("callbacks.assign.ok"));
        give.disableProperty().bind(operators.valueProperty().isNull());
        give.setDefaultButton(true);
        give.setOnAction(e -> {
            vm.assign(item, operators.getValue());
            popOver.hide();
        });
        takeBack.setId("callbacks-assign-nobody");
        takeBack.getStyleClass().add(Styles.FLAT);
        takeBack.textProperty().bind(texts.get("callbacks.assign.nobody"));
        takeBack.setOnAction(e -> {
            vm.withdraw(item);
            popOver.hide();
        });
        HBox buttons = new HBox(StatisticsView.em(0.5), give, takeBack);
        VBox content = new VBox(StatisticsView.em(0.6), operators, buttons);
        content.setId("callbacks-picker");
        content.setPadding(new Insets(StatisticsView.em(0.8)));
        popOver.setContentNode(content);
        popOver.setArrowLocation(PopOver.ArrowLocation.RIGHT_CENTER);
        popOver.setDetachable(false);
        popOver.setAnimated(false);
    }

    /** Shows the pop-over by {@code owner} for the number of {@code row}, its current assignee chosen. */
    void show(Node owner, CallbackItem row) {
        item = row;
        operators.setValue(row.assignedToId() == null ? null : vm.assignees().stream()
                .filter(c -> c.id() == row.assignedToId()).findFirst().orElse(null));
        takeBack.setVisible(row.assignedToId() != null);
        takeBack.setManaged(takeBack.isVisible());
        popOver.show(owner);
    }
}
