package dev.zvonok.server.admin;

import static dev.zvonok.server.admin.AdminServer.error;
import static dev.zvonok.server.admin.AdminServer.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.AuditEntry;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.admin.PasswordRequest;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.server.db.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may use the administration (admins only, refused by the server), and what the audit log keeps of it. */
class AdminAccessAndAuditTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final TypeReference<AdminPage<AuditEntry>> AUDIT_PAGE = new TypeReference<>() {
    };

    /** Every route of the administration, as method and path. */
    private static final List<String> ROUTES = List.of(
            "POST /api/admin/users", "GET /api/admin/users", "GET /api/admin/users/1", "PUT /api/admin/users/1",
            "POST /api/admin/users/1/password", "DELETE /api/admin/users/1",
            "POST /api/admin/dealers", "GET /api/admin/dealers", "GET /api/admin/dealers/1", "PUT /api/admin/dealers/1",
            "DELETE /api/admin/dealers/1",
            "POST /api/admin/companies", "GET /api/admin/companies", "GET /api/admin/companies/1",
            "PUT /api/admin/companies/1", "DELETE /api/admin/companies/1",
            "POST /api/admin/lines", "GET /api/admin/lines", "GET /api/admin/lines/1", "PUT /api/admin/lines/1",
            "DELETE /api/admin/lines/1",
            "POST /api/admin/teams", "GET /api/admin/teams", "GET /api/admin/teams/1", "PUT /api/admin/teams/1",
            "DELETE /api/admin/teams/1",
            "GET /api/admin/audit");

    private static AdminServer server;
    private static String admin;

    @BeforeAll
    static void start() {
        server = new AdminServer(db.dsl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshAdminToken() {
        admin = server.token("admin");
    }

    private static HttpResponse<String> call(String route, String token) {
        String[] parts = route.split(" ");
        Object body = Map.of("name", "x", "login", "x", "role", "operator", "password", "secret-123",
                "number", "+74951112233");
        return switch (parts[0]) {
            case "GET" -> server.get(parts[1], token);
            case "POST" -> server.post(parts[1], token, body);
            case "PUT" -> server.put(parts[1], token, body);
            case "DELETE" -> server.delete(parts[1], token);
            default -> throw new IllegalArgumentException(route);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivanov", "supervisor"})
    void operatorsAndSupervisorsAreRefusedEveryRouteAndChangeNothing(String login) {
        String token = server.token(login);
        int usersBefore = server.users.list().size();
        for (String route : ROUTES) {
            HttpResponse<String> response = call(route, token);
            assertThat(response.statusCode()).as(route + " for " + login).isEqualTo(403);
            assertThat(error(response).code()).isEqualTo("forbidden");
        }
        assertThat(server.users.list()).hasSize(usersBefore);
        assertThat(server.users.findByLogin("ivanov").orElseThrow().active()).isTrue();
    }

    @Test
    void withoutATokenEveryRouteIsUnauthorised() {
        for (String route : ROUTES) {
            assertThat(call(route, null).statusCode()).as(route).isEqualTo(401);
        }
    }

    @Test
    void everyChangeIsLoggedWithWhoWhenWhatBeforeAfterAndFromWhere() throws Exception {
        AdminUser user = read(server.post("/api/admin/users", admin, new UserRequest("audited", "До", "operator",
                "secret-123", null, List.of(), List.of(AdminPhone.ofUser("561", "extension")), null)),
                AdminUser.class);
        server.put("/api/admin/users/" + user.id(), admin, new UserRequest("audited", "После", "operator", null, null,
                null, null, null));
        server.post("/api/admin/users/" + user.id() + "/password", admin, new PasswordRequest("another-secret"));
        server.delete("/api/admin/users/" + user.id(), admin);
        server.post("/api/admin/companies", admin, new CompanyRequest("ООО Аудит", null, null, null, List.of()));

        List<AuditEntry> rows = read(server.get("/api/admin/audit?entity=user&entityId=" + user.id(), admin),
                AUDIT_PAGE).data();

        assertThat(rows).extracting(AuditEntry::action).containsExactly("deactivate", "password", "update", "create");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.actorLogin()).isEqualTo("admin");
            assertThat(row.actorId()).isEqualTo(server.users.findByLogin("admin").orElseThrow().id());
            assertThat(row.address()).isEqualTo("127.0.0.1");
            assertThat(row.at()).isNotNull();
            assertThat(row.before() + row.after()).doesNotContain("secret").doesNotContain("$2");
        });
        AuditEntry created = rows.get(3);
        assertThat(created.before()).isNull();
        assertThat(AdminServer.JSON.readTree(created.after()).at("/phones/0/normalized").asText()).isEqualTo("561");
        AuditEntry renamed = rows.get(2);
        assertThat(AdminServer.JSON.readTree(renamed.before()).get("displayName").asText()).isEqualTo("До");
        assertThat(AdminServer.JSON.readTree(renamed.after()).get("displayName").asText()).isEqualTo("После");
        JsonNode deactivated = AdminServer.JSON.readTree(rows.get(0).after());
        assertThat(deactivated.get("active").asBoolean()).isFalse();

        assertThat(read(server.get("/api/admin/audit?entity=company&user=admin", admin), AUDIT_PAGE).data())
                .extracting(AuditEntry::action).containsExactly("create");
        assertThat(read(server.get("/api/admin/audit?user=nobody", admin), AUDIT_PAGE).data()).isEmpty();
        assertThat(read(server.get("/api/admin/audit?from=2000-01-01&to=2000-01-02", admin), AUDIT_PAGE).data())
                .isEmpty();
        assertThat(server.get("/api/admin/audit?from=yesterday", admin).statusCode()).isEqualTo(400);
        assertThat(error(server.get("/api/admin/audit?entity=cat", admin)).field()).isEqualTo("entity");
    }

    @Test
    void aRefusedChangeLeavesNoAuditRowAndNoHalfOfItself() {
        long rowsBefore = read(server.get("/api/admin/audit?entity=user", admin), AUDIT_PAGE).pagination().total();

        HttpResponse<String> refused = server.post("/api/admin/users", admin, new UserRequest("half", "Половина",
                "operator", "secret-123", null, List.of(), List.of(AdminPhone.ofUser("562", "extension"),
                AdminPhone.ofUser("777", "extension")), null));

        assertThat(refused.statusCode()).as("777 is ivanov's").isEqualTo(409);
        assertThat(server.users.findByLogin("half")).isEmpty();
        assertThat(server.directory.operatorFor("562")).isEmpty();
        assertThat(read(server.get("/api/admin/audit?entity=user", admin), AUDIT_PAGE).pagination().total())
                .isEqualTo(rowsBefore);
    }

    @Test
    void loginsAndFailedLoginsAreLogged() {
        server.token("petrov");
        server.post("/api/auth/login", null, new LoginRequest("petrov", "wrong-one"));
        server.post("/api/auth/login", null, new LoginRequest("stranger", "whatever"));

        List<AuditEntry> petrov = read(server.get("/api/admin/audit?entity=login&user=petrov", admin), AUDIT_PAGE)
                .data();
        assertThat(petrov).extracting(AuditEntry::action).startsWith("login-failed", "login");
        assertThat(petrov.get(0).after()).contains("wrong password");
        assertThat(petrov.get(0).actorId()).isEqualTo(server.users.findByLogin("petrov").orElseThrow().id());
        assertThat(petrov.get(0).address()).isEqualTo("127.0.0.1");
        List<AuditEntry> stranger = read(server.get("/api/admin/audit?entity=login&user=stranger", admin),
                AUDIT_PAGE).data();
        assertThat(stranger).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("login-failed");
            assertThat(row.actorId()).isNull();
            assertThat(row.after()).contains("unknown login");
        });
    }
}
