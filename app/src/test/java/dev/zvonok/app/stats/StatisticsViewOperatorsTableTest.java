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
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
        StatisticsViewModel vm = new StatisticsViewModel(server, Runnable::run,
                new MutableClock(Instant.parse("2026-12-03T10:00:00Z"), ZoneId.of("Europe/Samara")));
        stage = FxToolkit.setupStage(s -> {
            StatisticsView view = new StatisticsView(vm, new SimpleObjectProperty<>(Locale.ENGLISH), q -> { }, () -> { });
            s.setScene(new Scene(view.root(), 1200, 760));
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

        // Петров: hold 40 s (10 s a call), 4 h logged in, 30 min on lunch, (400 + 60) ÷ (14,400 − 1,800) = 3.7 %
        assertThat(cell("column.hold").getText()).isEqualTo("0:40");
        assertThat(cell("column.avgHold").getText()).isEqualTo("0:10");
        assertThat(cell("column.loggedIn").getText()).isEqualTo("4:00:00");
        TableCell<?, ?> breaks = cell("column.break");
        assertThat(breaks.getText()).isEqualTo("30:00");
        assertThat(breaks.getTooltip().getText()).isEqualTo("lunch 30:00");
        assertThat(cell(null).getText()).as("occupancy").isEqualTo("4%");
        assertThat(((Label) robot.lookup("#stats-column-occupancy").query()).getTooltip().getText())
                .startsWith("(Talk, hold included, + wrap-up) ÷ (logged in − break)");
        assertThat(robot.lookup("#kpi-hold").queryLabeled().getText()).isEqualTo("1:15");
    }

    /** The first row's cell of the column titled by {@code key} (null: the occupancy, titled by its own label). */
    private TableCell<?, ?> cell(String key) {
        TableView<?> table = robot.lookup("#stats-operators-table").queryTableView();
        String title = key == null ? null : dev.zvonok.app.i18n.Texts.of(StatisticsView.class, Locale.ENGLISH).get(key);
        TableColumn<?, ?> column = table.getColumns().stream()
                .filter(c -> title == null ? c.getGraphic() != null : title.equals(c.getText()))
                .findFirst().orElseThrow();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() == column && cell.getIndex() == 0) {
                return cell;
            }
        }
        throw new AssertionError("no cell of " + key + " in the first row");
    }
}
