package dev.zvonok.app.board;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A new alert pops up for a few seconds at the bottom right of the supervisor's window: a {@link Popup}, so it never
 * takes the focus from what the supervisor is typing, and nothing at all when the window is not on screen (the
 * alerts stay listed on the board).
 */
final class AlertToasts {

    private static final Duration SHOWN_FOR = Duration.seconds(8);

    private final Function<BoardAlert, String> text;
    private final VBox stack = new VBox();
    private final Popup popup = new Popup();

    AlertToasts(ObservableList<BoardAlert> alerts, Function<BoardAlert, String> text, String stylesheet) {
        this.text = Objects.requireNonNull(text, "text");
        stack.getStyleClass().add("board-toasts");
        stack.getStylesheets().add(stylesheet);
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        popup.getContent().add(stack);
        popup.setAutoFix(true);
        popup.setHideOnEscape(true);
        alerts.addListener((ListChangeListener<BoardAlert>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::show);
                change.getRemoved().forEach(this::remove);
            }
        });
    }

    private Window owner;

    /** Where the toasts show; null while the board is not in a window. */
    void attach(Window window) {
        owner = window;
        if (window == null) {
            popup.hide();
        }
    }

    private void show(BoardAlert alert) {
        if (owner == null || !owner.isShowing() || owner.getScene() == null) {
            return;
        }
        Label toast = new Label(text.apply(alert), new FontIcon(SupervisorView.icon(alert)));
        toast.setUserData(alert.key());
        toast.getStyleClass().addAll("board-toast", Styles.WARNING);
        toast.setWrapText(true);
        stack.getChildren().add(toast);
        place();
        PauseTransition gone = new PauseTransition(SHOWN_FOR);
        gone.setOnFinished(e -> remove(toast));
        gone.play();
    }

    private void remove(BoardAlert alert) {
        stack.getChildren().removeIf(node -> alert.key().equals(node.getUserData()));
        hideIfEmpty();
    }

    private void remove(Label toast) {
        stack.getChildren().remove(toast);
        hideIfEmpty();
    }

    private void hideIfEmpty() {
        if (stack.getChildren().isEmpty()) {
            popup.hide();
        }
    }

    private void place() {
        if (!popup.isShowing()) {
            popup.show(owner);
        }
        stack.applyCss();
        stack.layout();
        double width = stack.prefWidth(-1);
        double height = stack.prefHeight(width);
        popup.setX(owner.getX() + owner.getWidth() - width - 24);
        popup.setY(owner.getY() + owner.getHeight() - height - 24);
    }
}
