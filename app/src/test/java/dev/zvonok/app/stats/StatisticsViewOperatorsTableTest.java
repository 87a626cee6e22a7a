package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.stats.StatsOperators;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.model.stats.StatsTimeline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The operators' table of the Statistics view shows the work figures as the server sent them: hold, logged in,
 * break (by reason in the cell's tooltip, in words) and occupancy — headless, the server's answers given by hand.
 */
class StatisticsViewOperatorsTableTest {

    private final FxRobot robot = new FxRobot();
    private final FakeStats server = new FakeStats();
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void theOperatorsRowShowsHoldLoggedInBreakAndOccupancy() throws Exception {
        showWithPetrov(Locale.ENGLISH, 1200);

        // Петров: hold 40 s (10 s a call), 4 h logged in, 30 min on lunch, (400 + 60) ÷ (14,400 − 1,800) = 3.7 %
        assertThat(cell("hold").getText()).isEqualTo("0:40");
        assertThat(cell("hold-average").getText()).isEqualTo("0:10");
        assertThat(cell("logged-in").getText()).isEqualTo("4:00:00");
        TableCell<?, ?> breaks = cell("break");
        assertThat(breaks.getText()).isEqualTo("30:00");
        assertThat(breaks.getTooltip().getText()).isEqualTo("lunch 30:00");
        assertThat(cell("occupancy").getText()).isEqualTo("4%");
        assertThat(((Label) robot.lookup("#stats-column-occupancy-title").query()).getTooltip().getText())
                .startsWith("(Talk, hold included, + wrap-up) ÷ (logged in − break)");
        assertThat(robot.lookup("#kpi-hold").queryLabeled().getText()).isEqualTo("1:15");
    }

    /**
     * Every title of the operators' and the lines' tables is read whole, in both languages, in a Statistics window
     * of its first size: titles wrap to two lines under group titles, and a window too narrow for every column
     * scrolls sideways rather than cutting them ("Answ…", "Transfe…" before).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru"})
    void noColumnTitleIsCut(String language) throws Exception {
        // the app's own theme (bold titles, its own header size): not JavaFX's default, which an earlier test may
        // have left
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        showWithPetrov(Locale.forLanguageTag(language), StatisticsView.em(84));

        List<String> cut = new java.util.ArrayList<>();
        for (String table : List.of("#stats-operators-table", "#stats-lines-table")) {
            for (Node node : robot.lookup(table).queryTableView().lookupAll(".column-header .label")) {
                Label title = (Label) node;
                if (title.getText() == null || title.getText().isEmpty()) {
                    continue;
                }
                Text shown = (Text) title.lookup(".text");
                if (shown != null && !title.getText().equals(shown.getText())) {
                    cut.add(title.getText() + " shown as " + shown.getText());
                }
                // wrapped between words, never inside one
                double room = title.getWidth() - title.getPadding().getLeft() - title.getPadding().getRight();
                for (String word : title.getText().split(" ")) {
                    Text measured = new Text(word);
                    measured.setFont(title.getFont());
                    if (measured.getLayoutBounds().getWidth() > room) {
                        cut.add(word + " of " + title.getText() + " is " + Math.ceil(measured.getLayoutBounds()
                                .getWidth()) + " px wide, in " + room);
                    }
                }
            }
        }
        assertThat(cut).isEmpty();
        assertThat(robot.lookup("#stats-operators-table").queryTableView().lookupAll(".column-header .label"))
                .as("the titles were looked at").hasSizeGreaterThan(15);
    }

    private void showWithPetrov(Locale locale, double width) throws Exception {
        StatisticsViewModel vm = new StatisticsViewModel(server, Runnable::run,
                new MutableClock(Instant.parse("2026-12-03T10:00:00Z"), ZoneId.of("Europe/Samara")));
        stage = FxToolkit.setupStage(s -> {
            StatisticsView view = new StatisticsView(vm, new SimpleObjectProperty<>(locale), q -> { }, q -> { });
            s.setScene(new Scene(view.root(), width, 760));
            s.show();
        });
        robot.interact(vm::start);
        robot.interact(() -> {
            server.<StatsSummary>last("summary").answer().complete(StatisticsViewModelTest.summary(10, 7, 2, 1));
            server.<StatsTimeline>last("timeline:hour").answer().complete(new StatsTimeline(null, "hour", List.of()));
            server.<StatsOperators>last("operators").answer().complete(new StatsOperators(null,
                    List.of(StatisticsViewModelTest.petrov())));
        });
        robot.interact(() -> { }); // one more pulse: the table lays its cells out
    }

    /** The first row's cell of the column {@code stats-column-<id>}. */
    private TableCell<?, ?> cell(String id) {
        TableView<?> table = robot.lookup("#stats-operators-table").queryTableView();
        TableColumn<?, ?> column = table.getVisibleLeafColumns().stream()
                .filter(c -> ("stats-column-" + id).equals(c.getId()))
                .findFirst().orElseThrow();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() == column && cell.getIndex() == 0) {
                return cell;
            }
        }
        throw new AssertionError("no cell of " + id + " in the first row");
    }
}
