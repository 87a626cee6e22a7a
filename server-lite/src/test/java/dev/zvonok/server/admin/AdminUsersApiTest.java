package dev.zvonok.server.admin;

import static dev.zvonok.server.admin.AdminServer.error;
import static dev.zvonok.server.admin.AdminServer.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.PasswordRequest;
import dev.zvonok.model.admin.TeamRequest;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.api.RefreshRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.db.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/admin/users} against a real server and database: every route and every rule a user is checked by. */
class AdminUsersApiTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private static final TypeReference<AdminPage<AdminUser>> USER_PAGE = new TypeReference<>() {
    };

    private AdminServer server;
    private String admin;

    @BeforeEach
    void start() {
        server = new AdminServer(db.dsl());
        admin = server.token("admin");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static UserRequest operator(String login, AdminPhone... phones) {
        return new UserRequest(login, "Ольга Орлова", "operator", "secret-123", "Тверь", List.of(), List.of(phones),
                null);
    }

    private AdminUser created(UserRequest request) {
        HttpResponse<String> response = server.post("/api/admin/users", admin, request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response, AdminUser.class);
    }

    @Test
    void anAdminCreatesAnOperatorWithPhonesAndTeamsWhoThenLogsInAndRings() {
        server.post("/api/admin/teams", admin, new TeamRequest("Продажи", null, List.of()));
        HttpResponse<String> response = server.post("/api/admin/users", admin, new UserRequest(" Orlova ",
                "Ольга Орлова", "operator", "secret-123", "Тверь", List.of("Продажи"),
                List.of(AdminPhone.ofUser("555", "extension"), AdminPhone.ofUser("8 (916) 700-10-20", "mobile")),
                null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        AdminUser user = read(response, AdminUser.class);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/admin/users/" + user.id());
        assertThat(user.login()).isEqualTo("orlova");
        assertThat(user.role()).isEqualTo(Role.OPERATOR);
        assertThat(user.active()).isTrue();
        assertThat(user.teams()).containsExactly("Продажи");
        assertThat(user.phones()).containsExactly(new AdminPhone("555", "555", "extension", null),
                new AdminPhone("8 (916) 700-10-20", "+79167001020", "mobile", null));
        assertThat(read(server.get("/api/admin/users/" + user.id(), admin), AdminUser.class)).isEqualTo(user);

        TokenResponse login = server.login("orlova", "secret-123");
        assertThat(login.user().extensions()).containsExactly("555");
        assertThat(server.directory.operatorFor("555")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(user.id()));
        assertThat(server.directory.identify("+79167001020").kind()).isEqualTo(CallerKind.USER);
    }

    @Test
    void theListSearchesByNameLoginAndNumberFiltersByRoleAndActivityAndPages() {
        AdminPage<AdminUser> everybody = read(server.get("/api/admin/users", admin), USER_PAGE);
        assertThat(everybody.data()).extracting(AdminUser::login)
                .containsExactly("admin", "supervisor", "ivanov", "petrov", "sidorov"); // by name, as sorted
        assertThat(everybody.pagination()).isEqualTo(new Pagination(1, 50, 5, 1));

        assertThat(read(server.get("/api/admin/users?query=ИВАН", admin), USER_PAGE).data())
                .extracting(AdminUser::login).containsExactly("ivanov");
        assertThat(read(server.get("/api/admin/users?query=555-12", admin), USER_PAGE).data())
                .as("by part of a number").extracting(AdminUser::login).containsExactly("ivanov");
        assertThat(read(server.get("/api/admin/users?role=supervisor", admin), USER_PAGE).data())
                .extracting(AdminUser::login).containsExactly("supervisor");
        AdminPage<AdminUser> second = read(server.get("/api/admin/users?role=operator&page=2&limit=2", admin),
                USER_PAGE);
        assertThat(second.data()).extracting(AdminUser::login).containsExactly("sidorov");
        assertThat(second.pagination()).isEqualTo(new Pagination(2, 2, 3, 2));

        server.delete("/api/admin/users/" + id("petrov"), admin);
        assertThat(read(server.get("/api/admin/users?active=false", admin), USER_PAGE).data())
                .extracting(AdminUser::login).containsExactly("petrov");
        assertThat(read(server.get("/api/admin/users?active=true&role=operator", admin), USER_PAGE).data())
                .extracting(AdminUser::login).containsExactly("ivanov", "sidorov");
    }

    @Test
    void badListParametersAreFourHundredsNamingTheParameter() {
        for (String query : List.of("role=boss", "active=maybe", "page=0", "limit=100000")) {
            HttpResponse<String> response = server.get("/api/admin/users?" + query, admin);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(error(response).field()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void aPutReplacesTheUserPhonesAndTeamsAndLeavesOutWhatItDoesNotName() {
        AdminUser user = created(operator("orlova", AdminPhone.ofUser("555", "extension")));

        HttpResponse<String> renamed = server.put("/api/admin/users/" + user.id(), admin, new UserRequest("orlova",
                "Ольга Орлова-Петрова", "supervisor", null, "Москва", null, null, null));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        AdminUser after = read(renamed, AdminUser.class);
        assertThat(after.name()).isEqualTo("Ольга Орлова-Петрова");
        assertThat(after.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(after.phones()).as("left out: kept").extracting(AdminPhone::normalized).containsExactly("555");

        AdminUser phones = read(server.put("/api/admin/users/" + user.id(), admin, new UserRequest("orlova",
                "Ольга", "operator", null, null, null, List.of(AdminPhone.ofUser("556", "extension")), null)),
                AdminUser.class);
        assertThat(phones.phones()).extracting(AdminPhone::normalized).containsExactly("556");
        assertThat(server.directory.operatorFor("555")).as("the old extension rings nobody now").isEmpty();
        assertThat(server.directory.operatorFor("556")).isPresent();

        assertThat(server.put("/api/admin/users/999999", admin, new UserRequest("nobody", "Никто", "operator", null,
                null, null, null, null)).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/admin/users/999999", admin).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/admin/users/abc", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void aPasswordResetLetsTheNewPasswordInAndEndsTheUsersSessions() {
        TokenResponse before = server.login("ivanov", "demo");

        HttpResponse<String> tooShort = server.post("/api/admin/users/" + id("ivanov") + "/password", admin,
                new PasswordRequest("1234567"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(error(tooShort).field()).isEqualTo("password");

        HttpResponse<String> reset = server.post("/api/admin/users/" + id("ivanov") + "/password", admin,
                new PasswordRequest("new-secret-1"));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);

        assertThat(server.post("/api/auth/login", null, new LoginRequest("ivanov", "demo")).statusCode())
                .isEqualTo(401);
        assertThat(server.login("ivanov", "new-secret-1").user().login()).isEqualTo("ivanov");
        assertThat(server.post("/api/auth/refresh", null, new RefreshRequest(before.refreshToken())).statusCode())
                .as("the old session's refresh token died with the old password").isEqualTo(401);
        assertThat(server.post("/api/admin/users/999999/password", admin, new PasswordRequest("new-secret-1"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aDeactivatedUserCannotLogInTheirRefreshTokensDieAndAPutReactivatesThem() {
        TokenResponse session = server.login("ivanov", "demo");
        long ivanov = id("ivanov");

        HttpResponse<String> deactivated = server.delete("/api/admin/users/" + ivanov, admin);

        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(read(deactivated, AdminUser.class).active()).isFalse();
        assertThat(server.users.find(ivanov)).as("never deleted").hasValueSatisfying(u ->
                assertThat(u.active()).isFalse());
        HttpResponse<String> login = server.post("/api/auth/login", null, new LoginRequest("ivanov", "demo"));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(error(login).code()).isEqualTo("account-disabled");
        assertThat(server.get("/api/me", session.accessToken()).statusCode()).as("his access token").isEqualTo(401);
        assertThat(server.post("/api/auth/refresh", null, new RefreshRequest(session.refreshToken())).statusCode())
                .isIn(401, 403);

        AdminUser user = read(server.get("/api/admin/users/" + ivanov, admin), AdminUser.class);
        HttpResponse<String> reactivated = server.put("/api/admin/users/" + ivanov, admin, new UserRequest(
                user.login(), user.name(), "operator", null, user.city(), null, null, true));
        assertThat(reactivated.statusCode()).as(reactivated.body()).isEqualTo(200);
        assertThat(server.login("ivanov", "demo").user().login()).isEqualTo("ivanov");
        assertThat(server.post("/api/auth/refresh", null, new RefreshRequest(session.refreshToken())).statusCode())
                .as("the session ended at deactivation stays ended").isEqualTo(401);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        long self = id("admin");

        HttpResponse<String> deactivate = server.delete("/api/admin/users/" + self, admin);
        HttpResponse<String> demote = server.put("/api/admin/users/" + self, admin, new UserRequest("admin",
                "Администратор", "operator", null, null, null, null, null));

        assertThat(deactivate.statusCode()).isEqualTo(409);
        assertThat(error(deactivate).field()).isEqualTo("active");
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(error(demote).field()).isEqualTo("role");
        assertThat(server.users.find(self)).hasValueSatisfying(u -> {
            assertThat(u.active()).isTrue();
            assertThat(u.role()).isEqualTo(Role.ADMIN);
        });
    }

    @Test
    void everyBadFieldIsAFourHundredNamingTheField() {
        assertField(new UserRequest(null, "N", "operator", "secret-123", null, null, null, null), "login");
        assertField(new UserRequest("x", " ", "operator", "secret-123", null, null, null, null), "name");
        assertField(new UserRequest("x", "N", null, "secret-123", null, null, null, null), "role");
        assertField(new UserRequest("x", "N", "boss", "secret-123", null, null, null, null), "role");
        assertField(new UserRequest("x", "N", "operator", null, null, null, null, null), "password");
        assertField(new UserRequest("x", "N", "operator", "short", null, null, null, null), "password");
        assertField(new UserRequest("x".repeat(65), "N", "operator", "secret-123", null, null, null, null), "login");
        assertField(new UserRequest("x", "N", "operator", "пароль".repeat(7), null, null, null, null), "password");
        assertField(new UserRequest("x", "N", "operator", "secret-123", null, List.of("Нет такой"), null, null),
                "teams[0]");
        assertField(operator("x", AdminPhone.ofUser("12345678", "extension")), "phones[0].number");
        assertField(operator("x", AdminPhone.ofUser("55a", "extension"), AdminPhone.ofUser("абв", "mobile")),
                "phones[1].number");
        assertField(operator("x", AdminPhone.ofUser("555", "mobile")), "phones[0].number");
        assertField(operator("x", AdminPhone.ofUser("555", "fax")), "phones[0].type");
        assertField(operator("x", AdminPhone.ofUser("555", null)), "phones[0].type");
        assertField(operator("x", AdminPhone.ofUser("+7 916 700-10-20", "mobile"),
                AdminPhone.ofUser("89167001020", "landline")), "phones[1].number");

        HttpResponse<String> passwordByPut = server.put("/api/admin/users/" + id("ivanov"), admin,
                new UserRequest("ivanov", "Иван", "operator", "secret-123", null, null, null, null));
        assertThat(passwordByPut.statusCode()).isEqualTo(400);
        assertThat(error(passwordByPut).field()).isEqualTo("password");
        HttpResponse<String> notJson = server.post("/api/admin/users", admin, "{login:");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(server.users.findByLogin("x")).as("nothing was written").isEmpty();
    }

    private void assertField(UserRequest request, String field) {
        HttpResponse<String> response = server.post("/api/admin/users", admin, request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        AdminError error = error(response);
        assertThat(error.field()).as(response.body()).isEqualTo(field);
        assertThat(error.message()).startsWith(field + ": ");
        assertThat(error.code()).isEqualTo("invalid-field");
    }

    @Test
    void aTakenLoginOrNumberIsAConflictNamingWhoHasIt() {
        HttpResponse<String> login = server.post("/api/admin/users", admin, operator("IVANOV"));
        assertThat(login.statusCode()).isEqualTo(409);
        assertThat(error(login).field()).isEqualTo("login");
        assertThat(error(login).owner()).isEqualTo(new AdminError.Owner("user", id("ivanov"), "Иван Иванов"));

        HttpResponse<String> extension = server.post("/api/admin/users", admin,
                operator("orlova", AdminPhone.ofUser("556", "extension"), AdminPhone.ofUser("777", "extension")));
        assertThat(extension.statusCode()).as(extension.body()).isEqualTo(409);
        AdminError taken = error(extension);
        assertThat(taken.field()).isEqualTo("phones[1].number");
        assertThat(taken.owner()).isEqualTo(new AdminError.Owner("user", id("ivanov"), "Иван Иванов (ivanov)"));
        assertThat(taken.message()).contains("Иван Иванов");

        HttpResponse<String> mobile = server.post("/api/admin/users", admin,
                operator("orlova", AdminPhone.ofUser("8 916 555 12 34", "mobile")));
        assertThat(mobile.statusCode()).as("ivanov's mobile in another format").isEqualTo(409);
        assertThat(server.users.findByLogin("orlova")).as("one transaction: no half-made user").isEmpty();

        HttpResponse<String> renamed = server.put("/api/admin/users/" + id("petrov"), admin,
                new UserRequest("ivanov", "Пётр Петров", "operator", null, null, null, null, null));
        assertThat(renamed.statusCode()).isEqualTo(409);
        assertThat(error(renamed).field()).isEqualTo("login");
        assertThat(server.put("/api/admin/users/" + id("ivanov"), admin, new UserRequest("ivanov", "Иван Иванов",
                "operator", null, null, null, List.of(AdminPhone.ofUser("777", "extension")), null)).statusCode())
                .as("a user keeping their own number is no conflict").isEqualTo(200);
    }

    @Test
    void teamsGroupUsersAndAUserCarriesTheirTeams() {
        AdminTeam team = read(server.post("/api/admin/teams", admin, new TeamRequest("Сервис", "Вторая линия",
                List.of(id("supervisor"), id("ivanov")))), AdminTeam.class);
        assertThat(team.members()).extracting(AdminTeam.Member::login).containsExactly("supervisor", "ivanov");

        assertThat(read(server.get("/api/admin/users/" + id("supervisor"), admin), AdminUser.class).teams())
                .containsExactly("Сервис");
        AdminUser moved = read(server.put("/api/admin/users/" + id("ivanov"), admin, new UserRequest("ivanov",
                "Иван Иванов", "operator", null, null, List.of(), null, null)), AdminUser.class);
        assertThat(moved.teams()).isEmpty();
        assertThat(read(server.get("/api/admin/teams/" + team.id(), admin), AdminTeam.class).members())
                .extracting(AdminTeam.Member::login).containsExactly("supervisor");
    }

    private long id(String login) {
        return server.users.findByLogin(login).orElseThrow().id();
    }
}
