package dev.zvonok.server.admin;

import static dev.zvonok.server.admin.AdminServer.error;
import static dev.zvonok.server.admin.AdminServer.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.admin.DealerRequest;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.model.admin.TeamRequest;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.CallerIdentity;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dealers, companies, lines and teams through {@code /api/admin/...}, against a real server and database. */
class AdminDirectoryApiTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

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

    @Test
    void aCompanyNumberEnteredAnyHowIdentifiesTheCallerAtTheNextLookup() {
        assertThat(server.directory.identify("+74993332211").known()).isFalse();

        HttpResponse<String> response = server.post("/api/admin/companies", admin, new CompanyRequest("ООО Заря",
                "7701234568", "Москва", "Новый клиент", List.of(new AdminPhone("8 (499) 333-22-11", null, null,
                "Приёмная"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        AdminCompany company = read(response, AdminCompany.class);
        assertThat(company.phones()).containsExactly(
                new AdminPhone("8 (499) 333-22-11", "+74993332211", null, "Приёмная"));
        CallerIdentity caller = server.directory.identify("+74993332211");
        assertThat(caller.kind()).isEqualTo(CallerKind.COMPANY);
        assertThat(caller.name()).isEqualTo("ООО Заря");
        assertThat(caller.companyId()).isEqualTo(company.id());
    }

    @Test
    void companiesAreEditedListedAndDeleted() {
        AdminCompany company = read(server.post("/api/admin/companies", admin, new CompanyRequest("ООО Заря", null,
                null, null, List.of(AdminPhone.of("+7 499 333-22-11")))), AdminCompany.class);

        AdminCompany edited = read(server.put("/api/admin/companies/" + company.id(), admin, new CompanyRequest(
                "ООО «Заря»", "7701234568", "Тверь", null, List.of(AdminPhone.of("8 499 333 22 12")))),
                AdminCompany.class);
        assertThat(edited.name()).isEqualTo("ООО «Заря»");
        assertThat(edited.phones()).extracting(AdminPhone::normalized).containsExactly("+74993332212");
        assertThat(server.directory.identify("+74993332211").known()).isFalse();
        assertThat(server.directory.identify("+74993332212").name()).isEqualTo("ООО «Заря»");

        AdminPage<AdminCompany> found = read(server.get("/api/admin/companies?query=%D0%B7%D0%B0%D1%80%D1%8F", admin),
                new TypeReference<>() {
                });
        assertThat(found.data()).extracting(AdminCompany::id).containsExactly(company.id());
        assertThat(read(server.get("/api/admin/companies?query=7701234568", admin),
                new TypeReference<AdminPage<AdminCompany>>() {
                }).data()).extracting(AdminCompany::id).containsExactly(company.id());

        assertThat(server.delete("/api/admin/companies/" + company.id(), admin).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/admin/companies/" + company.id(), admin).statusCode()).isEqualTo(404);
        assertThat(server.directory.identify("+74993332212").known()).isFalse();
        assertThat(server.delete("/api/admin/companies/" + company.id(), admin).statusCode()).isEqualTo(404);
    }

    @Test
    void aNumberBelongsToOneCompanyOneDealerAndOneUserAtMost() {
        // the demo's Ромашка has +79991234567
        HttpResponse<String> company = server.post("/api/admin/companies", admin, new CompanyRequest("ООО Лютик",
                null, null, null, List.of(AdminPhone.of("+74950000000"), AdminPhone.of("8 999 123-45-67"))));
        assertThat(company.statusCode()).isEqualTo(409);
        AdminError taken = error(company);
        assertThat(taken.field()).isEqualTo("phones[1].number");
        assertThat(taken.owner().kind()).isEqualTo("company");
        assertThat(taken.owner().name()).isEqualTo("ООО Ромашка");
        assertThat(taken.message()).contains("ООО Ромашка");

        // the demo's Автодом Волга has 89271390907
        HttpResponse<String> dealer = server.post("/api/admin/dealers", admin, new DealerRequest("Автомир", null,
                null, null, List.of(AdminPhone.of("+7 927 139-09-07"))));
        assertThat(dealer.statusCode()).isEqualTo(409);
        assertThat(error(dealer).owner().kind()).isEqualTo("dealer");
        assertThat(error(dealer).owner().name()).isEqualTo("Автодом Волга");

        HttpResponse<String> ofAnotherKind = server.post("/api/admin/dealers", admin, new DealerRequest("Ромашка-Сервис",
                null, null, null, List.of(AdminPhone.of("+79991234567"))));
        assertThat(ofAnotherKind.statusCode()).as("a company's number may be a dealer's too").isEqualTo(201);
    }

    @Test
    void dealersBelongToACompanyAndAreEditedListedAndDeleted() {
        AdminCompany company = read(server.post("/api/admin/companies", admin, new CompanyRequest("ООО Заря", null,
                null, null, null)), AdminCompany.class);
        HttpResponse<String> response = server.post("/api/admin/dealers", admin, new DealerRequest("Заря-Авто",
                company.id(), "Тверь", null, List.of(new AdminPhone("8 (4822) 33-44-55", null, null, "Сервис"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        AdminDealer dealer = read(response, AdminDealer.class);
        assertThat(dealer.companyName()).isEqualTo("ООО Заря");
        assertThat(dealer.phones()).extracting(AdminPhone::normalized).containsExactly("+74822334455");
        CallerIdentity caller = server.directory.identify("+74822334455");
        assertThat(caller.kind()).isEqualTo(CallerKind.DEALER);
        assertThat(caller.companyName()).isEqualTo("ООО Заря");

        AdminDealer independent = read(server.put("/api/admin/dealers/" + dealer.id(), admin, new DealerRequest(
                "Заря-Авто", null, "Тверь", "Ушёл от Зари", null)), AdminDealer.class);
        assertThat(independent.companyId()).isNull();
        assertThat(independent.phones()).as("left out: kept").hasSize(1);
        assertThat(read(server.get("/api/admin/dealers?query=4822", admin),
                new TypeReference<AdminPage<AdminDealer>>() {
                }).data()).extracting(AdminDealer::id).containsExactly(dealer.id());

        HttpResponse<String> noCompany = server.post("/api/admin/dealers", admin, new DealerRequest("Х", 999_999L,
                null, null, null));
        assertThat(noCompany.statusCode()).isEqualTo(400);
        assertThat(error(noCompany).field()).isEqualTo("companyId");
        HttpResponse<String> noName = server.post("/api/admin/dealers", admin, new DealerRequest(null, null, null,
                null, null));
        assertThat(error(noName).field()).isEqualTo("name");
        HttpResponse<String> shortNumber = server.post("/api/admin/dealers", admin, new DealerRequest("Х", null, null,
                null, List.of(AdminPhone.of("333-22-11"))));
        assertThat(shortNumber.statusCode()).as("a number without its area code would never match").isEqualTo(400);
        assertThat(error(shortNumber).field()).isEqualTo("phones[0].number");
        HttpResponse<String> longComment = server.post("/api/admin/dealers", admin, new DealerRequest("Х", null, null,
                null, List.of(new AdminPhone("+74822334466", null, null, "ж".repeat(501)))));
        assertThat(longComment.statusCode()).isEqualTo(400);
        assertThat(error(longComment).field()).isEqualTo("phones[0].comment");

        assertThat(server.delete("/api/admin/dealers/" + dealer.id(), admin).statusCode()).isEqualTo(204);
        assertThat(server.directory.identify("+74822334455").known()).isFalse();
    }

    @Test
    void linesAreIncomingNumbersOrQueuesWithANameAndASource() {
        HttpResponse<String> response = server.post("/api/admin/lines", admin, new LineRequest(null,
                "8 (495) 123-45-67", "Реклама на радио", "RK-radio-2026", "Москва", null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        AdminLine line = read(response, AdminLine.class);
        assertThat(line.kind()).isEqualTo("did");
        assertThat(line.normalized()).isEqualTo("+74951234567");
        AdminLine queue = read(server.post("/api/admin/lines", admin, new LineRequest("queue", "sales",
                "Очередь продаж", null, null, null)), AdminLine.class);
        assertThat(queue.normalized()).isEqualTo("sales");

        HttpResponse<String> again = server.post("/api/admin/lines", admin, new LineRequest("did", "+74951234567",
                "Ещё раз", null, null, null));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again).field()).isEqualTo("number");
        assertThat(error(again).owner()).isEqualTo(new AdminError.Owner("line", line.id(), "Реклама на радио"));

        AdminLine renamed = read(server.put("/api/admin/lines/" + line.id(), admin, new LineRequest("did",
                "+74951234567", "Радио «Маяк»", "RK-mayak", "Москва", "с 1 декабря")), AdminLine.class);
        assertThat(renamed.name()).isEqualTo("Радио «Маяк»");
        assertThat(renamed.source()).isEqualTo("RK-mayak");
        assertThat(read(server.get("/api/admin/lines?kind=queue", admin), new TypeReference<AdminPage<AdminLine>>() {
        }).data()).extracting(AdminLine::id).containsExactly(queue.id());
        assertThat(read(server.get("/api/admin/lines?query=mayak", admin), new TypeReference<AdminPage<AdminLine>>() {
        }).data()).extracting(AdminLine::id).containsExactly(line.id());

        assertField(server.post("/api/admin/lines", admin, new LineRequest("fax", "1", "N", null, null, null)), "kind");
        assertField(server.post("/api/admin/lines", admin, new LineRequest("did", "нет", "N", null, null, null)),
                "number");
        assertField(server.post("/api/admin/lines", admin, new LineRequest("did", "+74951112233", null, null, null,
                null)), "name");
        assertField(server.get("/api/admin/lines?kind=fax", admin), "kind");

        assertThat(server.delete("/api/admin/lines/" + queue.id(), admin).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/admin/lines/" + queue.id(), admin).statusCode()).isEqualTo(404);
    }

    @Test
    void teamsHaveUniqueNamesAndExistingMembers() {
        AdminTeam team = read(server.post("/api/admin/teams", admin, new TeamRequest("Продажи", null, List.of())),
                AdminTeam.class);

        HttpResponse<String> twice = server.post("/api/admin/teams", admin, new TeamRequest(" Продажи ", null, null));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(error(twice).owner()).isEqualTo(new AdminError.Owner("team", team.id(), "Продажи"));
        assertField(server.post("/api/admin/teams", admin, new TeamRequest("Сервис", null, List.of(999_999L))),
                "members[0]");
        assertField(server.post("/api/admin/teams", admin, new TeamRequest("", null, null)), "name");

        AdminTeam renamed = read(server.put("/api/admin/teams/" + team.id(), admin, new TeamRequest("Продажи-2",
                "вечерняя смена", null)), AdminTeam.class);
        assertThat(renamed.name()).isEqualTo("Продажи-2");
        assertThat(read(server.get("/api/admin/teams?query=продажи", admin), new TypeReference<AdminPage<AdminTeam>>() {
        }).data()).extracting(AdminTeam::id).containsExactly(team.id());
        assertThat(server.delete("/api/admin/teams/" + team.id(), admin).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/admin/teams/" + team.id(), admin).statusCode()).isEqualTo(404);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(error(response).field()).as(response.body()).isEqualTo(field);
    }
}
