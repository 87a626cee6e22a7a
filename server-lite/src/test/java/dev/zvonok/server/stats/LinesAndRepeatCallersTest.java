package dev.zvonok.server.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.zvonok.model.stats.LineFigures;
import dev.zvonok.model.stats.RepeatCallers;
import dev.zvonok.server.db.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The figures per line and the repeat callers over a day of calls worked out by hand: 2026-12-04 in Moscow (UTC+3).
 */
class LinesAndRepeatCallersTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant TEN = Instant.parse("2026-12-04T07:00:00Z"); // 10:00 in Moscow
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    private final StatsSettings settings = StatsSettings.standard(ZoneId.of("Europe/Moscow"));
    private final InboundStatistics statistics = new InboundStatistics(db.dsl(), settings);
    private final Period day = new BusinessDays(settings).days(DAY, DAY);

    @BeforeAll
    static void aDayOfCalls() {
        // the line "Реклама" (source "rk-7"): r1 answered after 10 s by +7…01, who calls again 23 h later (r4);
        // r2 answered after 30 s by +7…02, who calls again 25 h later (r5): not a repeat; r3 missed
        call("r1", "+79990000001", "Реклама", "rk-7", "+74950000001", "answered", TEN, 10);
        call("r2", "+79990000002", "Реклама", "rk-7", "+74950000001", "answered", TEN.plusSeconds(60), 30);
        call("r3", "+79990000003", "Реклама", "rk-7", "+74950000001", "missed", TEN.plusSeconds(120), null);
        // on no line: the dialled number; d1 answered after 5 s by +7…03 (r3's caller), who calls again 1 h later
        // on the line (d2, abandoned): a repeat, whatever the second call's line or outcome
        call("d1", "+79990000003", null, null, "+74950000002", "answered", TEN.plusSeconds(180), 5);
        call("d2", "+79990000003", "Реклама", "rk-7", "+74950000001", "abandoned", TEN.plusSeconds(3780), null);
        // an answered call of a hidden number cannot be a repeat caller's
        call("d3", null, null, null, "+74950000002", "answered", TEN.plusSeconds(240), 5);
        // the next day
        call("r4", "+79990000001", "Реклама", "rk-7", "+74950000001", "missed", TEN.plusSeconds(23 * 3600), null);
        call("r5", "+79990000002", "Реклама", "rk-7", "+74950000001", "missed", TEN.plusSeconds(25 * 3600), null);
    }

    @Test
    void eachLineOrDialledNumberWithItsFigures() {
        List<LineFigures> lines = statistics.lines(day, StatsScope.everything());

        assertThat(lines).extracting(LineFigures::line).containsExactly("Реклама", "+74950000002");
        LineFigures ad = lines.get(0);
        // r1 r2 r3 d2: answered r1 r2, missed r3, abandoned d2; within 20 s: r1
        assertThat(ad.source()).isEqualTo("rk-7");
        assertThat(ad.total()).isEqualTo(4);
        assertThat(ad.answered()).isEqualTo(2);
        assertThat(ad.missed()).isEqualTo(1);
        assertThat(ad.abandoned()).isEqualTo(1);
        assertThat(ad.acceptanceRate()).isCloseTo(2 / 4.0, within(1e-9));
        assertThat(ad.asaSeconds()).isCloseTo((10 + 30) / 2.0, within(1e-9));
        assertThat(ad.serviceLevel()).isCloseTo(1 / 4.0, within(1e-9));
        LineFigures dialled = lines.get(1);
        assertThat(dialled.source()).isNull();
        assertThat(dialled.total()).isEqualTo(2);
        assertThat(dialled.answered()).isEqualTo(2);

        StatsScope adOnly = StatsScope.everything().narrowedTo(new StatsFilter(null, "Реклама", null, null));
        assertThat(statistics.inbound(day, adOnly, TEN.plusSeconds(86_400)).total().total()).isEqualTo(4);
    }

    @Test
    void anAnsweredCallWhoseNumberCalledAgainWithin24Hours() {
        RepeatCallers repeat = statistics.repeatCallers(day, StatsScope.everything());

        // answered from a known number: r1 r2 d1; called again within 24 h: r1 (r4 at +23 h), d1 (d2 at +1 h)
        assertThat(repeat.answered()).isEqualTo(3);
        assertThat(repeat.calledAgain()).isEqualTo(2);
        assertThat(repeat.share()).isCloseTo(2 / 3.0, within(1e-9));
    }

    /** An inbound call of a minute, on {@code line} when it has one. */
    private static void call(String id, String caller, String line, String source, String dialled,
                             String disposition, Instant start, Integer answeredAfter) {
        new StatsCalls(db.dsl()).call(id, "inbound", caller, null, dialled,
                line == null ? null : new StatsCalls.Line(line, source), null, disposition, start, answeredAfter, 60,
                null);
    }
}
