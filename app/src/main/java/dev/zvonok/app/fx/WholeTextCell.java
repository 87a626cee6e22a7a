package dev.zvonok.app.fx;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;

/**
 * A table cell whose text, when the column is too narrow for it, is still there to read: its tooltip holds all of
 * it. JavaFX 21 does not tell when a label was cut, so every cell with text has one. Names and numbers are never
 * cut beyond reach, in every table of the app.
 *
 * @param <S> the table's row type
 */
public final class WholeTextCell<S> extends TableCell<S, String> {

    /** How wide a tooltip grows before it wraps, in em of the default font. */
    private static final double TOOLTIP_EM = 32;

    private final Tooltip whole = new Tooltip();

    public WholeTextCell() {
        whole.setWrapText(true);
        whole.setMaxWidth(TOOLTIP_EM * Font.getDefault().getSize());
    }

    @Override
    protected void updateItem(String text, boolean isEmpty) {
        super.updateItem(text, isEmpty);
        if (isEmpty || text == null || text.isEmpty()) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(text);
        whole.setText(text);
        setTooltip(whole);
    }
}
