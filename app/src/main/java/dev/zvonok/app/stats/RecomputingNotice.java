package dev.zvonok.app.stats;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Statistics are being recomputed after a settings change": what the Statistics window, the call-back list and My
 * day say while the server recomputes (503 {@code statistics-recomputing}) — a notice, not an error, shown only then.
 */
final class RecomputingNotice {

    private RecomputingNotice() {
    }

    /** @param texts the stats' texts ({@code stats.recomputing}) */
    static Label of(String id, LiveTexts texts, ObservableBooleanValue recomputing) {
        Label notice = new Label(null, new FontIcon(Feather.CLOCK));
        notice.setId(id);
        notice.getStyleClass().addAll("stats-recomputing", Styles.WARNING);
        notice.setWrapText(true);
        notice.textProperty().bind(texts.get("stats.recomputing"));
        notice.visibleProperty().bind(recomputing);
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }
}
