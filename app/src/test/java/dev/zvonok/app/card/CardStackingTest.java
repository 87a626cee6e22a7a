package dev.zvonok.app.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.settings.Settings.CardCorner;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class CardStackingTest {

    /** A 1920×1080 screen whose task bar takes the bottom 40 pixels. */
    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1920, 1040);
    private static final CardStacking.Size CARD = new CardStacking.Size(400, 300);
    private final CardStacking stacking = new CardStacking(10, 5);

    @Test
    void bottomRightStacksUpwardsFromTheCorner() {
        assertThat(stacking.place(CardCorner.BOTTOM_RIGHT, SCREEN, List.of(CARD, CARD)))
                .containsExactly(new Point2D(1510, 730), new Point2D(1510, 425));
    }

    @Test
    void topLeftStacksDownwards() {
        assertThat(stacking.place(CardCorner.TOP_LEFT, SCREEN, List.of(CARD, new CardStacking.Size(400, 120), CARD)))
                .containsExactly(new Point2D(10, 10), new Point2D(10, 315), new Point2D(10, 440));
    }

    @Test
    void topRightAndBottomLeft() {
        assertThat(stacking.place(CardCorner.TOP_RIGHT, SCREEN, List.of(CARD)))
                .containsExactly(new Point2D(1510, 10));
        assertThat(stacking.place(CardCorner.BOTTOM_LEFT, SCREEN, List.of(CARD)))
                .containsExactly(new Point2D(10, 730));
    }

    @Test
    void aFullColumnContinuesInTheNextOneFurtherIn() {
        List<Point2D> places = stacking.place(CardCorner.BOTTOM_RIGHT, SCREEN, List.of(CARD, CARD, CARD, CARD));

        assertThat(places.subList(0, 3)).extracting(Point2D::getX).containsOnly(1510.0);
        assertThat(places.get(3)).isEqualTo(new Point2D(1105, 730));
    }

    @Test
    void theFreeAreaNeedNotStartAtZero() {
        Rectangle2D secondScreen = new Rectangle2D(1920, 100, 1280, 900);

        assertThat(stacking.place(CardCorner.TOP_LEFT, secondScreen, List.of(CARD)))
                .containsExactly(new Point2D(1930, 110));
    }
}
