package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.stats.MyStats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MyDayViewModelTest {

    private final FakeStats server = new FakeStats();
    /** 23:30 UTC on the 2nd is already the 3rd in Samara: the operator's day is their own. */
    private final MyDayViewModel vm = new MyDayViewModel(server, Runnable::run,
            new MutableClock(Instant.parse("2026-12-02T23:30:00Z"), ZoneId.of("Europe/Samara")));

    @Test
    void asksForTodayAndKeepsTheLastFiguresWhenARereadFails() {
        LocalDate today = LocalDate.parse("2026-12-03");
        vm.refresh();
        assertThat(server.queries("my")).containsExactly(new DateRange(today, today));
        MyStats mine = new MyStats(null, 5, 4, 1, 0.8, List.of());
        server.<MyStats>last("my").answer().complete(mine);
        assertThat(vm.figuresProperty().get()).isEqualTo(mine);
        assertThat(StatsFormat.percent(mine.acceptanceRate(), Locale.ENGLISH)).isEqualTo("80%");

        vm.refresh();
        server.<MyStats>last("my").answer().completeExceptionally(new java.io.IOException("away"));
        assertThat(vm.figuresProperty().get()).as("no zeros made up").isEqualTo(mine);
    }
}
