package dev.zvonok.app.card;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.zvonok.app.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The caller's last calls on the card: a quiet "looking up…" until they arrive, then one row per call. */
final class HistoryList {

    private final CardViewModel model;
    private final VBox box = new VBox();
    private final VBox rows = new VBox();

    HistoryList(CardViewModel model, Texts texts) {
        this.model = model;
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
        rows.getChildren().setAll(model.history().stream().map(HistoryList::row).toList());
    }

    private static VBox row(HistoryRow entry) {
        Label when = new Label(entry.when());
        when.getStyleClass().add("history-when");
        Label operator = new Label(entry.operator());
        operator.getStyleClass().add(Styles.TEXT_MUTED);
        Label outcome = new Label(entry.disposition());
        outcome.getStyleClass().addAll("history-outcome");
        if (entry.outcome() != null) {
            outcome.getStyleClass().add("outcome-" + entry.outcome().wireName());
        }
        HBox head = new HBox(when, operator, new Spacer(), outcome);
        head.getStyleClass().add("history-head");
        VBox row = new VBox(head);
        row.getStyleClass().add("history-row");
        if (!entry.notes().isEmpty()) {
            Label notes = new Label(entry.notes());
            notes.setWrapText(true);
            notes.getStyleClass().add("history-notes");
            row.getChildren().add(notes);
        }
        return row;
    }
}
