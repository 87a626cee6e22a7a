package dev.zvonok.app.card;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.model.call.CallNotes;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The card's tags as chips, with a field to add one: Enter adds what was typed, Backspace in the empty field takes
 * the last chip back, a chip's button (click, Space) removes it.
 */
final class TagsEditor {

    private final NotesDraft draft;
    private final Texts texts;
    private final FlowPane pane = new FlowPane();
    private final TextField input = new TextField();

    TagsEditor(NotesDraft draft, Texts texts) {
        this.draft = draft;
        this.texts = texts;
        pane.getStyleClass().add("card-tags");
        input.setId("card-tag-input");
        input.getStyleClass().addAll("tag-input", Styles.SMALL);
        input.setPromptText(texts.get("card.tags.add"));
        TextLimits.cap(input, CallNotes.MAX_TAG_CHARS);
        input.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown()) {
                if (draft.addTag(input.getText())) {
                    input.clear();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.BACK_SPACE && input.getText().isEmpty()
                    && !draft.tags().isEmpty()) {
                draft.removeTag(draft.tags().getLast());
                event.consume();
            }
        });
        draft.tags().addListener((ListChangeListener<String>) change -> rebuild());
        rebuild();
    }

    FlowPane node() {
        return pane;
    }

    TextField input() {
        return input;
    }

    private void rebuild() {
        pane.getChildren().clear();
        for (String tag : draft.tags()) {
            Button chip = new Button(tag, new FontIcon(Feather.X));
            chip.getStyleClass().addAll("tag-chip", Styles.SMALL);
            chip.setContentDisplay(ContentDisplay.RIGHT);
            String remove = texts.format("card.tags.remove", tag);
            chip.setAccessibleText(remove);
            chip.setTooltip(new Tooltip(remove));
            chip.setOnAction(event -> {
                draft.removeTag(tag);
                input.requestFocus();
            });
            pane.getChildren().add(chip);
        }
        pane.getChildren().add(input);
    }
}
