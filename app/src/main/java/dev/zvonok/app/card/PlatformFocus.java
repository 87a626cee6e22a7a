package dev.zvonok.app.card;

import com.sun.javafx.stage.WindowHelper;
import com.sun.javafx.tk.TKStage;
import com.sun.javafx.tk.quantum.WindowStage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the windowing system may give a window the keyboard: JavaFX's toolkit can say so for its own popups
 * ({@code gtk_window_set_accept_focus} on Linux, which sets the X11 input hint the window manager honours), but has no
 * public API for it; a card asks it through the toolkit's window peer. Where that peer is not there (another toolkit,
 * the headless test platform, whose windows take no hint), nothing happens and the card's own guard still holds.
 */
final class PlatformFocus {

    private static final Logger log = LoggerFactory.getLogger(PlatformFocus.class);
    private static volatile boolean unavailable;

    private PlatformFocus() {
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
