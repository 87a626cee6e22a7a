package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.admin.AdminRefusal;
import dev.zvonok.app.admin.BulkFormat;
import dev.zvonok.app.admin.BulkKind;
import dev.zvonok.app.admin.Editable;
import dev.zvonok.app.admin.ListQuery;
import dev.zvonok.app.admin.Listing;
import dev.zvonok.app.admin.UserQuery;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.admin.TeamRequest;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.db.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Administration window's adapter, the app's own {@link ServerAdministration}, against the real server. */
class ServerAdministrationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path adminData;
    @TempDir
    static Path operatorData;

    private static RunningServer server;
    private static Sessions admin;
    private static Sessions operator;
    private static ServerAdministration administration;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(db);
        admin = RunningServer.newSessions(adminData);
        admin.login(server.address(), "admin", RunningServer.PASSWORD);
        operator = RunningServer.newSessions(operatorData);
        operator.login(server.address(), "ivanov", RunningServer.PASSWORD);
        administration = adapter(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
        operator.close();
        server.close();
    }

    private static ServerAdministration adapter(Sessions sessions) {
        return new ServerAdministration(sessions, ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(10),
                ForkJoinPool.commonPool());
    }

    private static <T> T answer(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the server did it");
    }

    private static UserRequest operatorNamed(String login, String extension) {
        return new UserRequest(login, "Оператор " + login, "operator", "a-good-password", "Самара", List.of(),
                List.of(AdminPhone.ofUser(extension, "extension"), AdminPhone.ofUser("8 (927) 555-12-" + extension.substring(1), "mobile")),
                null);
    }

    @Test
    void anAdminCreatesAUserAndFindsThemByPartOfTheirNumber() throws Exception {
        AdminUser created = answer(administration.createUser(operatorNamed("kuznetsova", "561")));

        assertThat(created.id()).isPositive();
        assertThat(created.phones()).extracting(AdminPhone::normalized).containsExactly("561", "+79275551261");
        var found = answer(administration.users(new UserQuery("555-12-61", null, true, 1, 20)));
        assertThat(found.data()).extracting(AdminUser::login).containsExactly("kuznetsova");
        assertThat(found.pagination().total()).isEqualTo(1);
    }

    @Test
    void theListFiltersByRoleAndPages() throws Exception {
        var operators = answer(administration.users(new UserQuery(null, Role.OPERATOR, null, 1, 2)));

        assertThat(operators.data()).hasSize(2).allSatisfy(user -> assertThat(user.role()).isEqualTo(Role.OPERATOR));
        assertThat(operators.pagination().totalPages()).isGreaterThanOrEqualTo(2);
        var admins = answer(administration.users(new UserQuery(null, Role.ADMIN, null, 1, 20)));
        assertThat(admins.data()).extracting(AdminUser::login).contains("admin");
    }

    @Test
    void aTakenExtensionIsRefusedNamingTheFieldAndWhoHasIt() throws Exception {
        Throwable failure = failureOf(administration.createUser(operatorNamed("newcomer", "777")));

        assertThat(failure).isInstanceOfSatisfying(AdminRefusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(409);
            assertThat(refusal.error().field()).isEqualTo("phones[0].number");
            assertThat(refusal.error().owner().kind()).isEqualTo("user");
            assertThat(refusal.error().owner().name()).contains("Иванов");
        });
    }

    @Test
    void aLocalOnlyNumberIsRefusedAsThatField() throws Exception {
        UserRequest request = new UserRequest("local", "Local", "operator", "a-good-password", null, List.of(),
                List.of(AdminPhone.ofUser("562", "extension"), AdminPhone.ofUser("333-22-11", "landline")), null);

        Throwable failure = failureOf(administration.createUser(request));

        assertThat(failure).isInstanceOfSatisfying(AdminRefusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.error().field()).isEqualTo("phones[1].number");
        });
    }

    @Test
    void anAdminEditsResetsThePasswordAndDeactivates() throws Exception {
        AdminUser created = answer(administration.createUser(operatorNamed("volkov", "563")));

        AdminUser renamed = answer(administration.updateUser(created.id(), new UserRequest("volkov", "Волков В.",
                "supervisor", null, "Казань", null, null, null)));
        assertThat(renamed.name()).isEqualTo("Волков В.");
        assertThat(renamed.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(renamed.phones()).as("phones left out stay").hasSize(2);

        answer(administration.changePassword(created.id(), "another-password"));
        Sessions volkov = RunningServer.newSessions(operatorData.resolve("volkov"));
        try {
            assertThat(volkov.login(server.address(), "volkov", "another-password").user().login())
                    .isEqualTo("volkov");
        } finally {
            volkov.close();
        }

        AdminUser deactivated = answer(administration.deactivateUser(created.id()));
        assertThat(deactivated.active()).isFalse();
        AdminUser back = answer(administration.updateUser(created.id(), new UserRequest("volkov", "Волков В.",
                "supervisor", null, "Казань", null, null, true)));
        assertThat(back.active()).isTrue();
    }

    private static final ListQuery IMPORTED = new ListQuery("Импорт", 1, ListQuery.PAGE_SIZE, null);

    @Test
    void aCompanyIsCreatedUpdatedAndDeleted() throws Exception {
        AdminCompany created = answer(administration.create(Editable.COMPANIES, new CompanyRequest("Лютик", null,
                "Тула", null, List.of(AdminPhone.of("8 (487) 222-33-44")))));
        assertThat(created.phones()).extracting(AdminPhone::normalized).containsExactly("+74872223344");

        AdminCompany updated = answer(administration.update(Editable.COMPANIES, created.id(),
                new CompanyRequest("Лютик", "7100000000", "Тула", null, null)));
        assertThat(updated.inn()).isEqualTo("7100000000");
        assertThat(updated.phones()).as("null phones stay").hasSize(1);

        answer(administration.delete(Editable.COMPANIES, created.id()));
        assertThat(answer(administration.list(Listing.COMPANIES,
                new ListQuery("Лютик", 1, ListQuery.PAGE_SIZE, null))).data()).isEmpty();
    }

    @Test
    void aTakenTeamNameIsARefusalNamingTheTeam() throws Exception {
        AdminTeam first = answer(administration.create(Editable.TEAMS, new TeamRequest("Ночная", null, List.of())));

        Throwable failure = failureOf(administration.create(Editable.TEAMS, new TeamRequest("Ночная", null, null)));

        assertThat(failure).isInstanceOfSatisfying(AdminRefusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(409);
            assertThat(refusal.error().field()).isEqualTo("name");
            assertThat(refusal.error().owner().id()).isEqualTo(first.id());
        });
    }

    @Test
    void anImportIsTriedThenAppliedAndTheExportHasIt() throws Exception {
        byte[] file = ("name;city;phones\nООО Импорт;Москва;8 (499) 333-22-11\n")
                .getBytes(StandardCharsets.UTF_8);

        ImportReport dryRun = answer(administration.importFile(BulkKind.COMPANIES, file, true));
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.created()).as("%s", dryRun).isEqualTo(1);
        assertThat(answer(administration.list(Listing.COMPANIES, IMPORTED)).data()).isEmpty();

        ImportReport applied = answer(administration.importFile(BulkKind.COMPANIES, file, false));
        assertThat(applied.applied()).isTrue();
        assertThat(answer(administration.list(Listing.COMPANIES, IMPORTED)).data()).singleElement()
                .satisfies(company -> assertThat(company.phones()).extracting(AdminPhone::normalized)
                        .containsExactly("+74993332211"));
        String exported = new String(answer(administration.export(BulkKind.COMPANIES, BulkFormat.CSV)),
                StandardCharsets.UTF_8);
        assertThat(exported).contains("ООО Импорт");
    }

    @Test
    void aFileWithBadRowsIsAReportNotAFailure() throws Exception {
        byte[] file = "login;name;role;password\nbad;Bad;emperor;a-good-password\n".getBytes(StandardCharsets.UTF_8);

        ImportReport report = answer(administration.importFile(BulkKind.USERS, file, false));

        assertThat(report.applied()).isFalse();
        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.rows()).singleElement().satisfies(row -> assertThat(row.problems()).isNotEmpty());
    }

    @Test
    void theAuditLogListsTheChanges() throws Exception {
        answer(administration.createUser(operatorNamed("audited", "564")));

        assertThat(answer(administration.list(Listing.AUDIT,
                new ListQuery("admin", 1, ListQuery.PAGE_SIZE, null))).data())
                .anySatisfy(entry -> assertThat(entry.entity()).isEqualTo("user"));
    }

    @Test
    void anOperatorIsRefused() throws Exception {
        Throwable failure = failureOf(adapter(operator).users(new UserQuery(null, null, null, 1, 20)));

        assertThat(failure).isInstanceOfSatisfying(AdminRefusal.class,
                refusal -> assertThat(refusal.forbidden()).isTrue());
    }

    @Test
    void aServerThatIsGoneIsNoAnswerToTryAgainLater() throws Exception {
        server.proxy().cut();
        try {
            assertThat(failureOf(administration.users(new UserQuery(null, null, null, 1, 20))))
                    .isInstanceOf(IOException.class);
        } finally {
            server.proxy().restore();
        }
    }
}
