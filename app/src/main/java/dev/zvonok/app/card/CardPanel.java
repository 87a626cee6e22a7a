package dev.zvonok.app.card;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.i18n.Texts;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The cards that are not open, one compact row each (who, where the call stands, how long, whether notes are still
 * unsaved), under a line that counts the cards waiting for "Finish and close". A click on a row opens that card.
 * A dumb view of a {@link CardStack}; its rows scroll when the screen has no room for all of them.
 */
final class CardPanel {

    private static final PseudoClass UNSAVED = PseudoClass.getPseudoClass("unsaved");

    private final CardStack stack;
    private final Texts texts;
    private final VBox rows = new VBox();
    private final VBox root = new VBox();
    /** A card's row is built once: a card goes in and out of the panel as others ring and end. */
    private final Map<CardViewModel, HBox> builtRows = new HashMap<>();

    /** @param open what a click on a row does: open that card */
    CardPanel(CardStack stack, Texts texts, Consumer<CardViewModel> open) {
        this.stack = stack;
        this.texts = texts;
        root.setId("card-panel");
        root.getStyleClass().add("card-panel");
        Label waiting = new Label();
        waiting.setId("card-panel-waiting");
        waiting.getStyleClass().addAll("panel-title", Styles.TEXT_MUTED);
        waiting.textProperty().bind(Bindings.createStringBinding(
                () -> texts.format("card.panel.waiting", stack.waitingToFinish().get()), stack.waitingToFinish()));
        rows.getStyleClass().add("panel-rows");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.getStyleClass().add("panel-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(waiting, scroll);
        NoOffscreenCache.in(root);
        stack.rows().addListener((ListChangeListener<CardViewModel>) change -> showRows(open));
        showRows(open);
    }

    Parent root() {
        return root;
    }

    private void showRows(Consumer<CardViewModel> open) {
        builtRows.keySet().retainAll(stack.rows());
        rows.getChildren().setAll(stack.rows().stream()
                .map(card -> builtRows.computeIfAbsent(card, each -> row(each, open))).toList());
    }

    private HBox row(CardViewModel card, Consumer<CardViewModel> open) {
        FontIcon phase = new FontIcon();
        phase.getStyleClass().add("status-icon");
        phase.iconCodeProperty().bind(Bindings.createObjectBinding(
                () -> CardView.statusIcon(card.phase(), card.onHoldProperty().get()),
                card.phaseProperty(), card.onHoldProperty()));

        Label title = new Label();
        title.getStyleClass().add("row-title");
        title.textProperty().bind(card.titleProperty());
        Label status = new Label();
        status.getStyleClass().addAll("row-status", Styles.TEXT_MUTED);
        status.textProperty().bind(card.statusProperty());
        VBox who = new VBox(title, status);
        who.getStyleClass().add("row-text");
        HBox.setHgrow(who, Priority.ALWAYS);
        // a long name is cut here for the row's sake; the whole of it is one hover away
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(Bindings.concat(card.titleProperty(), "\n", card.callerDetailProperty(), "\n",
                card.statusProperty()));
        Tooltip.install(who, whole);

        Label elapsed = new Label();
        elapsed.getStyleClass().add("row-elapsed");
        elapsed.textProperty().bind(card.elapsedProperty());
        FontIcon unsaved = new FontIcon(Feather.EDIT_3);
        unsaved.getStyleClass().add("row-unsaved");
        Tooltip.install(unsaved, new Tooltip(texts.get("card.panel.unsaved")));
        Shown.when(unsaved, Bindings.createBooleanBinding(() -> unsavedNotes(card),
                card.notes().saveStateProperty()));

        HBox row = new HBox(phase, who, elapsed, unsaved);
        row.getStyleClass().add("panel-row");
        row.setId("card-row-" + card.callId());
        for (CardPhase each : CardPhase.values()) {
            row.pseudoClassStateChanged(PseudoClass.getPseudoClass(CardView.cssName(each)), each == card.phase());
        }
        card.phaseProperty().addListener((property, was, now) -> {
            row.pseudoClassStateChanged(PseudoClass.getPseudoClass(CardView.cssName(was)), false);
            row.pseudoClassStateChanged(PseudoClass.getPseudoClass(CardView.cssName(now)), true);
        });
        row.pseudoClassStateChanged(UNSAVED, unsavedNotes(card));
        row.setOnMouseClicked(event -> open.accept(card));
        return row;
    }

    private static boolean unsavedNotes(CardViewModel card) {
        SaveState state = card.notes().saveState();
        return state == SaveState.SAVING || state == SaveState.FAILED || state == SaveState.CONFLICT;
    }
}
