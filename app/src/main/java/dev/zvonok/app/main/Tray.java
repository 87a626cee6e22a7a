package dev.zvonok.app.main;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.board.BoardFormat;
import dev.zvonok.model.board.WorkStatus;
import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.Menu;
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
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.util.Subscription;
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
    private final PopupMenu menu;
    /** The work status submenu of the operator logged in; null when none. */
    private Menu workStatusMenu;
    private Subscription workStatusListening = Subscription.EMPTY;

    private Tray(TrayIcon icon, PopupMenu menu) {
        this.icon = icon;
        this.menu = menu;
    }

    /**
     * Offers the operator's work status in the tray's menu too: "Available" and a break per reason of the server's,
     * the current one ticked. FX thread; the menu itself is changed on AWT's thread.
     *
     * @param reasons the texts of the break reasons (the board's bundle holds their words)
     */
    public void showWorkStatus(WorkStatusViewModel status, Texts texts, Texts reasons) {
        hideWorkStatus();
        Runnable rebuild = () -> {
            List<String> codes = List.copyOf(status.breakReasons());
            WorkStatus now = status.statusProperty().get();
            String reason = status.reasonProperty().get();
            EventQueue.invokeLater(() -> fill(status, texts, reasons, codes, now, reason));
        };
        ListChangeListener<String> onReasons = change -> rebuild.run();
        status.breakReasons().addListener(onReasons);
        workStatusListening = Subscription.combine(
                status.statusProperty().subscribe(now -> rebuild.run()),
                status.reasonProperty().subscribe(now -> rebuild.run()),
                () -> status.breakReasons().removeListener(onReasons));
    }

    private void fill(WorkStatusViewModel status, Texts texts, Texts reasons, List<String> codes, WorkStatus now,
                      String reason) {
        if (workStatusMenu == null) {
            workStatusMenu = new Menu(texts.get("tray.workStatus"));
            menu.insert(workStatusMenu, 0);
        }
        workStatusMenu.removeAll();
        workStatusMenu.setEnabled(now != null);
        CheckboxMenuItem available = new CheckboxMenuItem(texts.get("workStatus.available"),
                now == WorkStatus.AVAILABLE);
        available.addItemListener(e -> Platform.runLater(status::available));
        workStatusMenu.add(available);
        for (String code : codes) {
            CheckboxMenuItem onBreak = new CheckboxMenuItem(texts.format("workStatus.takeBreak",
                    BoardFormat.reason(code, reasons)), now == WorkStatus.BREAK && code.equals(reason));
            onBreak.addItemListener(e -> Platform.runLater(() -> status.takeBreak(code)));
            workStatusMenu.add(onBreak);
        }
    }

    /** No work status in the menu: logged out. FX thread. */
    public void hideWorkStatus() {
        workStatusListening.unsubscribe();
        workStatusListening = Subscription.EMPTY;
        EventQueue.invokeLater(() -> {
            if (workStatusMenu != null) {
                menu.remove(workStatusMenu);
                workStatusMenu = null;
            }
        });
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
        return Optional.of(new Tray(icon, menu));
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
