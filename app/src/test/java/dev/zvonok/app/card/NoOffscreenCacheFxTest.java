package dev.zvonok.app.card;

import static dev.zvonok.app.card.Calls.RING_AT;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings;
import dev.zvonok.app.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The card windows draw nothing through an off-screen cache: with the software pipeline each cached node is an image
 * in the Java heap, and JavaFX's scroll panes cache their viewport by default (docs/benchmarks.md, issue 10).
 */
@ExtendWith(ApplicationExtension.class)
class NoOffscreenCacheFxTest {

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final ManualTicks ticks = new ManualTicks();
    private CardsPresenter presenter;
    private CardWindows windows;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        presenter = new CardsPresenter(new RecordingSync(), clock, ticks, Languages.ENGLISH);
        windows = new CardWindows(presenter, Settings.defaults(Locale.ENGLISH), new RecordingRing(),
                IdleCollection.never());
    }

    @AfterEach
    void closeCards(FxRobot robot) {
        robot.interact(windows::close);
    }

    @Test
    void theOpenCardAndThePanelCacheNoViewportOfTheirScrollPanes(FxRobot robot) {
        robot.interact(() -> {
            presenter.accept(Calls.ring());
            presenter.accept(Calls.queueRing(Calls.OTHER_CALL, "777"));
        });
        robot.interact(() -> { }); // a pulse: the windows' skins are made and laid out

        Parent card = windows.windows().getFirst().getScene().getRoot();
        Parent panel = windows.panel().orElseThrow().getScene().getRoot();
        assertThat(robot.from(card).lookup(".viewport").queryAll())
                .as("the card's body and its notes' text area scroll, through viewports of their own")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(robot.from(panel).lookup(".viewport").queryAll()).isNotEmpty();
        assertThat(cached(card)).as("nodes of the card drawn through a cache").isEmpty();
        assertThat(cached(panel)).as("nodes of the panel drawn through a cache").isEmpty();
    }

    private static List<String> cached(Node root) {
        List<String> found = new ArrayList<>();
        collectCached(root, found);
        return found;
    }

    private static void collectCached(Node node, List<String> found) {
        if (node.isCache()) {
            found.add(node.getTypeSelector() + node.getStyleClass());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectCached(child, found));
        }
    }
}
