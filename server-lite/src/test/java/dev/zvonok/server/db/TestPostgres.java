package dev.zvonok.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one PostgreSQL server of a test JVM, holding a migrated template database from which each test class gets
 * its own copy in a few milliseconds.
 *
 * <p>Embedded by default (a throw-away data directory, durability off for speed); an external server when
 * {@code ZVONOK_TEST_DB_URL} is set (with {@code ZVONOK_TEST_DB_USER} and {@code ZVONOK_TEST_DB_PASSWORD}): that
 * user needs the CREATEDB privilege, and the databases it creates carry this JVM's pid so that builds sharing a
 * server do not collide.
 */
final class TestPostgres {

    static final String URL_VARIABLE = "ZVONOK_TEST_DB_URL";
    static final String USER_VARIABLE = "ZVONOK_TEST_DB_USER";
    static final String PASSWORD_VARIABLE = "ZVONOK_TEST_DB_PASSWORD";

    /** Test-only process-wide state: starting PostgreSQL once per JVM is the whole point. */
    private static volatile TestPostgres instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final String prefix;
    private final String template;
    private final AtomicInteger sequence = new AtomicInteger();
    private final EmbeddedPostgres embedded;

    private TestPostgres(String host, int port, String user, String password, String adminDatabase,
                         EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
        this.embedded = embedded;
        this.prefix = embedded != null ? "zvonok_test_" : "zvonok_test_" + ProcessHandle.current().pid() + "_";
        this.template = prefix + "template";
    }

    static TestPostgres get() {
        TestPostgres current = instance;
        if (current == null) {
            synchronized (TestPostgres.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    current.createTemplate();
                    Runtime.getRuntime().addShutdownHook(new Thread(current::shutdown, "test-postgres-shutdown"));
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestPostgres start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            Properties parsed = Driver.parseURL(url, new Properties());
            if (parsed == null) {
                throw new IllegalArgumentException(URL_VARIABLE + " is not a PostgreSQL JDBC url: " + url);
            }
            return new TestPostgres(parsed.getProperty("PGHOST", "localhost"),
                    Integer.parseInt(parsed.getProperty("PGPORT", "5432")), System.getenv(USER_VARIABLE),
                    System.getenv(PASSWORD_VARIABLE), parsed.getProperty("PGDBNAME", "postgres"), null);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // throw-away data: trade durability for speed
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            return new TestPostgres("localhost", postgres.getPort(), EmbeddedPostgresServer.SUPERUSER, null,
                    "postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    private void createTemplate() {
        withAdmin(admin -> {
            admin.execute("drop database if exists {0} with (force)", DSL.name(template));
            admin.execute("create database {0}", DSL.name(template));
        });
        PGSimpleDataSource templateSource = dataSource(template);
        Migrations.migrate(templateSource);
    }

    /** A new database, a copy of the migrated template. */
    synchronized String createDatabase(String hint) {
        String name = (prefix + sequence.incrementAndGet() + "_" + sanitize(hint));
        String database = name.length() > 63 ? name.substring(0, 63) : name;
        withAdmin(admin -> admin.execute("create database {0} template {1}", DSL.name(database), DSL.name(template)));
        return database;
    }

    void dropDatabase(String database) {
        withAdmin(admin -> admin.execute("drop database if exists {0} with (force)", DSL.name(database)));
    }

    String jdbcUrl(String database) {
        return jdbcUrl(host, port, database);
    }

    static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(jdbcUrl(database));
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private void withAdmin(java.util.function.Consumer<DSLContext> work) {
        try (var connection = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password)) {
            work.accept(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new IllegalStateException("Test database administration failed on " + jdbcUrl(adminDatabase), e);
        }
    }

    private void shutdown() {
        try {
            if (embedded != null) {
                embedded.close();
            } else {
                dropDatabase(template);
            }
        } catch (Exception e) {
            // the JVM is going away; nothing to do about it
        }
    }

    private static String sanitize(String hint) {
        String lower = hint.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return lower.isEmpty() ? "db" : lower;
    }
}
