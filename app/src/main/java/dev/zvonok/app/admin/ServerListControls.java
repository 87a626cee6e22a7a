package dev.zvonok.app.admin;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What every administration list shows under its table: why it could not be read, and its pager. */
final class ServerListControls {

    private ServerListControls() {
    }

    /** The list's problem, shown only while there is one. */
    static Label problem(ServerList<?> list, LiveTexts texts) {
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(MessageText.of(texts, list.problemProperty()));
        problem.visibleProperty().bind(list.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    /**
     * Previous, "page N of M", next, to the right.
     *
     * @param idPrefix the nodes' ids are this plus {@code -previous}, {@code -page}, {@code -next}; null: no ids
     */
    static HBox pager(ServerList<?> list, LiveTexts texts, String idPrefix) {
        Button previous = new Button(null, new FontIcon(Feather.CHEVRON_LEFT));
        previous.disableProperty().bind(list.hasPreviousPage().not());
        previous.setOnAction(e -> list.previousPage());
        Button next = new Button(null, new FontIcon(Feather.CHEVRON_RIGHT));
        next.disableProperty().bind(list.hasNextPage().not());
        next.setOnAction(e -> list.nextPage());
        Label where = new Label();
        where.textProperty().bind(texts.text(t -> t.format("admin.users.page", list.pageProperty().get(),
                        Math.max(1, list.totalPagesProperty().get()), list.totalProperty().get()),
                list.pageProperty(), list.totalPagesProperty(), list.totalProperty()));
        if (idPrefix != null) {
            previous.setId(idPrefix + "-previous");
            next.setId(idPrefix + "-next");
            where.setId(idPrefix + "-page");
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox pager = new HBox(gap, previous, where, next);
        pager.setAlignment(Pos.CENTER_RIGHT);
        pager.getStyleClass().add("admin-pager");
        return pager;
    }
}
