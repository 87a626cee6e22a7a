package dev.zvonok.app.card;

import com.sun.javafx.stage.WindowHelper;
import com.sun.javafx.tk.TKStage;
import com.sun.javafx.tk.quantum.WindowStage;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Parent;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the windowing system may give a window the keyboard: JavaFX's toolkit can say so for its own popups
 * ({@code gtk_window_set_accept_focus} on Linux, which sets the X11 input hint the window manager honours), but has no
 * public API for it; a card asks it through the toolkit's window peer. Where that peer is not there (another toolkit,
 * the headless test platform, whose windows take no hint), nothing happens and the card's own guard still holds.
 *
 * <p>The request counts most when it comes before the window is first made visible: on Windows a focusable window
 * is made the foreground window as it shows ({@code SetForegroundWindow}), while one that is not focusable by then
 * shows with {@code WS_EX_NOACTIVATE} and the toolkit's hook refuses its activation; on X11 the window manager reads
 * the input hint when it maps the window. {@link #refuseFocusWhenShown} puts it there.
 */
final class PlatformFocus {

    private static final Logger log = LoggerFactory.getLogger(PlatformFocus.class);
    private static volatile boolean unavailable;

    private PlatformFocus() {
    }

    /**
     * Asks, before {@code window} next becomes visible, that it not take the keyboard. JavaFX has no event between
     * making a window's peer and showing it, but it lays the scene's root out in between (to size the window): the
     * request rides on that layout. Should the layout come before the peer (a toolkit that changed), the request made
     * after showing ({@link #acceptFocus}) still holds, only later.
     */
    static void refuseFocusWhenShown(Window window) {
        if (unavailable || window.getScene() == null) {
            return;
        }
        Parent root = window.getScene().getRoot();
        ChangeListener<Boolean> laidOut = (property, was, needsLayout) -> {
            if (!needsLayout && WindowHelper.getPeer(window) != null) {
                acceptFocus(window, false);
            }
        };
        root.needsLayoutProperty().addListener(laidOut);
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent shown) {
                root.needsLayoutProperty().removeListener(laidOut);
                window.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
            }
        });
        root.requestLayout(); // so that the layout before showing happens, and is heard
    }

    /** Tells the windowing system whether {@code window} (showing) may take the keyboard. */
    static void acceptFocus(Window window, boolean accept) {
        if (unavailable) {
            return;
        }
        try {
            TKStage peer = WindowHelper.getPeer(window);
            if (peer instanceof WindowStage stage && stage.getPlatformWindow() != null) {
                stage.getPlatformWindow().setFocusable(accept);
            }
        } catch (LinkageError | RuntimeException e) {
            unavailable = true; // the toolkit changed under us: the card's own guard is enough
            log.info("The windowing system cannot be asked to keep cards from taking the keyboard: {}", e.toString());
        }
    }
}
