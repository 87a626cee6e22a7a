package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.AUDIT_LOG;
import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.LINES;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.AuditLogRecord;
import dev.zvonok.server.directory.User;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The first start of a real install: {@code users add} and {@code import} against the configured database. */
class AdminCommandsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        db.clean();
        config = dir.resolve("zvonok.conf");
        Files.writeString(config, "zvonok.database { url = \"" + db.jdbcUrl() + "\", user = \"" + db.user()
                + "\", password = \"" + (db.password() == null ? "" : db.password()) + "\" }\n");
    }

    @Test
    void theFirstAdminOfAnEmptyDatabaseCanLogInToTheRunningServer() throws Exception {
        try (CallServer server = CallServer.open(db.settings(), PhoneNumbers.russian(),
                new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")), AuthSettings.defaults())) {
            assertThat(server.users().hasActiveAdmin()).isFalse();
            assertThat(login(server.httpPort(), "admin", "correct-horse-battery")).isEqualTo(401);

            int status = run("correct-horse-battery\n", "users", "add", "--login", "Admin", "--name", "Администратор",
                    "--role", "admin", "--extension", "555", "--config", config.toString());

            assertThat(status).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Created admin admin (Администратор) on extension 555");
            assertThat(server.users().hasActiveAdmin()).isTrue();
            assertThat(login(server.httpPort(), "admin", "correct-horse-battery")).isEqualTo(200);
            assertThat(login(server.httpPort(), "admin", "wrong-password")).isEqualTo(401);
            // the running server heard of the change from the database and rings the new user's phone
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(server.directory().operatorFor("555").map(User::login)).contains("admin"));
        }
        assertThat(db.dsl().select(USERS.PASSWORD_HASH).from(USERS).fetchSingle().value1())
                .startsWith("$2").doesNotContain("correct-horse");
    }

    @Test
    void aShortPasswordIsRefusedAndNothingIsCreated() {
        int status = run("short\n", "users", "add", "--login", "admin", "--name", "Admin", "--role", "admin",
                "--config", config.toString());

        assertThat(status).isEqualTo(ServerLite.BAD_INPUT);
        assertThat(err.toString()).contains("at least 8 characters");
        assertThat(db.dsl().fetchCount(USERS)).isZero();
    }

    @Test
    void noPasswordOnTheCommandLineAndATakenLoginIsRefused() {
        assertThat(run("", "users", "add", "--login", "a", "--name", "A", "--role", "admin", "--password", "x",
                "--config", config.toString())).isEqualTo(ServerLite.BAD_INPUT);
        assertThat(err.toString()).contains("--password");

        assertThat(run("password-1\n", "users", "add", "--login", "a", "--name", "A", "--role", "operator",
                "--config", config.toString())).isZero();
        assertThat(run("password-2\n", "users", "add", "--login", "A", "--name", "B", "--role", "admin",
                "--config", config.toString())).isEqualTo(ServerLite.BAD_INPUT);
        assertThat(err.toString()).contains("there is a user a already");
        assertThat(run("password-3\n", "users", "add", "--login", "b", "--name", "B", "--role", "operator",
                "--extension", "8 916 123-45-67", "--config", config.toString())).isEqualTo(ServerLite.BAD_INPUT);
        assertThat(err.toString()).contains("extension-pattern");
        assertThat(db.dsl().fetchCount(USERS)).isEqualTo(1);
    }

    @Test
    void importPrintsEveryRowAndADryRunWritesNothing() throws Exception {
        Path file = dir.resolve("companies.csv");
        Files.write(file, ("\ufeffНазвание;ИНН;Телефоны\r\nООО Ромашка;7701234567;8 (499) 333-22-11 | 8 495 123 45 67\r\n"
                + "ИП Сидоров;;звонить Ивану\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(run("", "import", "companies", file.toString(), "--dry-run", "--config", config.toString()))
                .isEqualTo(ServerLite.FAILED);
        assertThat(out.toString()).contains("row 2\tcreated\tООО Ромашка (7701234567)")
                .contains("row 3\terror\tИП Сидоров: Телефоны: 'звонить Ивану' is not a phone number")
                .contains("1 created, 0 updated, 0 unchanged, 1 in error: dry run, nothing written");

        Files.write(file, ("\ufeffНазвание;ИНН;Телефоны\r\nООО Ромашка;7701234567;8 (499) 333-22-11 | 8 495 123 45 67\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(run("", "import", "companies", file.toString(), "--dry-run", "--config", config.toString()))
                .isZero();
        assertThat(db.dsl().fetchCount(COMPANIES)).isZero();

        assertThat(run("", "import", "companies", file.toString(), "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("1 created, 0 updated, 0 unchanged, 0 in error: imported");
        assertThat(db.dsl().fetchCount(COMPANIES)).isEqualTo(1);
        assertThat(db.dsl().selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID).fetch()).as("only the applied import")
                .extracting(AuditLogRecord::getAction, AuditLogRecord::getEntity, AuditLogRecord::getActorUserId,
                        AuditLogRecord::getActorLogin, AuditLogRecord::getAddress)
                .containsExactly(
                        tuple("import", "import", null, "cli:" + System.getProperty("user.name"), "cli"),
                        tuple("create", "company", null, "cli:" + System.getProperty("user.name"), "cli"));
    }

    @Test
    void importLinesFromTheRealFileAnAdminKeeps() throws Exception {
        Path file = dir.resolve("lines.xlsx");
        try (var in = AdminCommandsTest.class.getResourceAsStream("/bulk/lines-excel.xlsx")) {
            Files.write(file, in.readAllBytes());
        }

        assertThat(run("", "import", "lines", file.toString(), "--config", config.toString())).as(err.toString())
                .isZero();

        assertThat(out.toString()).contains("row 2\tcreated\t74951234567", "row 3\tcreated\tsales",
                "2 created, 0 updated, 0 unchanged, 0 in error: imported");
        assertThat(db.dsl().select(LINES.KIND, LINES.NORMALIZED, LINES.NAME, LINES.SOURCE).from(LINES)
                .orderBy(LINES.KIND).fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + " " + r.value4()))
                .containsExactly("did +74951234567 Реклама Авито avito-2026", "queue sales Отдел продаж null");
    }

    @Test
    void anUnreadableImportIsBadInput() {
        assertThat(run("", "import", "people", "x.csv", "--config", config.toString()))
                .isEqualTo(ServerLite.BAD_INPUT);
        assertThat(err.toString()).contains("users, companies, dealers or lines");
        assertThat(run("", "import", "users", dir.resolve("missing.csv").toString(), "--config", config.toString()))
                .isEqualTo(ServerLite.BAD_INPUT);
    }

    @Test
    void withoutADatabaseServeAndTheToolsRefuseInsteadOfStartingAnEmbeddedOne() throws Exception {
        Path bare = dir.resolve("bare.conf");
        Files.writeString(bare, "zvonok.http.port = 0\n");

        assertThat(run("", "serve", "--config", bare.toString())).isEqualTo(ServerLite.BAD_INPUT);
        assertThat(err.toString()).contains("no database is configured").contains("ZVONOK_DB_URL");
        assertThat(run("correct-horse-battery\n", "users", "add", "--login", "admin", "--name", "Admin",
                "--role", "admin", "--config", bare.toString())).isEqualTo(ServerLite.BAD_INPUT);
    }

    private int run(String stdin, String... args) {
        CommandLine commandLine = ServerLite.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static int login(int port, String login, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                new ObjectMapper().writeValueAsString(new LoginRequest(login, password))))
                        .build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
