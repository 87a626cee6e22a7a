package dev.zvonok.app.card;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;

/**
 * Where the operator is typing: the last of the app's windows they worked in — pressed a key or clicked in, or that
 * gained the keyboard — among those that may keep it (the main window, a dialog, a card the operator moved into). A
 * card that pops up hands the keyboard back here and sends on whatever reaches it before the operator chose it, so a
 * word typed while a phone rings never lands on the wrong call.
 *
 * <p>The operator's own key presses and clicks decide, not only the windows' focus flags: some platforms (the
 * headless one, some window managers) leave several windows flagged focused at once.
 *
 * <p>FX thread only. Follows every window of the app as it opens and closes.
 */
final class KeyboardHome {

    private final Predicate<Window> mayKeepKeyboard;
    private final ObservableList<Window> windows;
    private final Map<Window, Watch> watched = new HashMap<>();
    private final ListChangeListener<Window> windowsChanged = change -> {
        while (change.next()) {
            change.getRemoved().forEach(this::forget);
            change.getAddedSubList().forEach(this::watch);
        }
    };
    private Window home;
    private Runnable moved = () -> { };

    /** What follows one window: its focus flag, and the operator's keys and clicks in it. */
    private record Watch(ChangeListener<Boolean> focus, EventHandler<Event> input) {
    }

    /** @param mayKeepKeyboard false for a window that must not become home (a card nobody chose yet) */
    KeyboardHome(Predicate<Window> mayKeepKeyboard) {
        this(mayKeepKeyboard, Window.getWindows());
    }

    KeyboardHome(Predicate<Window> mayKeepKeyboard, ObservableList<Window> windows) {
        this.mayKeepKeyboard = mayKeepKeyboard;
        this.windows = windows;
        windows.forEach(this::watch);
        windows.addListener(windowsChanged);
        for (Window window : windows) {
            if (window.isFocused()) {
                worksIn(window);
            }
        }
    }

    /** The window the operator types in, while it is open. */
    Optional<Window> window() {
        if (home != null && !home.isShowing()) {
            home = null;
        }
        return Optional.ofNullable(home);
    }

    void close() {
        windows.removeListener(windowsChanged);
        Map.copyOf(watched).keySet().forEach(this::forget);
    }

    private void watch(Window window) {
        if (watched.containsKey(window)) {
            return;
        }
        Watch watch = new Watch((property, was, focused) -> {
            if (focused) {
                worksIn(window);
            }
        }, event -> worksIn(window));
        window.focusedProperty().addListener(watch.focus());
        window.addEventFilter(KeyEvent.KEY_PRESSED, watch.input());
        window.addEventFilter(MouseEvent.MOUSE_PRESSED, watch.input());
        watched.put(window, watch);
    }

    private void forget(Window window) {
        Watch watch = watched.remove(window);
        if (watch != null) {
            window.focusedProperty().removeListener(watch.focus());
            window.removeEventFilter(KeyEvent.KEY_PRESSED, watch.input());
            window.removeEventFilter(MouseEvent.MOUSE_PRESSED, watch.input());
        }
    }

    /** The operator works in {@code window} now (a card they just chose tells so itself). */
    void worksIn(Window window) {
        if (window.isShowing() && mayKeepKeyboard.test(window) && window != home) {
            home = window;
            moved.run();
        }
    }

    /**
     * A key reached {@code from}, a window that must not have the keyboard: it goes on to where the operator is
     * typing, so typing continues there, whole.
     */
    void sendOn(KeyEvent key, Window from) {
        key.consume();
        window().filter(window -> window != from && window.getScene() != null).ifPresent(window -> {
            Node owner = window.getScene().getFocusOwner();
            EventTarget target = owner != null ? owner : window.getScene();
            Event.fireEvent(target, key.copyFor(key.getSource(), target));
        });
    }

    /** Runs {@code action} each time the operator moves to another window. */
    void onMove(Runnable action) {
        this.moved = action;
    }
}
