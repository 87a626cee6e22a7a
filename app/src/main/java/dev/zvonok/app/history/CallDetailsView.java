package dev.zvonok.app.history;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.OfferView;
import dev.zvonok.model.api.TransferView;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One call in full: who called, how it went, every operator it rang for, transfers, and every card with who finished
 * it. Built in code; it only binds to its {@link CallDetailsViewModel}. The body is drawn again whenever the call, its
 * parts or the language change: a handful of nodes, at most a few times per window.
 */
public final class CallDetailsView {

    private static final PseudoClass NOT_ANSWERED = PseudoClass.getPseudoClass("not-answered");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    /** A card's notes get this many lines before they scroll. */
    private static final int MAX_NOTES_ROWS = 10;

    private final CallDetailsViewModel vm;
    private final LiveTexts texts;
    private final Runnable close;
    private final BorderPane root = new BorderPane();
    private final VBox body = new VBox();

    /** @param close closes the window the view is in */
    public CallDetailsView(CallDetailsViewModel vm, ObservableValue<Locale> language, Runnable close) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(CallDetailsView.class, language);
        this.close = Objects.requireNonNull(close, "close");
        build();
    }

    public Parent root() {
        return root;
    }

    /** "+7 927 139-09-07 · 21.11.2026, 12:00", for the window. */
    public StringBinding title() {
        return texts.text(t -> t.format("details.title", party(vm.callProperty().get()),
                format(t).moment(vm.callProperty().get().startedAt())), vm.callProperty());
    }

    private void build() {
        root.getStyleClass().add("call-details");
        root.getStylesheets().add(Objects.requireNonNull(
                CallDetailsView.class.getResource("history.css")).toExternalForm());
        body.getStyleClass().add("details-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("details-scroll");
        root.setTop(status());
        root.setCenter(scroll);
        root.setBottom(buttons());

        InvalidationListener redraw = o -> render();
        vm.callProperty().addListener(redraw);
        vm.loadedProperty().addListener(redraw);
        vm.offers().addListener(redraw);
        vm.transfers().addListener(redraw);
        vm.cards().addListener(redraw);
        texts.texts().addListener(redraw);
        render();
    }

    /** Loading, or why loading failed, above the body. */
    private Node status() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("history-loading");
        Label loading = new Label(null, spinner);
        loading.setId("details-loading");
        loading.getStyleClass().addAll("history-note", Styles.TEXT_MUTED);
        loading.textProperty().bind(texts.get("details.loading"));
        showWhen(loading, vm.loadingProperty());

        Label problem = new Label(null, new FontIcon(Feather.ALERT_TRIANGLE));
        problem.setId("details-problem");
        problem.getStyleClass().addAll("history-note", Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(texts.text(t -> vm.problemProperty().get() == null ? ""
                : t.get("details.problem." + vm.problemProperty().get().name()), vm.problemProperty()));
        showWhen(problem, vm.problemProperty().isNotNull().and(vm.loadingProperty().not()));

        VBox box = new VBox(loading, problem);
        box.getStyleClass().add("details-status");
        return box;
    }

    private Node buttons() {
        Button retry = new Button(null, new FontIcon(Feather.REFRESH_CW));
        retry.setId("details-retry");
        retry.textProperty().bind(texts.get("details.retry"));
        retry.setMnemonicParsing(true);
        retry.setOnAction(e -> vm.load());
        // "not found" will not change by asking again
        showWhen(retry, vm.problemProperty().isNotNull().and(vm.loadingProperty().not())
                .and(vm.problemProperty().isNotEqualTo(LoadProblem.NOT_FOUND)));

        Button closeButton = new Button();
        closeButton.setId("details-close");
        closeButton.textProperty().bind(texts.get("details.close"));
        closeButton.setMnemonicParsing(true);
        closeButton.setCancelButton(true); // Esc
        closeButton.setDefaultButton(true);
        closeButton.setOnAction(e -> close.run());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(retry, gap, closeButton);
        bar.getStyleClass().add("details-buttons");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void render() {
        Texts t = texts.now();
        CallDetailsFormat format = format(t);
        CallListItem call = vm.callProperty().get();
        LocalDate day = format.day(call.startedAt());
        body.getChildren().setAll(header(call, t));
        body.getChildren().add(facts(call, t, format));
        if (vm.loadedProperty().get()) {
            body.getChildren().addAll(section(t, "details.section.offers"), offers(t, format, day));
            if (!vm.transfers().isEmpty()) {
                body.getChildren().addAll(section(t, "details.section.transfers"), transfers(format, day));
            }
            body.getChildren().add(section(t, "details.section.cards"));
            if (vm.cards().isEmpty()) {
                body.getChildren().add(muted(t.get("details.cards.none")));
            }
            for (int i = 0; i < vm.cards().size(); i++) {
                body.getChildren().add(card(vm.cards().get(i), i, t, format, day));
            }
        }
    }

    private Node header(CallListItem call, Texts t) {
        String caller = CallFormat.caller(call.caller());
        Label name = wrapping(caller.isEmpty() ? vm.otherPartyNumber() : caller);
        name.setId("details-caller");
        name.getStyleClass().add(Styles.TITLE_3);
        Label number = wrapping(vm.otherPartyNumber());
        number.setId("details-number");
        number.getStyleClass().add(Styles.TEXT_MUTED);
        number.setVisible(!caller.isEmpty());
        number.setManaged(!caller.isEmpty());
        FontIcon icon = new FontIcon(CallTable.icon(call));
        icon.getStyleClass().add("call-direction-icon");
        icon.setIconSize((int) Math.round(CallTable.em(1.6)));
        VBox who = new VBox(name, number);
        HBox header = new HBox(icon, who);
        header.getStyleClass().add("details-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.pseudoClassStateChanged(NOT_ANSWERED,
                CallTable.notAnswered(call));
        return header;
    }

    /** What the call was (left) and when it happened (right): two short columns, not one long one. */
    private Node facts(CallListItem call, Texts t, CallDetailsFormat format) {
        CallFormat list = new CallFormat(t, vm.clock().getZone(), LocalDate.now(vm.clock()));
        GridPane what = grid("details-facts");
        int row = 0;
        row = fact(what, row, t.get("details.field.direction"), list.direction(call), "details-direction");
        row = fact(what, row, t.get("details.field.outcome"), list.disposition(call.disposition()),
                "details-disposition");
        row = fact(what, row, t.get("details.field.lineName"), format.line(call.line()), "details-line-name");
        row = fact(what, row, t.get("details.field.line"), call.dialed() == null ? null
                : vm.phones().display(call.dialed()), "details-line");
        row = fact(what, row, t.get("details.field.queue"), call.queue(), "details-queue");
        row = fact(what, row, t.get("details.field.answeredBy"), CallFormat.operator(call), "details-answered-by");
        fact(what, row, t.get("details.field.hangup"), format.hangupSide(call.hangupSide()), "details-hangup");

        GridPane when = grid("details-times");
        row = 0;
        row = fact(when, row, t.get("details.field.started"), format.moment(call.startedAt()), "details-started",
                true);
        row = fact(when, row, t.get("details.field.answered"), format.moment(call.answeredAt()), "details-answered",
                true);
        row = fact(when, row, t.get("details.field.ended"), format.moment(call.endedAt()), "details-ended", true);
        row = fact(when, row, t.get("details.field.ringing"), CallDetailsFormat.seconds(call.ringSeconds()),
                "details-ringing", true);
        fact(when, row, t.get("details.field.talk"), CallDetailsFormat.seconds(call.talkSeconds()), "details-talk",
                true);
        HBox.setHgrow(what, Priority.ALWAYS);
        HBox facts = new HBox(what, when);
        facts.getStyleClass().add("details-fact-columns");
        return facts;
    }

    /** A row of the facts, when there is something to say: "Queue" of a direct call is no fact. */
    private static int fact(GridPane grid, int row, String name, String value, String id) {
        return fact(grid, row, name, value, id, false);
    }

    /** @param moment a date and time, or a duration: kept on one line */
    private static int fact(GridPane grid, int row, String name, String value, String id, boolean moment) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label key = new Label(name);
        key.getStyleClass().addAll("details-key", Styles.TEXT_MUTED);
        key.setMinWidth(Region.USE_PREF_SIZE);
        Label text = moment ? time(value) : wrapping(value);
        text.setId(id);
        grid.addRow(row, key, text);
        return row + 1;
    }

    private Node offers(Texts t, CallDetailsFormat format, LocalDate day) {
        if (vm.offers().isEmpty()) {
            return muted(t.get("details.offers.none"));
        }
        GridPane grid = grid("details-offers");
        grid.getColumnConstraints().setAll(column(), column(), column(), column(), column());
        grid.addRow(0, heading(t, "details.offer.operator"), heading(t, "details.offer.result"),
                heading(t, "details.offer.rang"), heading(t, "details.offer.answered"),
                heading(t, "details.offer.ended"));
        int row = 1;
        for (OfferView offer : vm.offers()) {
            Label operator = wrapping(operatorWithPhone(offer));
            operator.getStyleClass().add("details-offer-operator");
            Label outcome = wrapping(format.outcome(offer));
            outcome.getStyleClass().add("details-offer-result");
            grid.addRow(row++, operator, outcome, time(format.moment(offer.ringAt(), day)),
                    time(format.moment(offer.answerAt(), day)), time(format.moment(offer.endAt(), day)));
        }
        return grid;
    }

    /** "Пётр Петров (888)", or the extension alone when the directory does not know its owner. */
    private static String operatorWithPhone(OfferView offer) {
        String operator = CallCard.operator(offer);
        return operator.equals(offer.extension()) ? operator : operator + " (" + offer.extension() + ")";
    }

    private Node transfers(CallDetailsFormat format, LocalDate day) {
        VBox list = new VBox();
        list.setId("details-transfers");
        list.getStyleClass().add("details-list");
        for (TransferView transfer : vm.transfers()) {
            list.getChildren().add(wrapping(format.transfer(transfer, day)));
        }
        return list;
    }

    private Node card(CallCard card, int index, Texts t, CallDetailsFormat format, LocalDate day) {
        Label who = wrapping(format.finished(card, day));
        who.getStyleClass().addAll("details-card-who", Styles.TEXT_BOLD);
        VBox box = new VBox(who);
        box.setId("details-card-" + index);
        box.getStyleClass().add("details-card");
        if (card.finishedAt() == null) {
            box.pseudoClassStateChanged(OPEN, true);
        }
        CallNotes notes = card.notes();
        if (notes.notes().isBlank()) {
            box.getChildren().add(muted(t.get("details.card.noNotes")));
        } else {
            TextArea text = new TextArea(notes.notes());
            text.getStyleClass().add("details-card-notes");
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount((int) Math.min(MAX_NOTES_ROWS, Math.max(2, notes.notes().lines().count() + 1)));
            text.setAccessibleText(t.get("details.card.notes"));
            box.getChildren().add(text);
        }
        GridPane grid = grid(null);
        int row = 0;
        row = fact(grid, row, t.get("details.card.priority"), format.priority(notes.priority()),
                "details-card-" + index + "-priority");
        if (!notes.tags().isEmpty()) {
            Label key = new Label(t.get("details.card.tags"));
            key.getStyleClass().addAll("details-key", Styles.TEXT_MUTED);
            FlowPane tags = new FlowPane();
            tags.setId("details-card-" + index + "-tags");
            tags.getStyleClass().add("details-tags");
            for (String tag : notes.tags()) {
                Label chip = new Label(tag);
                chip.getStyleClass().add("details-tag");
                tags.getChildren().add(chip);
            }
            grid.addRow(row++, key, tags);
        }
        ClientInfo client = notes.clientInfo();
        row = fact(grid, row, t.get("details.client.name"), client.name(), "details-card-" + index + "-client-name");
        row = fact(grid, row, t.get("details.client.company"), client.company(), null);
        row = fact(grid, row, t.get("details.client.address"), client.address(), null);
        fact(grid, row, t.get("details.client.comment"), client.comment(), null);
        box.getChildren().add(grid);
        return box;
    }

    private static GridPane grid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("details-grid");
        return grid;
    }

    private static ColumnConstraints column() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.SOMETIMES);
        return column;
    }

    private static Label heading(Texts t, String key) {
        Label label = new Label(t.get(key));
        label.getStyleClass().addAll("details-heading", Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label section(Texts t, String key) {
        Label label = new Label(t.get(key));
        label.getStyleClass().addAll("details-section", Styles.TITLE_4);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapping(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    /** A moment is read at a glance: never broken over two lines ("9:31:49 P / M"). */
    private static Label time(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Names and numbers are never cut: a label that is too narrow wraps, and grows as tall as its lines. */
    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private String party(CallListItem call) {
        String caller = CallFormat.caller(call.caller());
        return caller.isEmpty() ? vm.otherPartyNumber() : caller;
    }

    private CallDetailsFormat format(Texts t) {
        return new CallDetailsFormat(t, vm.clock().getZone());
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
