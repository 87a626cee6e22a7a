package dev.zvonok.app.card;

import dev.zvonok.app.settings.Settings.CardCorner;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Where each card window goes: the first in the chosen corner of the screen's free area, each next one beside it
 * towards the other edge (above a bottom corner, below a top one); when a column is full, the next column starts
 * further in. Pure arithmetic, so every corner is tested without a screen.
 */
final class CardStacking {

    /** A window's size in pixels. */
    record Size(double width, double height) {
    }

    private final double margin;
    private final double gap;

    /**
     * @param margin the space between the screen's edge and the cards
     * @param gap    the space between two cards
     */
    CardStacking(double margin, double gap) {
        this.margin = margin;
        this.gap = gap;
    }

    /** The top-left corner of each window, in the order of {@code sizes}. */
    List<Point2D> place(CardCorner corner, Rectangle2D area, List<Size> sizes) {
        boolean fromTop = corner == CardCorner.TOP_LEFT || corner == CardCorner.TOP_RIGHT;
        boolean fromLeft = corner == CardCorner.TOP_LEFT || corner == CardCorner.BOTTOM_LEFT;
        List<Point2D> places = new ArrayList<>(sizes.size());
        double columnOffset = margin; // from the corner's side edge to this column's edge
        double columnWidth = 0;
        double used = margin;         // from the corner's top or bottom edge, taken by this column so far
        for (Size size : sizes) {
            boolean columnHasCards = columnWidth > 0;
            if (columnHasCards && used + size.height() + margin > area.getHeight()) {
                columnOffset += columnWidth + gap;
                columnWidth = 0;
                used = margin;
            }
            double x = fromLeft ? area.getMinX() + columnOffset : area.getMaxX() - columnOffset - size.width();
            double y = fromTop ? area.getMinY() + used : area.getMaxY() - used - size.height();
            places.add(new Point2D(x, y));
            used += size.height() + gap;
            columnWidth = Math.max(columnWidth, size.width());
        }
        return places;
    }
}
