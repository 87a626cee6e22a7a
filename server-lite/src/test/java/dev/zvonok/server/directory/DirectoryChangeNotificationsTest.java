package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.db.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writes by another process (here: plain SQL beside the repositories) reach the cache through LISTEN/NOTIFY. */
class DirectoryChangeNotificationsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private DirectoryFixture fixture;

    @BeforeEach
    void seed() {
        db.clean();
        fixture = new DirectoryFixture(db);
        fixture.seeder.seed();
    }

    @Test
    void aWriteByAnotherProcessEmptiesTheCache() {
        Directory directory = fixture.directory;
        try (var notifications = new DirectoryChangeNotifications(db.dataSource(), directory).start()) {
            await().atMost(Duration.ofSeconds(10)).until(notifications::isListening);
            assertThat(directory.identify("89271390907").name()).isEqualTo("Автодом Волга");
            assertThat(directory.identify("+7 900 000-00-01").kind()).isEqualTo(CallerKind.UNKNOWN);

            otherProcess(db.dsl()).update(DEALERS).set(DEALERS.NAME, "Автодом Волга-2")
                    .where(DEALERS.NAME.eq("Автодом Волга")).execute();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> directory.identify("89271390907").name().equals("Автодом Волга-2"));

            long dealer = fixture.dealers.findByName("Кама Моторс").getFirst().id();
            otherProcess(db.dsl()).insertInto(DEALER_PHONE_NUMBERS)
                    .set(DEALER_PHONE_NUMBERS.DEALER_ID, dealer)
                    .set(DEALER_PHONE_NUMBERS.NUMBER, "+7 900 000-00-01")
                    .set(DEALER_PHONE_NUMBERS.NORMALIZED, "+79000000001")
                    .execute();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> directory.identify("+7 900 000-00-01").kind() == CallerKind.DEALER);
        }
    }

    @Test
    void changesMadeWhileTheListenerWasCutOffAreNotMissed() throws Exception {
        Directory directory = fixture.directory;
        try (TcpProxy proxy = new TcpProxy(db.host(), db.port())) {
            HikariDataSource throughProxy = db.newPool(db.jdbcUrlVia(proxy.host(), proxy.port()), 2,
                    Duration.ofSeconds(1));
            AtomicInteger connectionsAsked = new AtomicInteger();
            try (var notifications = new DirectoryChangeNotifications(counting(throughProxy, connectionsAsked), directory,
                    Duration.ofMillis(200), Duration.ofSeconds(1)).start()) {
                await().atMost(Duration.ofSeconds(10)).until(notifications::isListening);
                assertThat(directory.identify("89271390907").name()).isEqualTo("Автодом Волга");

                proxy.cut();
                await().atMost(Duration.ofSeconds(10)).until(() -> !notifications.isListening());
                otherProcess(db.dsl()).update(DEALERS).set(DEALERS.NAME, "Автодом Волга (новый)")
                        .where(DEALERS.NAME.eq("Автодом Волга")).execute();
                // the barrier: an attempt to listen again begun after the change (the one before may be under way)
                int asked = connectionsAsked.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> connectionsAsked.get() >= asked + 2);
                assertThat(directory.identify("89271390907").name()).as("nobody told the cache").isEqualTo("Автодом Волга");

                proxy.restore();
                await().atMost(Duration.ofSeconds(10)).until(notifications::isListening);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> directory.identify("89271390907").name().equals("Автодом Волга (новый)"));
            }
        }
    }

    /** {@code pool}, counting how often a connection is asked of it. */
    private static DataSource counting(DataSource pool, AtomicInteger asked) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        asked.incrementAndGet();
                    }
                    try {
                        return method.invoke(pool, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The same database through its own jOOQ context: nothing tells {@link Directory} about these writes. */
    private static DSLContext otherProcess(DSLContext dsl) {
        return DSL.using(dsl.configuration().connectionProvider(), SQLDialect.POSTGRES);
    }
}
