package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.app.stats.DateRange;
import dev.zvonok.app.stats.JournalQuery;
import dev.zvonok.app.stats.Kpi;
import dev.zvonok.app.stats.StatisticsRecomputing;
import dev.zvonok.app.stats.StatisticsViewModel;
import dev.zvonok.app.stats.StatsRequest;
import dev.zvonok.app.stats.StatsSource.ExportFormat;
import dev.zvonok.app.stats.StatsSource.Report;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.stats.OperatorFigures;
import dev.zvonok.model.stats.StatsOperators;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.server.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Statistics window's source, the app's own {@link ServerStatistics}, against the real server. */
class ServerStatisticsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dataDirectory;

    private RunningServer server;
    private Sessions sessions;
    private ServerStatistics stats;
    /** Yesterday to tomorrow: today in whatever zone the server counts its days. */
    private final StatsRequest days = StatsRequest.of(new DateRange(LocalDate.now(ZoneOffset.UTC).minusDays(1),
            LocalDate.now(ZoneOffset.UTC).plusDays(1)));

    @BeforeEach
    void start() {
        server = RunningServer.start(db);
        server.play(RunningServer.IVANOV_ANSWERS, 1);
        server.awaitRecordedEndedCalls(1);
        sessions = RunningServer.newSessions(dataDirectory);
        stats = new ServerStatistics(sessions, ServerApi.newHttpClient(), WireJson.mapper(),
                ForkJoinPool.commonPool());
    }

    @AfterEach
    void stop() {
        sessions.close();
        server.close();
    }

    @Test
    void aSupervisorGetsTheFiguresTheirCallsAndTheSameNumbersAsFiles() throws Exception {
        sessions.login(server.address(), "supervisor", RunningServer.PASSWORD);

        StatsSummary summary = stats.summary(days).get(20, TimeUnit.SECONDS);
        assertThat(summary.inbound().total()).isEqualTo(1);
        assertThat(summary.inbound().answered()).isEqualTo(1);
        StatsOperators operators = stats.operators(days).get(20, TimeUnit.SECONDS);
        assertThat(operators.operators()).extracting(OperatorFigures::name).containsExactly("Иван Иванов");

        CallPage answered = stats.journal(Kpi.ANSWERED.drillDown(days)).get(20, TimeUnit.SECONDS);
        assertThat(answered.data()).singleElement().satisfies(call ->
                assertThat(call.answeredByName()).isEqualTo("Иван Иванов"));
        assertThat(answered.next()).isNull();
        assertThat(stats.journal(Kpi.MISSED.drillDown(days)).get(20, TimeUnit.SECONDS).data()).isEmpty();

        String csv = new String(stats.export(Report.OPERATORS, days, ExportFormat.CSV).get(20, TimeUnit.SECONDS),
                StandardCharsets.UTF_8);
        assertThat(csv).as("a BOM, so that Excel reads Cyrillic").startsWith("\uFEFF").contains("Иван Иванов");
        byte[] xlsx = stats.export(Report.SUMMARY, days, ExportFormat.XLSX).get(20, TimeUnit.SECONDS);
        assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).as("a zip: an Office file").isEqualTo("PK");
    }

    @Test
    void whileTheServerRecomputesItsStatisticsTheScreensSaySoAndTheFiguresComeBackAfter() throws Exception {
        try (Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                // the recompute empties this table after it forgot the stale marks: it waits here, mid-way
                lock.execute("lock table stats_day_operator_queues in access share mode");
            }
            server.restartWith("zvonok.stats.service-level = 30s");
            sessions.login(server.address(), "supervisor", RunningServer.PASSWORD);

            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> stats.summary(days).get(20, TimeUnit.SECONDS));
            assertThat(StatisticsRecomputing.in(refused)).hasValueSatisfying(recomputing ->
                    assertThat(recomputing.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
            List<Duration> retries = new CopyOnWriteArrayList<>();
            StatisticsViewModel vm = new StatisticsViewModel(stats, Runnable::run, Clock.systemUTC(),
                    (wait, retry) -> retries.add(wait));
            vm.load();
            await().atMost(Duration.ofSeconds(20)).until(() -> !retries.isEmpty());
            assertThat(vm.recomputingProperty().get()).isTrue();
            assertThat(vm.problemProperty().get()).as("no error").isNull();
            // what the Statistics window, the call-back list and My day show meanwhile (RecomputingNotice)
            assertThat(Texts.of(StatisticsViewModel.class, Locale.ENGLISH).get("stats.recomputing"))
                    .isEqualTo("Statistics are being recomputed after a settings change; try again in a few minutes");
            assertThat(Texts.of(StatisticsViewModel.class, Locale.forLanguageTag("ru")).get("stats.recomputing"))
                    .startsWith("Статистика пересчитывается после изменения настроек");
            holder.rollback(); // the recompute goes on
        }

        StatsSummary summary = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> stats.summary(days).get(20, TimeUnit.SECONDS), answer -> answer != null);
        assertThat(summary.inbound().total()).isEqualTo(1);
        assertThat(summary.inbound().serviceLevelThresholdSeconds()).isEqualTo(30);
    }

    @Test
    void anOperatorIsRefusedTheTeamsFiguresButGetsTheirOwn() throws Exception {
        sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);

        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> stats.summary(days).get(20, TimeUnit.SECONDS));
        assertThat(refused.getCause()).isInstanceOfSatisfying(ServerException.Refused.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertThat(stats.my(days.days().from(), days.days().to()).get(20, TimeUnit.SECONDS).accepted())
                .isEqualTo(1);
    }

    @Test
    void aJournalParameterTheServerDoesNotKnowIsRefusedNamingIt() throws Exception {
        sessions.login(server.address(), "supervisor", RunningServer.PASSWORD);
        JournalQuery answered = Kpi.ANSWERED.drillDown(days);

        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> stats.journal(answered.after("not a cursor")).get(20, TimeUnit.SECONDS));
        assertThat(refused.getCause()).isInstanceOfSatisfying(ServerException.Refused.class,
                e -> assertThat(e.getMessage()).contains("after:"));
    }
}
