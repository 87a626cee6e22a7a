package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.AuditLogRecord;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.directory.Line;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;

/** {@code /api/admin/import} and {@code /api/admin/export} on the real server: admins only. */
class BulkRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CallServer server;

    @BeforeAll
    static void start() {
        PhoneNumbers numbers = PhoneNumbers.russian();
        server = CallServer.open(db.settings(), numbers, new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")),
                AuthSettings.defaults());
        new DemoDirectorySeeder(server.users(), server.companies(), server.dealers(), numbers).seed();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminImportsACompanyWhoseNumberIdentifiesTheNextCall() throws Exception {
        String admin = token("admin");
        byte[] csv = "\ufeffНазвание;ИНН;Телефоны\r\nООО Импорт;7709999999;8 (499) 333-22-11\r\n"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> dryRun = post("/api/admin/import/companies?dryRun=true", csv, admin);
        assertThat(dryRun.statusCode()).isEqualTo(200);
        ImportReport planned = JSON.readValue(dryRun.body(), ImportReport.class);
        assertThat(planned.created()).isEqualTo(1);
        assertThat(planned.applied()).isFalse();
        assertThat(server.companies().findByName("ООО Импорт")).isEmpty();

        HttpResponse<String> applied = post("/api/admin/import/companies?dryRun=false", csv, admin);
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(applied.body(), ImportReport.class).applied()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var caller = server.directory().identify("+74993332211");
            assertThat(caller.kind()).isEqualTo(CallerKind.COMPANY);
            assertThat(caller.companyName()).isEqualTo("ООО Импорт");
        });
    }

    @Test
    void anAppliedImportIsAuditedAsTheAdminWhoSentItFromTheirAddress() throws Exception {
        String admin = token("admin");
        long adminId = server.users().findByLogin("admin").orElseThrow().id();
        byte[] csv = "Название;ИНН;Город\r\nООО Аудит;7705555555;Тверь\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(post("/api/admin/import/companies?dryRun=true", csv, admin).statusCode()).isEqualTo(200);
        assertThat(auditOf("ООО Аудит")).as("a dry run writes nothing").isEmpty();

        assertThat(post("/api/admin/import/companies?dryRun=false", csv, admin).statusCode()).isEqualTo(200);

        List<AuditLogRecord> rows = auditOf("ООО Аудит");
        assertThat(rows).extracting(AuditLogRecord::getAction, AuditLogRecord::getEntity)
                .containsExactly(tuple("import", "import"), tuple("create", "company"));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getActorUserId()).isEqualTo(adminId);
            assertThat(row.getActorLogin()).isEqualTo("admin");
            assertThat(row.getAddress()).isEqualTo("127.0.0.1");
        });
        assertThat(rows.get(1).getEntityId())
                .isEqualTo(server.companies().findByName("ООО Аудит").get(0).id());
        assertThat(JSON.readTree(rows.get(0).getAfterState()).get("kind").asText()).isEqualTo("companies");
        HttpResponse<byte[]> imports = get("/api/admin/audit?entity=import&user=admin", admin);
        assertThat(imports.statusCode()).as(new String(imports.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(JSON.readTree(imports.body()).get("data")).extracting(row -> row.get("id").asLong())
                .contains(rows.get(0).getId());
    }

    /** The import's own row and the rows of the things it wrote: those committed with the import's last row. */
    private static List<AuditLogRecord> auditOf(String companyName) {
        var company = db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY.eq("company"))
                .and(AUDIT_LOG.AFTER_STATE.contains(companyName)).fetchOne();
        if (company == null) {
            return List.of();
        }
        return db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.AT.eq(company.getAt()))
                .and(AUDIT_LOG.ACTION.ne("login")).orderBy(AUDIT_LOG.ID).fetch();
    }

    @Test
    void anAdminImportsTheLinesTheCardsNameAndExportsThem() throws Exception {
        String admin = token("admin");
        byte[] csv = ("\ufeffНомер;Тип;Название;РК\r\n8 (495) 765-43-21;;Реклама Авито;avito-2026\r\n"
                + "vip;очередь;VIP-клиенты;\r\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> dryRun = post("/api/admin/import/lines?dryRun=true", csv, admin);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(JSON.readValue(dryRun.body(), ImportReport.class).created()).isEqualTo(2);
        assertThat(server.directory().line("+74957654321", null)).isEmpty();

        HttpResponse<String> applied = post("/api/admin/import/lines?dryRun=false", csv, admin);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(server.directory().line("+74957654321", null)).map(Line::name).contains("Реклама Авито");
            assertThat(server.directory().line(null, "vip")).map(Line::name).contains("VIP-клиенты");
        });

        HttpResponse<byte[]> exported = get("/api/admin/export/lines?format=csv", admin);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"lines.csv\"");
        assertThat(new String(exported.body(), StandardCharsets.UTF_8))
                .startsWith("\ufeffnumber;kind;name;source;city;comment")
                .contains("+7 495 765-43-21;did;Реклама Авито;avito-2026;;", "vip;queue;VIP-клиенты;;;");
        assertThat(post("/api/admin/import/lines?dryRun=false", csv, token("ivanov")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void rowsInErrorAre422WithTheReportAndABadFileIs400() throws Exception {
        String admin = token("admin");
        HttpResponse<String> failed = post("/api/admin/import/users?dryRun=false",
                "login,name,role,password\nnew-one,Новый,king,password-1\n".getBytes(StandardCharsets.UTF_8), admin);
        assertThat(failed.statusCode()).isEqualTo(422);
        ImportReport report = JSON.readValue(failed.body(), ImportReport.class);
        assertThat(report.rows().get(0).problems().get(0).column()).isEqualTo("role");
        assertThat(failed.body()).contains("\"outcome\":\"error\"");

        assertThat(post("/api/admin/import/users", "name;role\nA;operator\n".getBytes(StandardCharsets.UTF_8), admin)
                .statusCode()).isEqualTo(400);
        assertThat(post("/api/admin/import/people", "x".getBytes(StandardCharsets.UTF_8), admin).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFileLargerThanTheJsonRequestLimitIsRead() throws Exception {
        StringBuilder csv = new StringBuilder("name;comment;phones\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Компания ").append(i).append(";").append("комментарий ".repeat(10)).append(";")
                    .append(String.format("+7 495 %07d", i)).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(2 * 1024 * 1024);

        HttpResponse<String> dryRun = post("/api/admin/import/companies?dryRun=true", file, token("admin"));

        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(dryRun.body(), ImportReport.class).created()).isEqualTo(10_000);
    }

    @Test
    void exportsInBothFormats() throws Exception {
        String admin = token("admin");
        HttpResponse<byte[]> csv = get("/api/admin/export/users?format=csv", admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"users.csv\"");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\ufefflogin;name;role;city;teams;phones;password")
                .contains("ivanov;");

        HttpResponse<byte[]> xlsx = get("/api/admin/export/dealers?format=xlsx", admin);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(get("/api/admin/export/users?format=pdf", admin).statusCode()).isEqualTo(400);
    }

    @Test
    void operatorsAndSupervisorsAreRefusedAndStrangersAskedToLogIn() throws Exception {
        byte[] csv = "login;name;role;password\nsneaky;S;admin;password-1\n".getBytes(StandardCharsets.UTF_8);
        for (String login : new String[] {"ivanov", "supervisor"}) {
            String token = token(login);
            assertThat(post("/api/admin/import/users?dryRun=false", csv, token).statusCode()).isEqualTo(403);
            assertThat(get("/api/admin/export/users", token).statusCode()).isEqualTo(403);
        }
        assertThat(post("/api/admin/import/users?dryRun=false", csv, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/export/users", null).statusCode()).isEqualTo(401);
        assertThat(server.users().findByLogin("sneaky")).isEmpty();
    }

    private static HttpResponse<String> post(String path, byte[] body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String token(String login) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new LoginRequest(login, "demo"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), TokenResponse.class).accessToken();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }
}
