package dev.zvonok.app.history;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.api.CallListItem;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The missed calls, each with "Call back"; Enter on a row calls back too, a double-click or Alt+Enter shows the call's
 * details. Built in code; it only binds to its {@link MissedCallsViewModel}.
 */
public final class MissedCallsView {

    /** A row with a small button in it: the button and the cell's padding. */
    private static final double CALL_BACK_ROW_HEIGHT_EM = 3.2;

    private final MissedCallsViewModel vm;
    private final LiveTexts texts;
    private final VBox root = new VBox();
    private TableView<CallListItem> table;

    private final Consumer<CallListItem> openCall;

    /** @param openCall shows a call's details (the composition root owns the windows) */
    public MissedCallsView(MissedCallsViewModel vm, ObservableValue<Locale> language,
                           Consumer<CallListItem> openCall) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(MissedCallsView.class, language);
        this.openCall = Objects.requireNonNull(openCall, "openCall");
        build();
    }

    public Parent root() {
        return root;
    }

    /** Into the list, on its first row, ready for Enter. */
    public void focusList() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    private void build() {
        root.getStyleClass().addAll("history", "missed");
        root.getStylesheets().add(Objects.requireNonNull(
                MissedCallsView.class.getResource("history.css")).toExternalForm());

        Label hint = new Label();
        hint.getStyleClass().addAll("history-note", Styles.TEXT_MUTED);
        hint.textProperty().bind(texts.format("missed.hint", MissedCallsViewModel.DAYS));

        Label problem = new Label();
        problem.setId("missed-problem");
        problem.getStyleClass().addAll("history-note", Styles.DANGER);
        problem.textProperty().bind(texts.text(t -> vm.problemProperty().get() == null ? ""
                : t.get("history.problem." + vm.problemProperty().get().name()), vm.problemProperty()));
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Label callBack = new Label();
        callBack.setId("missed-call-back-status");
        callBack.getStyleClass().add("history-note");
        callBack.textProperty().bind(texts.text(t -> {
            CallBackStatus status = vm.callBackProperty().get();
            return status == null ? "" : t.format(status.textKey("missed.callBack."),
                    vm.phones().display(status.number()));
        }, vm.callBackProperty()));
        callBack.visibleProperty().bind(vm.callBackProperty().isNotNull());
        callBack.managedProperty().bind(callBack.visibleProperty());

        table = new CallTable(texts, vm.clock(), vm.phones(), vm.user().extensions()).create("missed-table",
                openCall);
        table.getColumns().add(callBackColumn());
        table.setFixedCellSize(Math.ceil(CallTable.em(CALL_BACK_ROW_HEIGHT_EM))); // rows hold a small button
        table.setItems(vm.rows());
        table.setOnKeyPressed(e -> {
            CallListItem selected = table.getSelectionModel().getSelectedItem();
            // here Enter calls back, the one thing a missed call asks for; Alt+Enter shows the call, as in the history
            if (e.getCode() == KeyCode.ENTER && e.isAltDown() && selected != null) {
                openCall.accept(selected);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && selected != null && vm.canCallBack(selected)) {
                vm.callBack(selected);
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        if (vm.toCallBack() != null) {
            root.getChildren().add(new ToCallBackView(vm.toCallBack(), texts, vm.clock(), vm.phones()).root());
        }
        root.getChildren().addAll(hint, problem, callBack, table);
    }

    private TableColumn<CallListItem, CallListItem> callBackColumn() {
        TableColumn<CallListItem, CallListItem> column = new TableColumn<>();
        column.getStyleClass().add("call-back");
        column.setPrefWidth(CallTable.em(9));
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Button button = callBackButton();

            @Override
            protected void updateItem(CallListItem call, boolean empty) {
                super.updateItem(call, empty);
                if (empty || call == null || !vm.canCallBack(call)) {
                    setGraphic(null);
                    return;
                }
                button.setOnAction(e -> vm.callBack(call));
                setGraphic(button);
            }
        });
        return column;
    }

    private Button callBackButton() {
        Button button = new Button(null, new FontIcon(Feather.PHONE_OUTGOING));
        button.getStyleClass().addAll("call-back-button", Styles.SMALL, Styles.SUCCESS);
        button.textProperty().bind(texts.get("missed.callBack"));
        // a table row is reached with the arrows and called back with Enter; Tab would stop at every row
        button.setFocusTraversable(false);
        return button;
    }
}
