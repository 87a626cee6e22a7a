package dev.zvonok.app.main;

import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Closing the main window must not stop the app: calls keep popping up cards. With a tray icon the window hides (the
 * icon brings it back); without one it is minimized, so that it stays in the task bar.
 */
public final class CloseToBackground {

    /** What closing the window does. */
    public enum Action { HIDE, ICONIFY }

    private CloseToBackground() {
    }

    public static Action actionFor(boolean trayIconShown) {
        return trayIconShown ? Action.HIDE : Action.ICONIFY;
    }

    /** @param trayIconShown whether {@link Tray#install} put an icon in the tray */
    public static void install(Stage window, boolean trayIconShown) {
        Action action = actionFor(trayIconShown);
        window.setOnCloseRequest((WindowEvent close) -> {
            close.consume();
            switch (action) {
                case HIDE -> window.hide();
                case ICONIFY -> window.setIconified(true);
            }
        });
    }
}
