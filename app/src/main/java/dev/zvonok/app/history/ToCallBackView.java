package dev.zvonok.app.history;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.stats.AssignedCallback;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Given to you to call back", above the missed calls: on screen only while the list has a number. A number given
 * while the app is open is said in a line of its own and, when the window is on screen, in a ControlsFX notification.
 */
final class ToCallBackView {

    /** A row with a small button in it. */
    private static final double ROW_HEIGHT_EM = 2.6;

    private final ToCallBackViewModel vm;
    private final LiveTexts texts;
    private final Clock clock;
    private final PhoneNumbers phones;
    private final VBox root = new VBox();

    ToCallBackView(ToCallBackViewModel vm, LiveTexts texts, Clock clock, PhoneNumbers phones) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.phones = Objects.requireNonNull(phones, "phones");
        build();
    }

    Node root() {
        return root;
    }

    private void build() {
        root.setId("to-call-back");
        root.getStyleClass().add("to-call-back");
        root.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.rows()));
        root.managedProperty().bind(root.visibleProperty());

        Label title = new Label(null, new FontIcon(Feather.USER_CHECK));
        title.setId("to-call-back-title");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.ACCENT);
        title.textProperty().bind(texts.text(t -> t.format("toCallBack.title", vm.rows().size()), vm.rows()));
        Label hint = new Label();
        hint.getStyleClass().addAll("history-note", Styles.TEXT_MUTED);
        hint.textProperty().bind(texts.get("toCallBack.hint"));

        Label given = new Label();
        given.setId("to-call-back-given");
        given.getStyleClass().addAll("history-note", Styles.ACCENT);
        given.textProperty().bind(texts.text(t -> {
            AssignedCallback now = vm.givenProperty().get();
            return now == null ? "" : t.format("toCallBack.given", who(now), by(now));
        }, vm.givenProperty()));
        given.visibleProperty().bind(vm.givenProperty().isNotNull());
        given.managedProperty().bind(given.visibleProperty());
        vm.givenProperty().addListener((o, was, now) -> notify(now));

        Label status = new Label();
        status.setId("to-call-back-status");
        status.getStyleClass().add("history-note");
        status.textProperty().bind(texts.text(t -> {
            CallBackStatus now = vm.callBackProperty().get();
            return now == null ? "" : t.format(now.textKey("missed.callBack."), phones.display(now.number()));
        }, vm.callBackProperty()));
        status.visibleProperty().bind(vm.callBackProperty().isNotNull());
        status.managedProperty().bind(status.visibleProperty());

        ListView<AssignedCallback> list = new ListView<>(vm.rows());
        list.setId("to-call-back-list");
        double row = Math.ceil(em(ROW_HEIGHT_EM));
        list.setFixedCellSize(row);
        // as tall as its rows, up to five: the missed calls below keep the rest of the tab
        list.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(5, Math.max(1, vm.rows().size())) * row + 2, vm.rows()));
        list.setCellFactory(l -> new ListCell<>() {
            private final Label text = new Label();
            private final Button call = new Button(null, new FontIcon(Feather.PHONE_OUTGOING));
            private final Region gap = new Region();
            private final HBox box = new HBox(em(0.6), text, gap, call);

            {
                HBox.setHgrow(gap, Priority.ALWAYS);
                box.setAlignment(Pos.CENTER_LEFT);
                call.getStyleClass().addAll(Styles.SMALL, Styles.SUCCESS);
                call.textProperty().bind(texts.get("missed.callBack"));
                call.setFocusTraversable(false);
                call.setOnAction(e -> vm.callBack(getItem()));
            }

            @Override
            protected void updateItem(AssignedCallback item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                text.setText(texts.now().format("toCallBack.row", who(item), time(item.missedAt()), by(item)));
                call.setId("to-call-back-call-" + item.number());
                setGraphic(box);
            }
        });
        root.getChildren().addAll(title, hint, given, status, list);
    }

    private void notify(AssignedCallback callback) {
        if (callback == null || root.getScene() == null || root.getScene().getWindow() == null
                || !root.getScene().getWindow().isShowing()) {
            return; // the line above the list says it too, once the window is back
        }
        Notifications.create()
                .owner(root.getScene().getWindow())
                .title(texts.now().format("toCallBack.title", vm.rows().size()))
                .text(texts.now().format("toCallBack.given", who(callback), by(callback)))
                .graphic(new FontIcon(Feather.USER_CHECK))
                .hideAfter(javafx.util.Duration.seconds(8))
                .position(Pos.BOTTOM_RIGHT)
                .show();
    }

    private String who(AssignedCallback callback) {
        String number = phones.display(callback.number());
        return callback.callerName() == null || callback.callerName().isBlank() ? number
                : callback.callerName() + " " + number;
    }

    private static String by(AssignedCallback callback) {
        return callback.assignedByName() == null ? "—" : callback.assignedByName();
    }

    private String time(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(texts.now().locale())
                .format(at.atZone(clock.getZone()));
    }

    private static double em(double n) {
        return CallTable.em(n);
    }
}
