package dev.zvonok.server.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @RegisterExtension
    static final TestDatabase testDatabase = new TestDatabase();

    @TempDir
    Path temp;

    @Test
    void embeddedDatabaseKeepsItsDataBetweenStarts() {
        Path data = temp.resolve("pg");
        try (Database first = Database.start(DatabaseSettings.embedded(data))) {
            first.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "ООО Ромашка").execute();
        }
        try (Database second = Database.start(DatabaseSettings.embedded(data))) {
            assertThat(second.dsl().select(COMPANIES.NAME).from(COMPANIES).fetch(COMPANIES.NAME))
                    .containsExactly("ООО Ромашка");
            assertThat(second.jdbcUrl()).contains("/zvonok");
        }
    }

    @Test
    void startsOnAFixedPort() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (Database database = Database.start(DatabaseSettings.embedded(temp.resolve("pg"), port))) {
            assertThat(database.jdbcUrl()).contains(":" + port + "/");
            assertThat(database.dsl().fetchCount(COMPANIES)).isZero();
        }
    }

    @Test
    void staleLockOfAVanishedProcessDoesNotPreventStart() throws Exception {
        Path data = temp.resolve("pg");
        Database.start(DatabaseSettings.embedded(data)).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        writePidFile(data, gone.pid());

        try (Database database = Database.start(DatabaseSettings.embedded(data))) {
            assertThat(database.dsl().fetchCount(COMPANIES)).isZero();
        }
    }

    @Test
    void staleLockNamingAReusedPidDoesNotPreventStart() throws Exception {
        Path data = temp.resolve("pg");
        Database.start(DatabaseSettings.embedded(data)).close();
        // a live process that is not PostgreSQL now holds the pid the lock file names
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            writePidFile(data, other.pid());
            try (Database database = Database.start(DatabaseSettings.embedded(data))) {
                assertThat(database.dsl().fetchCount(COMPANIES)).isZero();
            }
            assertThat(other.isAlive()).as("an unrelated process is left alone").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void orphanedPostgresOfACrashedOwnerIsStoppedAndItsDataKept() throws Exception {
        Path data = temp.resolve("pg");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process owner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingDatabaseOwner.class.getName(), data.toString(), "Автодом Волга")
                .redirectErrorStream(true)
                .start();
        long orphan;
        try {
            awaitReady(owner);
            orphan = DataDirectoryGuard.readPid(data.resolve(DataDirectoryGuard.PID_FILE)).orElseThrow();
        } finally {
            owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("postgres outlives its JVM").contains(true);

        try (Database database = Database.start(DatabaseSettings.embedded(data))) {
            assertThat(database.dsl().select(COMPANIES.NAME).from(COMPANIES).fetch(COMPANIES.NAME))
                    .containsExactly("Автодом Волга");
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aDataDirectoryInUseIsNotTakenOver() {
        Path data = temp.resolve("pg");
        try (Database first = Database.start(DatabaseSettings.embedded(data))) {
            assertThatThrownBy(() -> Database.start(DatabaseSettings.embedded(data)))
                    .hasMessageContaining("in use");
            assertThat(first.dsl().fetchCount(COMPANIES)).isZero();
        }
    }

    @Test
    void anAdministrationToolJoinsTheEmbeddedDatabaseARunningServerHolds() {
        Path data = temp.resolve("pg");
        try (Database server = Database.start(DatabaseSettings.embedded(data));
             Database tool = Database.startOrJoin(DatabaseSettings.embedded(data))) {
            tool.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "ООО Ромашка").execute();

            assertThat(server.dsl().select(COMPANIES.NAME).from(COMPANIES).fetch(COMPANIES.NAME))
                    .containsExactly("ООО Ромашка");
        }
        try (Database alone = Database.startOrJoin(DatabaseSettings.embedded(data))) {
            assertThat(alone.dsl().fetchCount(COMPANIES)).as("started as usual when nobody runs it").isEqualTo(1);
        }
    }

    @Test
    void connectsToAnExternalDatabaseAndMigratesIt() {
        // the test database plays the external server: already migrated, so Flyway has nothing to do
        try (Database database = Database.start(testDatabase.settings())) {
            assertThat(database.settings().isEmbedded()).isFalse();
            database.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "ООО «Волга-Авто»").execute();
            assertThat(testDatabase.dsl().fetchCount(COMPANIES)).isEqualTo(1);
        }
    }

    @Test
    void settingsAsConfiguredWithEmptyValues() {
        DatabaseSettings embedded = DatabaseSettings.of("", "", "", Path.of("data/postgres"), 0);
        assertThat(embedded.isEmbedded()).isTrue();
        assertThat(embedded.user()).isNull();
        DatabaseSettings external = DatabaseSettings.of("jdbc:postgresql://db:5432/zvonok", "zvonok", "",
                Path.of("data/postgres"), 0);
        assertThat(external.isEmbedded()).isFalse();
        assertThat(external.password()).isNull();
        assertThatThrownBy(() -> DatabaseSettings.of(" ", null, null, null, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void settingsHideThePassword() {
        assertThat(DatabaseSettings.external("jdbc:postgresql://db/zvonok", "zvonok", "secret").toString())
                .doesNotContain("secret");
        assertThatThrownBy(() -> DatabaseSettings.external("jdbc:mysql://db/zvonok", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void writePidFile(Path data, long pid) throws IOException {
        // the first line of postmaster.pid is the pid; the rest matters only to PostgreSQL itself
        Files.write(data.resolve(DataDirectoryGuard.PID_FILE),
                List.of(Long.toString(pid), data.toString(), "1700000000", "5432", "/tmp", "localhost"),
                StandardCharsets.UTF_8);
    }

    private static void awaitReady(Process owner) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child JVM died before it was ready:\n" + seen);
    }
}
