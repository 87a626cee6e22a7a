package dev.zvonok.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database, ready to use: the embedded PostgreSQL started (or the external one reached), a connection
 * pool over it and the schema migrated. Close it last, after everything that writes.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final EmbeddedPostgresServer embedded;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(DatabaseSettings settings, EmbeddedPostgresServer embedded, HikariDataSource dataSource) {
        this.settings = settings;
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /**
     * Starts or connects, pools and migrates.
     *
     * @throws RuntimeException when the database cannot be started or reached, or a migration fails; nothing is
     *                          left running then
     */
    public static Database start(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        EmbeddedPostgresServer embedded = null;
        HikariDataSource pool = null;
        try {
            String url;
            String user;
            String password;
            if (settings.isEmbedded()) {
                embedded = EmbeddedPostgresServer.start(settings.embeddedDataDirectory(), settings.embeddedPort());
                url = embedded.jdbcUrl();
                user = EmbeddedPostgresServer.SUPERUSER;
                password = null;
            } else {
                url = settings.url();
                user = settings.user();
                password = settings.password();
            }
            pool = pool(url, user, password, settings);
            Migrations.migrate(pool);
            log.info("Database ready: {}", settings);
            return new Database(settings, embedded, pool);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * For short-lived tools (the administration commands): like {@link #start}, except that an embedded database a
     * running server holds is joined through the port it listens on, instead of refused. Two processes cannot run
     * one data directory; they can share its server.
     */
    public static Database startOrJoin(DatabaseSettings settings) {
        try {
            return start(settings);
        } catch (IllegalStateException inUse) {
            if (!settings.isEmbedded()) {
                throw inUse;
            }
            String url = EmbeddedPostgresServer.runningIn(settings.embeddedDataDirectory()).orElseThrow(() -> inUse);
            log.info("The embedded database in {} is run by another process: joining it at {}",
                    settings.embeddedDataDirectory(), url);
            return start(DatabaseSettings.external(url, EmbeddedPostgresServer.SUPERUSER, null)
                    .withPool(2, settings.connectionTimeout()));
        }
    }

    private static HikariDataSource pool(String url, String user, String password, DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("zvonok-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "zvonok-server");
        // a database behind a dead network link is noticed by the kernel instead of hanging a writer forever
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }

    /** jOOQ over the pool, PostgreSQL dialect. Safe to share between threads. */
    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC url the pool connects to (for the embedded database, its actual port). */
    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    /** True when a connection can be had and answers within the timeout: the health check. */
    public boolean isReachable(java.time.Duration timeout) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
