package dev.zvonok.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static dev.zvonok.server.db.schema.Tables.AUDIT_LOG;
import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_MERGES;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.CALL_TRANSFERS;
import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static dev.zvonok.server.db.schema.Tables.LINES;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;

/**
 * A fresh, migrated PostgreSQL database for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestDatabase db = new TestDatabase();
 *
 * @Test void something() { db.dsl().selectFrom(USERS).fetch(); }
 * }</pre>
 *
 * <p>One PostgreSQL server per test JVM (embedded, or the one named by {@code ZVONOK_TEST_DB_URL}); each test class
 * gets its own database copied from a migrated template, dropped after the class. Registered on an instance field
 * instead, every test method gets its own database. {@link #clean()} empties the tables between tests when a class
 * wants that.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Every table, children first, for {@link #clean()}. */
    private static final List<Table<?>> TABLES = List.of(CALL_MERGES, CALL_TRANSFERS, CALL_OFFERS, CALLS,
            AUDIT_LOG, USER_TEAMS, TEAMS, LINES, USER_PHONES, DEALER_PHONE_NUMBERS, PHONE_NUMBERS_COMPANIES, DEALERS,
            COMPANIES, USERS);

    private final List<HikariDataSource> extraPools = new ArrayList<>();
    private TestPostgres server;
    private String database;
    private HikariDataSource dataSource;
    private DSLContext dsl;
    private boolean perClass;

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        open(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            open(context.getRequiredTestClass().getSimpleName() + "_" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    private void open(String hint) {
        server = TestPostgres.get();
        database = server.createDatabase(hint);
        dataSource = pool(jdbcUrl(), 8, Duration.ofSeconds(10));
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private void close() {
        extraPools.forEach(HikariDataSource::close);
        extraPools.clear();
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        if (database != null) {
            server.dropDatabase(database);
            database = null;
        }
    }

    /** jOOQ over a small pool on this class's database. */
    public DSLContext dsl() {
        requireOpen();
        return dsl;
    }

    public DataSource dataSource() {
        requireOpen();
        return dataSource;
    }

    /** Settings for {@link Database#start} on this class's database (an "external" database to it). */
    public DatabaseSettings settings() {
        requireOpen();
        return DatabaseSettings.external(jdbcUrl(), server.user(), server.password());
    }

    public String jdbcUrl() {
        requireOpen();
        return server.jdbcUrl(database);
    }

    /** The same database reached through another host and port, e.g. a {@link TcpProxy}. */
    public String jdbcUrlVia(String host, int port) {
        requireOpen();
        return TestPostgres.jdbcUrl(host, port, database);
    }

    public String host() {
        requireOpen();
        return server.host();
    }

    public int port() {
        requireOpen();
        return server.port();
    }

    public String databaseName() {
        requireOpen();
        return database;
    }

    public String user() {
        requireOpen();
        return server.user();
    }

    public String password() {
        requireOpen();
        return server.password();
    }

    /**
     * Another pool on this database, closed with the database: for tests that need their own timeouts, or a pool
     * whose connections go through a proxy ({@link #jdbcUrlVia}).
     */
    public HikariDataSource newPool(String jdbcUrl, int maxSize, Duration connectionTimeout) {
        requireOpen();
        HikariDataSource pool = pool(jdbcUrl, maxSize, connectionTimeout);
        extraPools.add(pool);
        return pool;
    }

    /** Empties every table and restarts the ids, for tests that want a blank database each. */
    public void clean() {
        requireOpen();
        for (Table<?> table : TABLES) {
            dsl.truncate(table).restartIdentity().cascade().execute();
        }
    }

    private HikariDataSource pool(String jdbcUrl, int maxSize, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("test-" + database);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        // a pool through a proxy may start while the proxy is cut
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private void requireOpen() {
        if (database == null) {
            throw new IllegalStateException("TestDatabase is not open: register it with @RegisterExtension "
                    + "(static for one database per class) and use it inside tests");
        }
    }
}
