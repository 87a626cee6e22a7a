package dev.zvonok.app.card;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.zvonok.app.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The caller's last calls on the card: a quiet "looking up…" until they arrive, then one row per call: when, who,
 * how it ended, then what was put on its card (a marked priority, the tags, the client, the notes).
 */
final class HistoryList {

    private final CardViewModel model;
    private final Texts texts;
    private final VBox box = new VBox();
    private final VBox rows = new VBox();

    HistoryList(CardViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        box.getStyleClass().add("card-history");
        Label title = new Label(texts.get("card.history"));
        title.getStyleClass().addAll("section-title", Styles.TEXT_MUTED);

        Label loading = new Label(texts.get("card.history.loading"));
        loading.setId("card-history-loading");
        loading.getStyleClass().addAll("history-loading", Styles.TEXT_SUBTLE);
        Shown.when(loading, model.historyLoadingProperty());

        Label none = new Label(texts.get("card.history.none"));
        none.getStyleClass().add(Styles.TEXT_SUBTLE);
        Shown.when(none, Bindings.createBooleanBinding(
                () -> !model.historyLoadingProperty().get() && model.history().isEmpty(),
                model.historyLoadingProperty(), model.history()));

        rows.getStyleClass().add("history-rows");
        model.history().addListener((ListChangeListener<HistoryRow>) change -> rebuild());
        rebuild();
        box.getChildren().addAll(title, loading, none, rows);
    }

    VBox node() {
        return box;
    }

    private void rebuild() {
        rows.getChildren().setAll(model.history().stream().map(this::row).toList());
    }

    private VBox row(HistoryRow entry) {
        Label when = new Label(entry.when());
        when.getStyleClass().add("history-when");
        when.setMinWidth(Region.USE_PREF_SIZE);
        Label operator = new Label(entry.operator());
        operator.getStyleClass().addAll("history-operator", Styles.TEXT_MUTED);
        // a long name may be shortened in this one line: the tooltip has it whole, with the extension
        operator.setTooltip(new Tooltip(entry.operatorFull()));
        Label outcome = new Label(entry.disposition());
        outcome.getStyleClass().addAll("history-outcome");
        outcome.setMinWidth(Region.USE_PREF_SIZE);
        if (entry.outcome() != null) {
            outcome.getStyleClass().add("outcome-" + entry.outcome().wireName());
        }
        HBox head = new HBox(when, operator, new Spacer(), outcome);
        head.getStyleClass().add("history-head");
        VBox row = new VBox(head);
        row.getStyleClass().add("history-row");
        if (!entry.priority().isEmpty() || !entry.tags().isEmpty()) {
            row.getChildren().add(marks(entry));
        }
        if (!entry.client().isEmpty()) {
            Label client = new Label(entry.client(), new FontIcon(Feather.USER));
            client.setWrapText(true);
            client.getStyleClass().add("history-client");
            client.setTooltip(new Tooltip(texts.format("card.history.client", entry.client())));
            client.setAccessibleText(texts.format("card.history.client", entry.client()));
            row.getChildren().add(client);
        }
        if (!entry.notes().isEmpty()) {
            Label notes = new Label(entry.notes());
            notes.setWrapText(true);
            notes.getStyleClass().add("history-notes");
            row.getChildren().add(notes);
        }
        return row;
    }

    /** The priority, when it was marked, as a flagged word; the tags as small labels. */
    private FlowPane marks(HistoryRow entry) {
        FlowPane marks = new FlowPane();
        marks.getStyleClass().add("history-marks");
        if (entry.urgency() != null) {
            Label priority = new Label(entry.priority(), new FontIcon(Feather.FLAG));
            priority.getStyleClass().addAll("history-priority", "priority-" + entry.urgency().wireName());
            priority.setTooltip(new Tooltip(texts.format("card.history.priority", entry.priority())));
            priority.setAccessibleText(texts.format("card.history.priority", entry.priority()));
            marks.getChildren().add(priority);
        }
        for (String tag : entry.tags()) {
            Label chip = new Label(tag);
            chip.getStyleClass().add("history-tag");
            chip.setTooltip(new Tooltip(tag));
            marks.getChildren().add(chip);
        }
        return marks;
    }
}
