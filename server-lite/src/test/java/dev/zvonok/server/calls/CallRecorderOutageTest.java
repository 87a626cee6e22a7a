package dev.zvonok.server.calls;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.CALL_TRANSFERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.tracking.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database goes away in the middle of calls: nothing is lost, nothing doubled, the tracker never waits. */
class CallRecorderOutageTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final RecorderSettings QUICK = new RecorderSettings(200, Duration.ofMillis(20),
            Duration.ofMillis(200), 3, Duration.ofSeconds(2));

    private TcpProxy proxy;
    private RecorderFixture fixture;
    private DSLContext throughProxy;

    @BeforeEach
    void setUp() throws Exception {
        db.clean();
        proxy = new TcpProxy(db.host(), db.port());
        HikariDataSource pool = db.newPool(db.jdbcUrlVia(proxy.host(), proxy.port()), 4, Duration.ofMillis(500));
        throughProxy = DSL.using(pool, SQLDialect.POSTGRES);
        // the server sees the database only through the proxy, its directory included
        fixture = new RecorderFixture(throughProxy);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    @Test
    void eventsWaitForTheDatabaseAndAreWrittenOnceItIsBack() throws Exception {
        List<CallEvent> first = CallScenarios.directAnswered("o1", T0, DEALER);
        List<CallEvent> second = CallScenarios.blindTransfer("o2", T0.plusSeconds(5));
        List<CallEvent> third = CallScenarios.attendedTransfer("o3", "o3c", T0.plusSeconds(10));
        try (CallRecorder recorder = new CallRecorder(throughProxy, fixture.directory, QUICK).start()) {
            first.subList(0, 3).forEach(recorder::onCallEvent);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(10))).isTrue();

            proxy.cut();
            long before = System.nanoTime();
            first.subList(3, first.size()).forEach(recorder::onCallEvent);
            second.forEach(recorder::onCallEvent);
            third.forEach(recorder::onCallEvent);
            long handOffMicros = (System.nanoTime() - before) / 1000;
            assertThat(handOffMicros).as("the tracking thread never waits for the database").isLessThan(200_000);

            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().retries() >= 3);
            assertThat(recorder.awaitIdle(Duration.ofMillis(300))).isFalse();
            int queuedDuringOutage = first.size() - 3 + second.size() + third.size();
            assertThat(recorder.stats().pending()).isEqualTo(queuedDuringOutage);
            assertThat(db.dsl().fetchValue(CALLS.DISPOSITION, CALLS.LINKEDID.eq("o1"))).isNull();

            proxy.restore();
            assertThat(recorder.awaitIdle(Duration.ofSeconds(30))).isTrue();
            RecorderStats stats = recorder.stats();
            assertThat(stats.failures()).isZero();
            assertThat(stats.written()).isEqualTo(stats.queued());
        }

        assertThat(db.dsl().select(CALLS.LINKEDID).from(CALLS).orderBy(CALLS.LINKEDID).fetch(CALLS.LINKEDID))
                .containsExactly("o1", "o2", "o3");
        assertThat(fixture.call("o1").getDisposition()).isEqualTo("answered");
        assertThat(fixture.call("o1").getTalkMs()).isEqualTo(60_000);
        assertThat(fixture.offers("o2")).hasSize(2);
        assertThat(fixture.offers("o3")).hasSize(2);
        assertThat(db.dsl().fetchCount(CALL_OFFERS)).isEqualTo(5);
        assertThat(db.dsl().fetchCount(CALL_TRANSFERS)).isEqualTo(2);
    }

    @Test
    void repeatedOutagesInTheMiddleOfBatchesLoseAndDoubleNothing() throws Exception {
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant t = T0.plusSeconds(60L * i);
            events.addAll(switch (i % 4) {
                case 0 -> CallScenarios.directAnswered("m" + i, t, DEALER);
                case 1 -> CallScenarios.queueAnsweredElsewhere("m" + i, t);
                case 2 -> CallScenarios.blindTransfer("m" + i, t);
                default -> CallScenarios.attendedTransfer("m" + i, "m" + i + "c", t);
            });
        }
        try (CallRecorder recorder = new CallRecorder(throughProxy, fixture.directory, QUICK).start()) {
            Thread chaos = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 6; i++) {
                        Thread.sleep(100);
                        proxy.cut();
                        Thread.sleep(150);
                        proxy.restore();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (CallEvent event : events) {
                recorder.onCallEvent(event);
                Thread.sleep(5);
            }
            chaos.join();
            proxy.restore();
            assertThat(recorder.awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(recorder.stats().failures()).isZero();
            assertThat(recorder.stats().written()).isEqualTo(events.size());
            assertThat(recorder.stats().retries()).as("the outages did hit writes").isGreaterThan(3);
        }
        assertThat(db.dsl().fetchCount(CALLS)).isEqualTo(40);
        assertThat(db.dsl().fetchCount(CALL_OFFERS)).isEqualTo(10 + 20 + 20 + 20);
        assertThat(db.dsl().fetchCount(CALL_TRANSFERS)).isEqualTo(20);
        assertThat(db.dsl().fetchCount(CALLS, CALLS.DISPOSITION.eq("answered"))).isEqualTo(40);
    }

    @Test
    void closeGivesUpOnEventsTheDatabaseNeverTookAndSaysSo() throws Exception {
        CallRecorder recorder = new CallRecorder(throughProxy, fixture.directory, QUICK).start();
        proxy.cut();
        CallScenarios.missed("lost", T0).forEach(recorder::onCallEvent);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().retries() >= 1);

        recorder.close();

        assertThat(recorder.stats().failures()).isEqualTo(4);
        assertThat(recorder.stats().pending()).isZero();
        recorder.onCallEvent(CallScenarios.missed("late", T0).getFirst());
        assertThat(recorder.stats().queued()).isEqualTo(4);
    }
}
