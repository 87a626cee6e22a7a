package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.stats.StatsSource.ExportFormat;
import dev.zvonok.app.stats.StatsSource.Report;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.api.CallFilter;
import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.CallbackCounters;
import dev.zvonok.model.stats.DirectionCounters;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.RepeatCallers;
import dev.zvonok.model.stats.OperatorFigures;
import dev.zvonok.model.stats.StatsOperators;
import dev.zvonok.model.stats.StatsPeriod;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.model.stats.StatsTimeline;
import dev.zvonok.model.stats.TimelineBucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsViewModelTest {

    private static final ZoneId SAMARA = ZoneId.of("Europe/Samara");
    /** Thursday 3 December 2026, 14:00 in Samara. */
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    private final FakeStats server = new FakeStats();
    private final StatisticsViewModel vm = new StatisticsViewModel(server, Runnable::run,
            new MutableClock(NOW, SAMARA));

    static StatsSummary summary(long total, long answered, long missed, long abandoned) {
        StatsPeriod period = new StatsPeriod(TODAY, TODAY, NOW, NOW, "Europe/Samara");
        return new StatsSummary(period, new InboundCounters(total, answered, missed, abandoned, 0, 0,
                (double) answered / total, (double) abandoned / total, 12.4, 95.0, 0.8, 20, 40),
                new DirectionCounters(3, 2), new DirectionCounters(0, 0), 600, 75, 120, 95.0,
                new CallbackCounters(2, 300.0, 0.5), new RepeatCallers(answered, 0, 0.0));
    }

    static OperatorFigures petrov() {
        return new OperatorFigures(8, "petrov", "Пётр Петров", 5, 4, 1, 0, 1, 0, 400, 40, 60, 100.0, 10.0, 15.0,
                4 * 3600, 1800, Map.of("lunch", 1800L), 460.0 / (4 * 3600 - 1800));
    }

    @Test
    void aLoadAsksForTodaysSummaryTimelineByHourAndOperatorsAndShowsThemTogether() {
        vm.start();

        StatsRequest today = StatsRequest.of(new DateRange(TODAY, TODAY));
        assertThat(server.queries("summary")).containsExactly(today);
        assertThat(server.queries("timeline:hour")).containsExactly(today);
        assertThat(server.queries("operators")).containsExactly(today);
        assertThat(vm.loadingProperty().get()).isTrue();

        server.<StatsSummary>last("summary").answer().complete(summary(10, 7, 2, 1));
        server.<StatsTimeline>last("timeline:hour").answer().complete(new StatsTimeline(null, "hour", List.of(
                new TimelineBucket(LocalDateTime.parse("2026-12-03T09:00"), NOW, NOW, 10, 7, 2, 1, 0.8))));
        assertThat(vm.summaryProperty().get()).as("not before the operators came too").isNull();

        server.<StatsOperators>last("operators").answer().complete(new StatsOperators(null, List.of(petrov())));
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(Kpi.ANSWERED.value(vm.summaryProperty().get(), Locale.ENGLISH)).isEqualTo("7");
        assertThat(Kpi.ACCEPTANCE_RATE.value(vm.summaryProperty().get(), Locale.ENGLISH)).isEqualTo("70%");
        assertThat(Kpi.ASA.value(vm.summaryProperty().get(), Locale.ENGLISH)).isEqualTo("0:12");
        assertThat(Kpi.HOLD.value(vm.summaryProperty().get(), Locale.ENGLISH)).isEqualTo("1:15");
        assertThat(Kpi.AHT.value(vm.summaryProperty().get(), Locale.ENGLISH)).isEqualTo("1:35");
        assertThat(Kpi.CALLBACKS_PENDING.value(vm.summaryProperty().get(), Locale.ENGLISH)).isEqualTo("2");
        assertThat(vm.timelineProperty().get().buckets()).hasSize(1);
        assertThat(vm.operatorFigures()).containsExactly(petrov());
    }

    @Test
    void everyChangeOfPeriodOrFilterAsksAgainWithItsParameters() {
        vm.start();
        server.<BoardSnapshot>last("choices").answer().complete(new BoardSnapshot(1, NOW, NOW, List.of(
                new BoardOperator(8, "Пётр Петров", List.of("888"), List.of("Сервис"), OperatorState.AVAILABLE,
                        NOW, null, List.of(), 0),
                new BoardOperator(7, "Иван Иванов", List.of("777"), List.of("Сервис", "Продажи"),
                        OperatorState.AVAILABLE, NOW, null, List.of(), 0)),
                List.of(new BoardQueue("support", List.of(), 0, List.of(), null)), null));
        assertThat(vm.operators()).extracting(Choice::name).containsExactly("Иван Иванов", "Пётр Петров");
        assertThat(vm.teams()).containsExactly("Продажи", "Сервис");
        assertThat(vm.queues()).containsExactly("support");

        vm.periodProperty().set(PeriodChoice.THIS_WEEK);
        vm.chosenOperators().setAll(vm.operators().get(1));
        vm.chosenTeams().setAll("Сервис");
        vm.queueProperty().set("support");
        vm.directionProperty().set(CallDirection.INBOUND);

        StatsRequest last = (StatsRequest) server.last("summary").query();
        assertThat(server.queries("summary")).hasSize(6);
        assertThat(server.queries("timeline:day")).as("a week: bars by day").hasSize(5);
        assertThat(last.parameters()).containsExactly(Map.entry("dateFrom", "2026-11-30"),
                Map.entry("dateTo", "2026-12-03"), Map.entry("operatorId", "8"), Map.entry("team", "Сервис"),
                Map.entry("queue", "support"), Map.entry("direction", "inbound"));
    }

    @Test
    void severalChangesAtOnceAskOnce() {
        vm.start();
        vm.change(() -> {
            vm.periodProperty().set(PeriodChoice.CUSTOM);
            vm.customFromProperty().set(LocalDate.parse("2026-11-01"));
            vm.customToProperty().set(LocalDate.parse("2026-11-10"));
        });

        assertThat(server.queries("summary")).hasSize(2);
        assertThat(((StatsRequest) server.last("summary").query()).days())
                .isEqualTo(new DateRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-10")));
    }

    @Test
    void anAnswerToAnEarlierChoiceIsNotShownOverTheLaterOne() {
        vm.start();
        FakeStats.Asked<StatsSummary> todays = server.last("summary");
        FakeStats.Asked<StatsTimeline> todaysTimeline = server.last("timeline:hour");
        FakeStats.Asked<StatsOperators> todaysOperators = server.last("operators");
        vm.periodProperty().set(PeriodChoice.YESTERDAY);

        todays.answer().complete(summary(10, 7, 2, 1));
        todaysTimeline.answer().complete(new StatsTimeline(null, "hour", List.of()));
        todaysOperators.answer().complete(new StatsOperators(null, List.of(petrov())));
        assertThat(vm.summaryProperty().get()).as("today's came, but yesterday's is asked for").isNull();
        assertThat(vm.loadingProperty().get()).isTrue();

        server.<StatsSummary>last("summary").answer().complete(summary(4, 4, 0, 0));
        server.<StatsTimeline>last("timeline:hour").answer().complete(new StatsTimeline(null, "hour", List.of()));
        server.<StatsOperators>last("operators").answer().complete(new StatsOperators(null, List.of()));

        assertThat(vm.summaryProperty().get().inbound().total()).isEqualTo(4);
        assertThat(vm.operatorFigures()).isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aFailureIsSaidAndTheLastFiguresStay() {
        vm.start();
        server.<StatsSummary>last("summary").answer().complete(summary(10, 7, 2, 1));
        server.<StatsTimeline>last("timeline:hour").answer().complete(new StatsTimeline(null, "hour", List.of()));
        server.<StatsOperators>last("operators").answer().complete(new StatsOperators(null, List.of()));

        vm.load();
        server.<StatsSummary>last("summary").answer().completeExceptionally(new IOException("connection refused"));
        server.<StatsTimeline>last("timeline:hour").answer().complete(new StatsTimeline(null, "hour", List.of()));
        server.<StatsOperators>last("operators").answer().complete(new StatsOperators(null, List.of()));

        assertThat(vm.problemProperty().get()).isEqualTo("connection refused");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get().inbound().total()).isEqualTo(10);
    }

    @Test
    void eachTileAndEachOperatorDrillsDownToItsCallsInTheJournal() {
        vm.periodProperty().set(PeriodChoice.LAST_7_DAYS);
        vm.queueProperty().set("support");
        vm.load();
        DateRange week = new DateRange(TODAY.minusDays(6), TODAY);

        JournalQuery answered = vm.drillDown(Kpi.ANSWERED);
        assertThat(answered.period()).isEqualTo(new JournalPeriod.Days(week));
        assertThat(answered.status()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(answered.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(answered.filter()).isEqualTo(CallFilter.NONE.queue("support"));
        assertThat(answered.counted()).as("the server lists the calls the summary counts, by its rules")
                .isEqualTo(new JournalQuery.Counted(CountedIn.SUMMARY, vm.query()));
        assertThat(answered.parameters()).contains(Map.entry("countedIn", "summary"),
                Map.entry("stats.dateFrom", week.from().toString()), Map.entry("stats.dateTo", week.to().toString()),
                Map.entry("stats.queue", "support"));
        assertThat(vm.drillDown(Kpi.INBOUND).status()).isNull();
        assertThat(vm.drillDown(Kpi.ABANDONED).status()).isEqualTo(CallDisposition.ABANDONED);
        assertThat(vm.drillDown(Kpi.MISSED).status()).isEqualTo(CallDisposition.MISSED);
        assertThat(vm.drillDown(Kpi.CALLBACKS_PENDING)).as("the call-back list instead").isNull();
        for (Kpi work : List.of(Kpi.HOLD, Kpi.AHT)) {
            JournalQuery handled = vm.drillDown(work);
            assertThat(handled.counted()).as(work + ": sums over the operators' answered parts, any direction")
                    .isEqualTo(new JournalQuery.Counted(CountedIn.WORK, vm.query()));
            assertThat(handled.status()).as(work.name()).isNull();
            assertThat(handled.direction()).as(work.name()).isNull();
            assertThat(handled.parameters()).as(work.name()).contains(Map.entry("countedIn", "work"));
        }
        assertThat(vm.drillDown(petrov()).operatorId()).isEqualTo(8L);
        assertThat(vm.drillDown(petrov()).parameters()).contains(Map.entry("operatorId", "8"),
                Map.entry("queue", "support"), Map.entry("dateFrom", week.from().toString()),
                Map.entry("countedIn", "operators"), Map.entry("stats.queue", "support"));
    }

    @Test
    void everyOperatorAndTeamChosenGoesWithEveryDrillDownAndIsNamedInItsHeader() {
        vm.periodProperty().set(PeriodChoice.LAST_7_DAYS);
        vm.chosenOperators().setAll(new Choice(7, "Иван Иванов"), new Choice(8, "Пётр Петров"));
        vm.chosenTeams().setAll("Продажи", "Сервис");
        TimelineBucket two = new TimelineBucket(LocalDateTime.parse("2026-12-03T14:00"),
                Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"), 6, 3, 2, 1, 0.5);
        showTimeline("day", two);

        List<Map.Entry<String, String>> question = List.of(Map.entry("stats.operatorId", "7"),
                Map.entry("stats.operatorId", "8"), Map.entry("stats.team", "Продажи"),
                Map.entry("stats.team", "Сервис"));
        for (JournalQuery calls : List.of(vm.drillDown(Kpi.MISSED), vm.drillDown(two, CallDisposition.ANSWERED),
                vm.drillDown(two), vm.drillDownToAnswered(petrov()), vm.drillDown(petrov()))) {
            assertThat(calls.parameters()).as(calls.toString()).containsAll(question)
                    .as("the journal's own team rule is not the statistics'")
                    .noneMatch(p -> p.getKey().equals("team"));
        }
        assertThat(vm.drillDown(Kpi.MISSED).parameters()).as("everybody's, as the statistics choose them")
                .noneMatch(p -> p.getKey().equals("operatorId"));
        assertThat(JournalView.describe(vm.drillDown(Kpi.MISSED), dev.zvonok.app.i18n.Texts.of(StatisticsView.class,
                Locale.forLanguageTag("ru")))).isEqualTo("Пропущен · Входящие · Иван Иванов, Пётр Петров · "
                + "27.11.2026 – 03.12.2026 · Продажи · Сервис");
    }

    /** A timeline as the server gives it: its period says the call centre's zone. */
    private void showTimeline(String by, TimelineBucket... buckets) {
        vm.load();
        server.<StatsSummary>last("summary").answer().complete(summary(10, 7, 2, 1));
        server.<StatsTimeline>last("timeline:" + by).answer().complete(new StatsTimeline(new StatsPeriod(TODAY,
                TODAY, NOW, NOW, "Europe/Samara"), by, List.of(buckets)));
        server.<StatsOperators>last("operators").answer().complete(new StatsOperators(null, List.of(petrov())));
    }

    @Test
    void aBarOfAnHourListsThatHoursInboundCallsOfItsOutcomeWithinTheFiltersShown() {
        vm.queueProperty().set("support");
        vm.lineProperty().set("Продажи");
        // 14:00–15:00 in Samara (UTC+4)
        TimelineBucket two = new TimelineBucket(LocalDateTime.parse("2026-12-03T14:00"),
                Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"), 6, 3, 2, 1, 0.5);
        showTimeline("hour", two);

        JournalQuery missed = vm.drillDown(two, CallDisposition.MISSED);
        assertThat(missed.period()).isEqualTo(new JournalPeriod.Between(two.from(), two.to(), SAMARA));
        assertThat(missed.status()).isEqualTo(CallDisposition.MISSED);
        assertThat(missed.direction()).as("the timeline counts inbound calls").isEqualTo(CallDirection.INBOUND);
        assertThat(missed.filter()).isEqualTo(CallFilter.NONE.queue("support").line("Продажи"));
        // [from, to): the server's dateTo is inclusive to the microsecond
        assertThat(missed.parameters()).contains(Map.entry("dateFrom", "2026-12-03T10:00:00Z"),
                Map.entry("dateTo", "2026-12-03T10:59:59.999999Z"), Map.entry("status", "missed"),
                Map.entry("direction", "inbound"));
        assertThat(vm.drillDown(two, CallDisposition.ABANDONED).status()).isEqualTo(CallDisposition.ABANDONED);
        assertThat(vm.drillDown(two, CallDisposition.ANSWERED).status()).isEqualTo(CallDisposition.ANSWERED);

        JournalQuery level = vm.drillDown(two);
        assertThat(level.status()).as("the service level is counted over all of them").isNull();
        assertThat(level.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(level.period()).isEqualTo(missed.period());

        assertThat(JournalView.describe(missed, dev.zvonok.app.i18n.Texts.of(StatisticsView.class,
                Locale.forLanguageTag("ru")))).isEqualTo("Пропущен · Входящие · 03.12.2026 14:00–15:00 · Продажи · support");
        assertThat(JournalView.describe(missed, dev.zvonok.app.i18n.Texts.of(StatisticsView.class, Locale.ENGLISH)))
                .isEqualTo("Missed · Inbound · 12/3/26 2:00\u202FPM–3:00\u202FPM · Продажи · support");
    }

    @Test
    void aBarOfADayOrOfAWeekAcrossAClockChangeListsTheStretchTheServerCut() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        vm.periodProperty().set(PeriodChoice.CUSTOM);
        vm.customFromProperty().set(LocalDate.parse("2026-10-19"));
        vm.customToProperty().set(LocalDate.parse("2026-11-08"));
        // the week the clocks go back (25 October): 169 hours, as the server's instants say
        TimelineBucket week = new TimelineBucket(LocalDateTime.parse("2026-10-19T00:00"),
                LocalDate.parse("2026-10-19").atStartOfDay(berlin).toInstant(),
                LocalDate.parse("2026-10-26").atStartOfDay(berlin).toInstant(), 40, 30, 6, 4, 0.7);
        TimelineBucket day = new TimelineBucket(LocalDateTime.parse("2026-10-25T00:00"),
                LocalDate.parse("2026-10-25").atStartOfDay(berlin).toInstant(),
                LocalDate.parse("2026-10-26").atStartOfDay(berlin).toInstant(), 5, 5, 0, 0, 1.0);
        vm.load();
        server.<StatsSummary>last("summary").answer().complete(summary(10, 7, 2, 1));
        server.<StatsTimeline>last("timeline:day").answer().complete(new StatsTimeline(new StatsPeriod(
                LocalDate.parse("2026-10-19"), LocalDate.parse("2026-11-08"), week.from(), week.to(),
                "Europe/Berlin"), "week", List.of(week, day)));
        server.<StatsOperators>last("operators").answer().complete(new StatsOperators(null, List.of()));

        JournalQuery abandoned = vm.drillDown(week, CallDisposition.ABANDONED);
        assertThat(abandoned.parameters()).contains(Map.entry("dateFrom", "2026-10-18T22:00:00Z"),
                Map.entry("dateTo", "2026-10-25T22:59:59.999999Z"));
        assertThat(java.time.Duration.between(week.from(), week.to()).toHours()).isEqualTo(169);
        dev.zvonok.app.i18n.Texts ru = dev.zvonok.app.i18n.Texts.of(StatisticsView.class,
                Locale.forLanguageTag("ru"));
        assertThat(abandoned.period().describe(ru)).as("whole days, as a week is said")
                .isEqualTo("19.10.2026 – 25.10.2026");
        assertThat(vm.drillDown(day, CallDisposition.ANSWERED).period().describe(ru)).isEqualTo("25.10.2026");
        assertThat(vm.drillDown(day, CallDisposition.ANSWERED).parameters()).contains(
                Map.entry("dateFrom", "2026-10-24T22:00:00Z"), Map.entry("dateTo", "2026-10-25T22:59:59.999999Z"));
    }

    @Test
    void anOperatorsBarsListTheCallsTheyAnsweredInThePeriodShown() {
        vm.periodProperty().set(PeriodChoice.LAST_7_DAYS);
        vm.directionProperty().set(CallDirection.OUTBOUND);
        showTimeline("day");

        JournalQuery answered = vm.drillDownToAnswered(petrov());
        assertThat(answered.period()).isEqualTo(new JournalPeriod.Days(new DateRange(TODAY.minusDays(6), TODAY)));
        assertThat(answered.filter().answeredBy()).isEqualTo(8L);
        assertThat(answered.direction()).as("the direction shown: the operators' figures count every one else")
                .isEqualTo(CallDirection.OUTBOUND);
        assertThat(answered.status()).as("their part answered, whatever became of the call").isNull();
        assertThat(answered.parameters()).contains(Map.entry("answeredBy", "8"), Map.entry("countedIn", "operators"),
                Map.entry("stats.direction", "outbound"));
        assertThat(JournalView.describe(answered, dev.zvonok.app.i18n.Texts.of(StatisticsView.class,
                Locale.ENGLISH))).as("named, no bare id").isEqualTo("All calls · Outbound · answered by Пётр Петров · "
                + "11/27/26 – 12/3/26");
        assertThat(JournalView.describe(vm.drillDown(petrov()), dev.zvonok.app.i18n.Texts.of(StatisticsView.class,
                Locale.forLanguageTag("ru")))).isEqualTo("Все звонки · Исходящие · Пётр Петров · 27.11.2026 – 03.12.2026");
    }

    @Test
    void anExportWritesTheServersFileOfTheChoiceNow(@TempDir Path dir) throws Exception {
        vm.periodProperty().set(PeriodChoice.YESTERDAY);
        Path file = dir.resolve("operators.csv");

        var written = vm.export(Report.OPERATORS, ExportFormat.CSV, file);
        server.<byte[]>last("export:OPERATORS:CSV").answer().complete("\uFEFFname\nПётр\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(written.get()).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo("\uFEFFname\nПётр\n");
        assertThat(((StatsRequest) server.last("export:OPERATORS:CSV").query()).days())
                .isEqualTo(new DateRange(TODAY.minusDays(1), TODAY.minusDays(1)));
    }
}
