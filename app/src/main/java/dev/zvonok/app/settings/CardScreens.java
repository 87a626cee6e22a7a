package dev.zvonok.app.settings;

import java.util.Comparator;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * The screen the operator chose for the cards (Settings: 0 for the primary screen, n for the n-th from the left), and
 * its work area: the screen less the task bar and panels, in JavaFX's logical pixels, so a HiDPI screen's scale is
 * already taken into account. A screen that was unplugged falls back to the primary one: cards are never placed on a
 * screen that is not there.
 */
public final class CardScreens {

    private CardScreens() {
    }

    /** The work area of the chosen screen among {@code screens} (their work areas), else {@code primary}. */
    public static Rectangle2D workArea(int choice, List<Rectangle2D> screens, Rectangle2D primary) {
        List<Rectangle2D> fromTheLeft = screens.stream()
                .sorted(Comparator.comparingDouble(Rectangle2D::getMinX).thenComparingDouble(Rectangle2D::getMinY))
                .toList();
        return choice >= 1 && choice <= fromTheLeft.size() ? fromTheLeft.get(choice - 1) : primary;
    }

    /** The work area of the chosen screen, as the screens are now. */
    public static Rectangle2D workArea(int choice) {
        return workArea(choice, Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
    }

    /** Each screen's size from the left, for the operator to choose among (logical pixels, as the cards use). */
    public static List<String> describe() {
        return Screen.getScreens().stream()
                .map(Screen::getBounds)
                .sorted(Comparator.comparingDouble(Rectangle2D::getMinX).thenComparingDouble(Rectangle2D::getMinY))
                .map(bounds -> Math.round(bounds.getWidth()) + " × " + Math.round(bounds.getHeight()))
                .toList();
    }
}
