package dev.zvonok.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process from a persistent data directory (real PostgreSQL binaries shipped as a
 * Maven artifact). The first start initializes the directory; later starts reuse it, so the data is kept.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    static final String SUPERUSER = "postgres";
    static final String DATABASE = "zvonok";

    /** Crash recovery of a large WAL can take longer than the library's default of 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.toAbsolutePath().getParent());
            if (Files.isDirectory(dataDirectory)) {
                DataDirectoryGuard.clearLeftovers(dataDirectory, ORPHAN_STOP_TIMEOUT);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "localhost")
                    // the library's own hook would stop PostgreSQL at the first moment of the JVM's shutdown, under
                    // the feet of the recorder still writing its last calls; the server closes it last instead (and
                    // a PostgreSQL left behind by a killed JVM is stopped by clearLeftovers on the next start)
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL runs on port {} with data in {}", postgres.getPort(), dataDirectory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * The JDBC url of the embedded PostgreSQL another live process runs from this data directory, read from its
     * {@code postmaster.pid} (the fourth line is the port); empty when none runs there.
     */
    static java.util.Optional<String> runningIn(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(DataDirectoryGuard.PID_FILE);
        try {
            if (!Files.isReadable(pidFile)) {
                return java.util.Optional.empty();
            }
            boolean alive = DataDirectoryGuard.readPid(pidFile).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive).isPresent();
            java.util.List<String> lines = Files.readAllLines(pidFile);
            if (!alive || lines.size() < 4) {
                return java.util.Optional.empty();
            }
            int port = Integer.parseInt(lines.get(3).strip());
            return java.util.Optional.of("jdbc:postgresql://localhost:" + port + "/" + DATABASE);
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, DATABASE);
    }

    int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() {
        DSLContext admin = DSL.using(postgres.getPostgresDatabase(), SQLDialect.POSTGRES);
        boolean exists = admin.fetchExists(DSL.selectOne()
                .from(DSL.table(DSL.name("pg_catalog", "pg_database")))
                .where(DSL.field(DSL.name("datname"), String.class).eq(DATABASE)));
        if (!exists) {
            admin.createDatabase(DATABASE).execute();
            log.info("Created database {}", DATABASE);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }
}
