package dev.zvonok.app.history;

import dev.zvonok.app.fx.WholeTextCell;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.phone.PhoneNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The call list's table, shared by the history and the missed calls: the same columns read the same everywhere. */
final class CallTable {

    private static final PseudoClass NOT_ANSWERED = PseudoClass.getPseudoClass("not-answered");

    /** A row of text: the text and the cell's padding. */
    static final double ROW_HEIGHT_EM = 2;
    /** A cell's padding on both sides and a little air: what a column needs beyond its text. */
    private static final double CELL_PADDING_EM = 1.6;
    /** No column narrower: a header and a few letters stay readable. */
    private static final double MIN_COLUMN_EM = 4;
    /** A number as long as numbers get (a Russian mobile): the number column is never narrower. */
    private static final String WIDE_NUMBER = "+79999999999";

    private final LiveTexts texts;
    private final Clock clock;
    private final PhoneNumbers phones;
    private final Collection<String> ownExtensions;

    CallTable(LiveTexts texts, Clock clock, PhoneNumbers phones, Collection<String> ownExtensions) {
        this.texts = texts;
        this.clock = clock;
        this.phones = phones;
        this.ownExtensions = ownExtensions;
    }

    /**
     * @param open shows a call's details: on a double-click, and from the row's menu (the views add their keys)
     */
    TableView<CallListItem> create(String id, Consumer<CallListItem> open) {
        TableView<CallListItem> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().add("call-table");
        // the server's order (newest first) is the only honest one: sorting one page of many would mislead
        table.setSortPolicy(t -> false);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // one height for every row: measured row by row, rows refilled by refreshes kept heights measured for other
        // content (some rows twice as tall as the rest)
        table.setFixedCellSize(Math.ceil(em(ROW_HEIGHT_EM)));
        Label empty = new Label();
        empty.textProperty().bind(texts.get("history.empty"));
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<CallListItem> row = new TableRow<>() {
                @Override
                protected void updateItem(CallListItem call, boolean isEmpty) {
                    super.updateItem(call, isEmpty);
                    pseudoClassStateChanged(NOT_ANSWERED, !isEmpty && call != null && notAnswered(call));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            MenuItem details = new MenuItem(null, new FontIcon(Feather.INFO));
            details.textProperty().bind(texts.get("history.openDetails"));
            details.setOnAction(e -> {
                if (row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            ContextMenu menu = new ContextMenu(details);
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(menu));
            return row;
        });
        TableColumn<CallListItem, String> number = text("history.column.number", 10, "call-number",
                (call, t) -> Objects.requireNonNullElse(phones.display(OtherParty.number(call, ownExtensions)), ""));
        // a whole number always fits: "+7 927 139-0…" cannot be called back by reading it
        number.setMinWidth(textWidth(phones.display(WIDE_NUMBER)) + em(CELL_PADDING_EM));
        TableColumn<CallListItem, String> caller = text("history.column.caller", 19, "call-caller",
                (call, t) -> CallFormat.caller(call.caller()));
        caller.setMinWidth(em(10));
        TableColumn<CallListItem, String> operator = text("history.column.operator", 10, "call-operator",
                (call, t) -> CallFormat.operator(call));
        operator.setMinWidth(em(7));
        table.getColumns().addAll(List.of(
                text("history.column.time", 9, "call-time",
                        (call, t) -> new CallFormat(t, clock.getZone(), LocalDate.now(clock)).time(call.startedAt())),
                direction(),
                number,
                caller,
                text("history.column.disposition", 15, "call-disposition",
                        (call, t) -> new CallFormat(t, clock.getZone(), LocalDate.now(clock))
                                .disposition(call.disposition())),
                text("history.column.duration", 9.5, "call-duration", (call, t) -> CallFormat.duration(call)),
                operator));
        return table;
    }

    /**
     * What operators wrote on each call, on one line (the server's preview); the whole of it in the tooltip and in
     * the call's details.
     */
    TableColumn<CallListItem, String> notes() {
        TableColumn<CallListItem, String> column = text("history.column.notes", 24, "call-notes",
                (call, t) -> call.notes() == null ? "" : call.notes());
        column.setMinWidth(em(10));
        return column;
    }

    /** A column whose cells follow the language (a new one redraws them without a reload). */
    TableColumn<CallListItem, String> text(String headerKey, double widthEm, String styleClass,
                                           BiFunction<CallListItem, Texts, String> cell) {
        TableColumn<CallListItem, String> column = new TableColumn<>();
        column.textProperty().bind(texts.get(headerKey));
        column.getStyleClass().add(styleClass);
        column.setId(styleClass); // what a remembered arrangement calls it
        column.setPrefWidth(em(widthEm));
        column.setMinWidth(em(MIN_COLUMN_EM));
        column.setCellValueFactory(data -> data.getValue() == null ? new SimpleStringProperty("")
                : texts.text(t -> cell.apply(data.getValue(), t)));
        column.setCellFactory(c -> new WholeTextCell<>());
        return column;
    }

    /** The width of a text in the default font: what a column needs to show it whole. */
    private static double textWidth(String text) {
        Text measured = new Text(text);
        measured.setFont(Font.getDefault());
        return Math.ceil(measured.getLayoutBounds().getWidth());
    }

    private TableColumn<CallListItem, CallListItem> direction() {
        TableColumn<CallListItem, CallListItem> column = new TableColumn<>();
        column.getStyleClass().add("call-direction");
        column.setId("call-direction");
        column.setPrefWidth(em(2.5));
        column.setMaxWidth(em(3));
        column.setResizable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CallListItem call, boolean isEmpty) {
                super.updateItem(call, isEmpty);
                tooltipProperty().unbind();
                if (isEmpty || call == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                FontIcon icon = new FontIcon(icon(call));
                icon.getStyleClass().add("call-direction-icon");
                // not in CSS: an em there is of the icon's own font, which the icon size sets
                icon.setIconSize((int) Math.round(em(1.1)));
                setGraphic(icon);
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(texts.text(t -> new CallFormat(t, clock.getZone(), LocalDate.now(clock))
                        .direction(call)));
                setTooltip(tip);
                // what a screen reader says instead of the icon
                accessibleTextProperty().bind(tip.textProperty());
            }
        });
        return column;
    }

    static Feather icon(CallListItem call) {
        if (call.direction() == CallDirection.OUTBOUND) {
            return Feather.PHONE_OUTGOING;
        }
        if (notAnswered(call)) {
            return Feather.PHONE_MISSED;
        }
        return call.direction() == CallDirection.INTERNAL ? Feather.PHONE : Feather.PHONE_INCOMING;
    }

    static boolean notAnswered(CallListItem call) {
        return call.disposition() != null && call.disposition() != CallDisposition.ANSWERED;
    }

    /** A width that grows with the text: {@code n} times the default font's size. */
    static double em(double n) {
        return n * Font.getDefault().getSize();
    }
}
