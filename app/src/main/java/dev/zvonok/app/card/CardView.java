package dev.zvonok.app.card;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.directory.CallerKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One call card, built in code and bound to its {@link CardViewModel}; it holds no state of its own. Keyboard first,
 * once the operator moved into the card (it never takes the keyboard by itself: {@link CardFocus}): the notes have the
 * focus, Tab walks notes, tags, priority, client fields and the Finish button,
 * and {@link #SHORTCUTS} lists the rest. Sizes are in em in {@code card.css}, so the card grows with the system's
 * font scaling.
 */
public final class CardView {

    /** The card's own style sheet; AtlantaFX's theme (Primer light or dark) is the application's user agent sheet. */
    public static final String STYLESHEET =
            Objects.requireNonNull(CardView.class.getResource("card.css"), "card.css").toExternalForm();

    static final KeyCombination FINISH = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NOTES = new KeyCodeCombination(KeyCode.N, KeyCombination.ALT_DOWN);
    static final KeyCombination TAGS = new KeyCodeCombination(KeyCode.T, KeyCombination.ALT_DOWN);
    static final KeyCombination PRIORITY = new KeyCodeCombination(KeyCode.P, KeyCombination.ALT_DOWN);
    static final KeyCombination CLIENT = new KeyCodeCombination(KeyCode.C, KeyCombination.ALT_DOWN);
    static final KeyCombination SILENCE = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination COLLAPSE = new KeyCodeCombination(KeyCode.ESCAPE);

    /** For the help screen: every shortcut of a card. */
    public static final List<KeyCombination> SHORTCUTS =
            List.of(FINISH, NOTES, TAGS, PRIORITY, CLIENT, SILENCE, COLLAPSE);

    private static final PseudoClass COLLAPSED = PseudoClass.getPseudoClass("collapsed");
    private static final PseudoClass ON_HOLD = PseudoClass.getPseudoClass("on-hold");

    private final CardViewModel model;
    private final Texts texts;
    private final VBox root = new VBox();
    private final TextArea notes = new TextArea();
    private final TagsEditor tags;
    private final ComboBox<Priority> priority = new ComboBox<>();
    private final TextField clientName = new TextField();

    public CardView(CardViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        this.tags = new TagsEditor(model.notes(), texts);
        root.setId("call-card");
        root.getStyleClass().add("call-card");
        VBox details = new VBox(info(), body(), footer());
        details.getStyleClass().add("card-details");
        VBox.setVgrow(details, javafx.scene.layout.Priority.ALWAYS);
        Shown.when(details, model.collapsedProperty().not());
        root.getChildren().addAll(header(), status(), details);
        nowAndOnChange(model.phaseProperty(), phase -> {
            for (CardPhase each : CardPhase.values()) {
                root.pseudoClassStateChanged(PseudoClass.getPseudoClass(cssName(each)), each == phase);
            }
        });
        nowAndOnChange(model.collapsedProperty(), collapsed -> {
            root.pseudoClassStateChanged(COLLAPSED, collapsed);
            if (collapsed) {
                root.requestFocus(); // the focused field is hidden now; the card must still hear its shortcuts
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        NoOffscreenCache.in(root);
    }

    public Parent root() {
        return root;
    }

    public CardViewModel model() {
        return model;
    }

    // ------------------------------------------------------------------------------------------ parts

    private HBox header() {
        FontIcon kind = new FontIcon(iconOf(model.callerKindProperty().get()));
        kind.getStyleClass().add("caller-icon");
        model.callerKindProperty().addListener((property, was, now) -> kind.setIconCode(iconOf(now)));

        Label title = label("card-title", "caller-name", model.titleProperty());
        Label detail = label("card-caller-detail", "caller-detail", model.callerDetailProperty());
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        wholeText(title);
        wholeText(detail);
        VBox who = new VBox(title, detail);
        who.getStyleClass().add("caller");
        // the name takes the header's room and wraps in it, rather than pushing the buttons out or ending in "…"
        who.setMinWidth(0);
        HBox.setHgrow(who, javafx.scene.layout.Priority.ALWAYS);

        Button silence = iconButton("card-silence", Feather.BELL_OFF, texts.get("card.silence"));
        silence.setOnAction(event -> model.silenceRing());
        Shown.when(silence, Bindings.createBooleanBinding(
                () -> model.phase() == CardPhase.RINGING && !model.ringSilencedProperty().get(),
                model.phaseProperty(), model.ringSilencedProperty()));

        Button collapse = iconButton("card-collapse", Feather.CHEVRON_DOWN, texts.get("card.collapse"));
        collapse.setOnAction(event -> model.toggleCollapsed());
        nowAndOnChange(model.collapsedProperty(), collapsed -> {
            ((FontIcon) collapse.getGraphic()).setIconCode(collapsed ? Feather.CHEVRON_UP : Feather.CHEVRON_DOWN);
            collapse.getTooltip().setText(texts.get(collapsed ? "card.expand" : "card.collapse"));
        });

        HBox header = new HBox(kind, who, new Spacer(), silence, collapse);
        header.getStyleClass().add("card-header");
        header.setOnMouseClicked(event -> {
            if (model.collapsedProperty().get()) {
                model.expand();
            }
        });
        return header;
    }

    private VBox status() {
        FontIcon icon = new FontIcon(statusIcon(model.phase(), false));
        icon.getStyleClass().add("status-icon");
        Runnable showIcon = () -> icon.setIconCode(statusIcon(model.phase(), model.onHoldProperty().get()));
        model.phaseProperty().addListener((property, was, now) -> showIcon.run());
        nowAndOnChange(model.onHoldProperty(), held -> {
            showIcon.run();
            root.pseudoClassStateChanged(ON_HOLD, held);
        });
        Label text = label("card-status", "status-text", model.statusProperty());
        text.setWrapText(true);

        Label elapsed = label("card-elapsed", "elapsed", model.elapsedProperty());
        elapsed.setMinWidth(Region.USE_PREF_SIZE); // the status may wrap; the time never shortens to "0…"
        Shown.whenNotEmpty(elapsed, model.elapsedProperty());

        HBox line = new HBox(icon, text, new Spacer(), elapsed);
        line.getStyleClass().add("card-status");
        Label offline = label("card-connection", "connection-lost", model.connectionProperty());
        offline.setGraphic(new FontIcon(Feather.WIFI_OFF));
        offline.setWrapText(true);
        offline.getStyleClass().add(Styles.WARNING);
        Shown.whenNotEmpty(offline, model.connectionProperty());
        return new VBox(line, offline);
    }

    private VBox info() {
        Label number = label("card-number", "caller-number", model.numberProperty());
        number.setGraphic(new FontIcon(Feather.PHONE));
        wholeText(number);
        Shown.whenNotEmpty(number, model.numberProperty());
        Label line = label("card-line", "call-line", model.lineProperty());
        line.getStyleClass().add(Styles.TEXT_MUTED);
        Shown.whenNotEmpty(line, model.lineProperty());
        Label from = label("card-transferred-from", "transferred-from", model.transferredFromProperty());
        from.setGraphic(new FontIcon(Feather.CORNER_DOWN_RIGHT));
        Shown.whenNotEmpty(from, model.transferredFromProperty());
        VBox info = new VBox(number, line, from);
        info.getStyleClass().add("card-info");
        return info;
    }

    /**
     * History, notes and the rest, scrolling only when the card is taller than the screen (a small laptop screen at
     * 125 %): the window is never made taller than the screen, and the Finish button below stays in sight.
     */
    private ScrollPane body() {
        VBox body = new VBox(conflict(), new HistoryList(model, texts).node(), notesSection(), extras());
        body.getStyleClass().add("card-body");
        ScrollPane scroll = new ScrollPane(body) {
            /**
             * Fitted to its width, the body is as tall as that width makes its wrapped text (a note in the history):
             * said so, the boxes above ask its height for the card's width rather than for its own wider preferred
             * width, and the card's window is made tall enough instead of a wrapped line short.
             */
            @Override
            public Orientation getContentBias() {
                return Orientation.HORIZONTAL;
            }
        };
        scroll.getStyleClass().addAll("card-scroll", Tweaks.EDGE_TO_EDGE);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.sceneProperty().addListener((property, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((focus, before, now) -> scrollTo(scroll, now));
            }
        });
        return scroll;
    }

    /** Tab into a field out of sight scrolls it into sight (ScrollPane does not). */
    private static void scrollTo(ScrollPane scroll, Node focused) {
        Node content = scroll.getContent();
        if (focused == null || content == null) {
            return;
        }
        Node n = focused;
        while (n != null && n != content) {
            n = n.getParent();
        }
        double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (n == null || hidden <= 0) {
            return;
        }
        Bounds field = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double top = scroll.getVvalue() * hidden;
        double bottom = top + scroll.getViewportBounds().getHeight();
        if (field.getMinY() < top) {
            scroll.setVvalue(field.getMinY() / hidden);
        } else if (field.getMaxY() > bottom) {
            scroll.setVvalue((field.getMaxY() - scroll.getViewportBounds().getHeight()) / hidden);
        }
    }

    /** Shown when another computer saved the card meanwhile: the operator chooses whose notes stay. */
    private VBox conflict() {
        Label message = new Label(texts.get("card.conflict"), new FontIcon(Feather.ALERT_TRIANGLE));
        message.setWrapText(true);
        Button keepMine = new Button(texts.get("card.conflict.keepMine"));
        keepMine.setId("card-keep-mine");
        keepMine.getStyleClass().add(Styles.SMALL);
        keepMine.setOnAction(event -> model.notes().keepMine());
        Button takeTheirs = new Button(texts.get("card.conflict.takeTheirs"));
        takeTheirs.setId("card-take-theirs");
        takeTheirs.getStyleClass().add(Styles.SMALL);
        takeTheirs.setOnAction(event -> model.notes().takeTheirs());
        HBox choices = new HBox(keepMine, takeTheirs);
        choices.getStyleClass().add("conflict-choices");
        VBox bar = new VBox(message, choices);
        bar.getStyleClass().add("card-conflict");
        Shown.when(bar, model.notes().saveStateProperty().isEqualTo(SaveState.CONFLICT));
        return bar;
    }

    private VBox notesSection() {
        Label title = sectionTitle(texts.get("card.notes"), "Alt+N");
        title.setLabelFor(notes);
        notes.setId("card-notes");
        notes.setPromptText(texts.get("card.notes.prompt"));
        notes.setWrapText(true);
        notes.setPrefRowCount(3);
        TextLimits.cap(notes, CallNotes.MAX_NOTES_CHARS);
        TextLimits.tabMovesFocus(notes);
        notes.textProperty().bindBidirectional(model.notes().notesProperty());
        VBox section = new VBox(title, notes);
        section.getStyleClass().add("card-section");
        return section;
    }

    /** Tags, priority and the client's details: once the call is answered. */
    private VBox extras() {
        Label tagsTitle = sectionTitle(texts.get("card.tags"), "Alt+T");
        tagsTitle.setLabelFor(tags.input());

        Label priorityTitle = sectionTitle(texts.get("card.priority"), "Alt+P");
        priorityTitle.setLabelFor(priority);
        priority.setId("card-priority");
        priority.getItems().setAll(Priority.values());
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(Priority value) {
                return value == null ? "" : texts.get("card.priority." + value.wireName());
            }

            @Override
            public Priority fromString(String text) {
                return null; // not editable
            }
        });
        priority.valueProperty().bindBidirectional(model.notes().priorityProperty());
        HBox priorityRow = new HBox(priorityTitle, new Spacer(), priority);
        priorityRow.getStyleClass().add("priority-row");

        Label clientTitle = sectionTitle(texts.get("card.client"), "Alt+C");
        clientTitle.setLabelFor(clientName);
        GridPane client = new GridPane();
        client.getStyleClass().add("client-fields");
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        client.getColumnConstraints().addAll(labels, fields);
        clientName.setId("card-client-name");
        addClientField(client, 0, "card.client.name", clientName, model.notes().clientNameProperty());
        addClientField(client, 1, "card.client.company", field("card-client-company"),
                model.notes().clientCompanyProperty());
        addClientField(client, 2, "card.client.address", field("card-client-address"),
                model.notes().clientAddressProperty());
        addClientField(client, 3, "card.client.comment", field("card-client-comment"),
                model.notes().clientCommentProperty());

        Label prefilled = new Label(texts.get("card.client.prefilled"), new FontIcon(Feather.INFO));
        prefilled.setId("card-client-prefilled");
        prefilled.setWrapText(true);
        prefilled.getStyleClass().addAll("client-prefilled", Styles.TEXT_SUBTLE);
        Shown.when(prefilled, model.notes().prefilledProperty());

        VBox extras = new VBox(tagsTitle, tags.node(), priorityRow, clientTitle, prefilled, client);
        extras.getStyleClass().addAll("card-section", "card-extras");
        Shown.when(extras, Bindings.createBooleanBinding(
                () -> model.phase() == CardPhase.ACTIVE || model.phase() == CardPhase.ENDED
                        || model.phase() == CardPhase.FINISHED, model.phaseProperty()));
        return extras;
    }

    /** The save status, and once the call is over the one big button (Ctrl+Enter). */
    private VBox footer() {
        Label saved = label("card-save-status", "save-status", model.saveStatusProperty());
        nowAndOnChange(model.notes().saveStateProperty(), state -> {
            for (SaveState each : SaveState.values()) {
                saved.pseudoClassStateChanged(PseudoClass.getPseudoClass(cssName(each)), each == state);
            }
        });
        Label hint = new Label("Ctrl+Enter");
        hint.getStyleClass().addAll("shortcut-hint", Styles.TEXT_SUBTLE);
        // kept in its place while Reopen shows, so that the card does not change its size
        hint.visibleProperty().bind(model.canFinishProperty());
        hint.managedProperty().bind(model.canFinishProperty().or(model.canReopenProperty()));
        HBox status = new HBox(saved, new Spacer(), hint);
        status.getStyleClass().add("save-row");

        Button finish = new Button(texts.get("card.finish"), new FontIcon(Feather.CHECK));
        finish.setId("card-finish");
        finish.getStyleClass().add(Styles.ACCENT);
        finish.setMaxWidth(Double.MAX_VALUE);
        finish.setTooltip(new Tooltip("Ctrl+Enter"));
        finish.setOnAction(event -> model.finish());
        Shown.when(finish, model.canFinishProperty());
        // in the Finish button's place and of its size, so that nothing moves under the pointer
        Button reopen = new Button(texts.get("card.reopen"), new FontIcon(Feather.ROTATE_CCW));
        reopen.setId("card-reopen");
        reopen.setMaxWidth(Double.MAX_VALUE);
        reopen.minHeightProperty().bind(finish.heightProperty());
        reopen.maxHeightProperty().bind(finish.heightProperty());
        reopen.setOnAction(event -> model.reopen());
        Shown.when(reopen, model.canReopenProperty());

        VBox footer = new VBox(status, finish, reopen);
        footer.getStyleClass().add("card-footer");
        // nothing saved yet and nothing to finish (a fresh ring): no empty row at the card's bottom
        Shown.when(status, Bindings.createBooleanBinding(
                () -> !model.saveStatusProperty().get().isEmpty() || model.canFinishProperty().get()
                        || model.canReopenProperty().get(),
                model.saveStatusProperty(), model.canFinishProperty(), model.canReopenProperty()));
        Shown.when(footer, status.visibleProperty());
        return footer;
    }

    // ------------------------------------------------------------------------------------------ keyboard

    private void shortcut(KeyEvent event) {
        if (FINISH.match(event)) {
            model.finish();
        } else if (COLLAPSE.match(event)) {
            model.collapse();
        } else if (NOTES.match(event)) {
            focus(notes);
        } else if (TAGS.match(event)) {
            focus(tags.input());
        } else if (PRIORITY.match(event)) {
            focus(priority);
        } else if (CLIENT.match(event)) {
            focus(clientName);
        } else if (SILENCE.match(event)) {
            model.silenceRing();
        } else if (event.getCode() == KeyCode.ENTER && model.collapsedProperty().get()) {
            model.expand();
        } else {
            return;
        }
        event.consume();
    }

    /**
     * The operator moved into the card: typing starts in the notes (or, folded, the card just hears its shortcuts).
     * Until then the card's focus rests on itself, not on a field: it shows no caret it would not honour.
     */
    void takeKeyboard() {
        if (model.collapsedProperty().get()) {
            root.requestFocus();
        } else {
            focus(notes);
        }
    }

    /** Opens the card if it was collapsed and moves there, when the part is shown at all. */
    private void focus(Node target) {
        model.expand();
        root.applyCss();
        root.layout();
        if (isShown(target)) {
            target.requestFocus();
        }
    }

    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void addClientField(GridPane grid, int row, String key, TextField field, StringProperty value) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setLabelFor(field);
        TextLimits.cap(field, CallNotes.MAX_CLIENT_FIELD_CHARS);
        field.getStyleClass().add(Styles.SMALL);
        field.textProperty().bindBidirectional(value);
        grid.addRow(row, label, field);
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        return field;
    }

    /**
     * Names and numbers are never cut: the label wraps onto as many lines as the text needs, and its tooltip holds the
     * whole text all the same (a screen reader, or a card made narrow).
     */
    private static void wholeText(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(label.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(480);
        label.setTooltip(whole);
    }

    private static Label label(String id, String styleClass, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(text);
        return label;
    }

    private static Label sectionTitle(String text, String shortcut) {
        Label title = new Label(text);
        title.getStyleClass().addAll("section-title", Styles.TEXT_MUTED);
        Label keys = new Label(shortcut);
        keys.getStyleClass().addAll("shortcut-hint", Styles.TEXT_SUBTLE);
        title.setGraphic(keys);
        title.setContentDisplay(ContentDisplay.RIGHT);
        return title;
    }

    private static Button iconButton(String id, Ikon icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setFocusTraversable(false); // reached by their shortcuts; Tab goes from field to field
        return button;
    }

    /** Applies {@code value}'s state now (the card may be built after it changed) and at every change. */
    private static <T> void nowAndOnChange(ObservableValue<T> value, Consumer<T> apply) {
        apply.accept(value.getValue());
        value.addListener((property, was, now) -> apply.accept(now));
    }

    static String cssName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Ikon iconOf(CallerKind kind) {
        return switch (kind == null ? CallerKind.UNKNOWN : kind) {
            case USER -> Feather.USER;
            case DEALER -> Feather.BRIEFCASE;
            case COMPANY -> Feather.HOME;
            case UNKNOWN -> Feather.PHONE;
        };
    }

    static Ikon statusIcon(CardPhase phase, boolean onHold) {
        return switch (phase) {
            case RINGING -> Feather.PHONE_INCOMING;
            case ACTIVE -> onHold ? Feather.PAUSE_CIRCLE : Feather.PHONE_CALL;
            case ENDED -> Feather.PHONE_OFF;
            case FINISHED -> Feather.CHECK_CIRCLE;
            case CLOSING -> Feather.INFO;
        };
    }
}
