package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.api.CallFilter;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.stats.LineFigures;
import dev.zvonok.model.stats.StatsLines;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Statistics view's lines: asked with the other figures, and each a drill-down to its inbound calls. */
class LinesViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    private final FakeStats server = new FakeStats();
    private final StatisticsViewModel vm = new StatisticsViewModel(server, Runnable::run,
            new MutableClock(NOW, ZoneId.of("Europe/Samara")));
    private final LineFigures sales = new LineFigures("Продажи", "Яндекс.Директ", 10, 7, 2, 1, 0.7, 12.0, 0.8, 20);

    @Test
    void theLinesAreAskedWithTheOtherFiguresOfTheChoice() {
        vm.queueProperty().set("support");
        vm.load();

        StatsRequest asked = (StatsRequest) server.last("lines").query();
        assertThat(asked).isEqualTo(server.last("summary").query());
        server.<StatsLines>last("lines").answer().complete(new StatsLines(null, List.of(sales)));
        assertThat(vm.lineFigures()).containsExactly(sales);
    }

    @Test
    void anAnswerToAnEarlierChoiceIsNotShown() {
        vm.load();
        var todays = server.<StatsLines>last("lines");
        vm.periodProperty().set(PeriodChoice.YESTERDAY);
        vm.load();
        todays.answer().complete(new StatsLines(null, List.of(sales)));

        assertThat(vm.lineFigures()).isEmpty();
    }

    @Test
    void aLineDrillsDownToItsInboundCallsOfThePeriodShown() {
        vm.periodProperty().set(PeriodChoice.LAST_7_DAYS);
        vm.queueProperty().set("support");
        vm.load();

        JournalQuery calls = vm.drillDown(sales);
        assertThat(calls.period()).isEqualTo(new JournalPeriod.Days(new DateRange(TODAY.minusDays(6), TODAY)));
        assertThat(calls.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(calls.status()).as("all of the line's calls, whatever became of them").isNull();
        assertThat(calls.filter()).isEqualTo(CallFilter.NONE.queue("support").line("Продажи"));
        assertThat(calls.parameters()).contains(Map.entry("line", "Продажи"), Map.entry("direction", "inbound"),
                Map.entry("countedIn", "summary"), Map.entry("stats.queue", "support"));
    }
}
