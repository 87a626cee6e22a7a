package dev.zvonok.app.main;

import dev.zvonok.app.i18n.Texts;
import java.awt.AWTException;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's icon in the system tray (AWT: JavaFX has none), so that closing the main window leaves the app running
 * where the operator can find it. All AWT is kept in here; its callbacks hop to the FX thread.
 */
public final class Tray implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Tray.class);

    private final TrayIcon icon;

    private Tray(TrayIcon icon) {
        this.icon = icon;
    }

    /** False on a headless machine and on desktops without a tray (some GNOME setups). */
    public static boolean isSupported() {
        return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    }

    /**
     * Puts the icon in the tray: a click shows the window, its menu offers "Open" and "Quit". From now on the app
     * keeps running with no window shown (the implicit exit of JavaFX is turned off).
     *
     * @param quit what "Quit" does (FX thread): close the connections and exit
     * @return empty when there is no tray, or it refused the icon
     */
    public static Optional<Tray> install(Stage window, Texts texts, Runnable quit) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(quit, "quit");
        if (!isSupported()) {
            return Optional.empty();
        }
        Runnable show = () -> Platform.runLater(() -> {
            window.setIconified(false);
            window.show();
            window.toFront();
        });
        PopupMenu menu = new PopupMenu();
        MenuItem open = new MenuItem(texts.get("tray.open"));
        open.addActionListener(e -> show.run());
        MenuItem exit = new MenuItem(texts.get("tray.quit"));
        exit.addActionListener(e -> Platform.runLater(quit));
        menu.add(open);
        menu.addSeparator();
        menu.add(exit);

        SystemTray tray = SystemTray.getSystemTray();
        TrayIcon icon = new TrayIcon(image(tray.getTrayIconSize().width), texts.get("tray.tooltip"), menu);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> show.run());
        try {
            tray.add(icon);
        } catch (AWTException e) {
            log.warn("The system tray refused our icon: {}", e.toString());
            return Optional.empty();
        }
        Platform.setImplicitExit(false);
        return Optional.of(new Tray(icon));
    }

    @Override
    public void close() {
        SystemTray.getSystemTray().remove(icon);
    }

    /** A calm blue dot with a white ring: visible on light and dark panels alike, and no file to ship. */
    private static Image image(int size) {
        int side = Math.max(16, size);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x09, 0x69, 0xda));
        g.fillOval(0, 0, side - 1, side - 1);
        g.setColor(Color.WHITE);
        int ring = side / 4;
        g.fillOval(ring, ring, side - 2 * ring - 1, side - 2 * ring - 1);
        g.setColor(new Color(0x09, 0x69, 0xda));
        int dot = side * 3 / 8;
        g.fillOval(dot, dot, side - 2 * dot - 1, side - 2 * dot - 1);
        g.dispose();
        return image;
    }
}
