package dev.zvonok.server.admin;

import static dev.zvonok.server.admin.AdminServer.error;
import static dev.zvonok.server.admin.AdminServer.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.admin.DealerRequest;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.model.admin.TeamRequest;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.server.db.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ?sort=&order=} of the administration's lists, against a real server and database. Each list gets rows whose
 * order differs by every key; names and cities mix upper- and lower-case Cyrillic, so that an order by code points
 * (uppercase first) would fail where a case-blind one passes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSortingApiTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private AdminServer server;
    private String admin;

    @BeforeAll
    void start() {
        server = new AdminServer(db.dsl());
        admin = server.token("admin");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void usersSortByEveryKeyBothWaysTiesByCreationAndPage() {
        long vera = user("zz-vera", "Вера Смирнова", "operator", "Тверь", true);
        long boris = user("zz-boris", "Анна Ильина", "admin", null, false);
        long anton = user("zz-anton", "борис Орлов", "supervisor", "москва", true);
        long gleb = user("zz-gleb", "Анна Ильина", "operator", "Москва", true);
        String list = "/api/admin/users?query=zz";

        assertThat(ids(list)).containsExactly(boris, gleb, anton, vera);
        assertThat(ids(list + "&sort=name")).containsExactly(boris, gleb, anton, vera);
        assertThat(ids(list + "&sort=name&order=desc")).as("equal names keep their order")
                .containsExactly(vera, anton, boris, gleb);
        assertThat(ids(list + "&order=desc")).containsExactly(vera, anton, boris, gleb);
        assertThat(ids(list + "&sort=login")).containsExactly(anton, boris, gleb, vera);
        assertThat(ids(list + "&sort=login&order=desc")).containsExactly(vera, gleb, boris, anton);
        assertThat(ids(list + "&sort=role&order=asc")).containsExactly(boris, vera, gleb, anton);
        assertThat(ids(list + "&sort=city")).as("no city last").containsExactly(anton, gleb, vera, boris);
        assertThat(ids(list + "&sort=city&order=desc")).as("no city last").containsExactly(vera, anton, gleb, boris);
        assertThat(ids(list + "&sort=active")).containsExactly(boris, vera, anton, gleb);
        assertThat(ids(list + "&sort=active&order=desc")).containsExactly(vera, anton, gleb, boris);

        assertThat(ids(list + "&sort=login&page=2&limit=3")).containsExactly(vera);
        assertThat(ids(list + "&sort=name&order=desc&page=2&limit=2")).containsExactly(boris, gleb);
        JsonNode page = json(server.get(list + "&sort=city&page=1&limit=2", admin));
        assertThat(page.get("pagination").get("total").asLong()).isEqualTo(4);
    }

    @Test
    void dealersSortByNameCompanyAndCity() {
        long beta = company("ООО Бета");
        long alpha = company("ооо альфа");
        long vector = dealer("Дд-вектор", beta, "Тверь");
        long lowAlpha = dealer("дд-альфа", null, null);
        long highAlpha = dealer("Дд-Альфа", alpha, "москва");
        String list = "/api/admin/dealers?query=" + encode("дд-");

        assertThat(ids(list)).containsExactly(lowAlpha, highAlpha, vector);
        assertThat(ids(list + "&sort=name&order=desc")).containsExactly(vector, lowAlpha, highAlpha);
        assertThat(ids(list + "&sort=company")).containsExactly(highAlpha, vector, lowAlpha);
        assertThat(ids(list + "&sort=company&order=desc")).containsExactly(vector, highAlpha, lowAlpha);
        assertThat(ids(list + "&sort=city")).containsExactly(highAlpha, vector, lowAlpha);
        assertThat(ids(list + "&sort=city&order=desc&limit=1&page=2")).containsExactly(highAlpha);
    }

    @Test
    void companiesSortByNameInnAndCity() {
        long romb = read(server.post("/api/admin/companies", admin, new CompanyRequest("Кк Ромб", "7702000000", null, null,
                null)), AdminCompany.class).id();
        long cherry = read(server.post("/api/admin/companies", admin, new CompanyRequest("кк вишня", "7701000000", "Тверь",
                null, null)), AdminCompany.class).id();
        long acacia = read(server.post("/api/admin/companies", admin, new CompanyRequest("Кк Акация", null, "москва",
                null, null)), AdminCompany.class).id();
        String list = "/api/admin/companies?query=" + encode("кк ");

        assertThat(ids(list)).containsExactly(acacia, cherry, romb);
        assertThat(ids(list + "&sort=name&order=desc")).containsExactly(romb, cherry, acacia);
        assertThat(ids(list + "&sort=inn")).containsExactly(cherry, romb, acacia);
        assertThat(ids(list + "&sort=inn&order=desc")).containsExactly(romb, cherry, acacia);
        assertThat(ids(list + "&sort=city&order=desc")).containsExactly(cherry, acacia, romb);
    }

    @Test
    void linesSortByTheirNormalisedNumberNameSourceAndCity() {
        long radio = line("+74951110003", "Лл Радио", "RK-b", "Тверь");
        long avito = line("8 (495) 111-00-01", "лл авито", null, null);
        long banner = line("+7 495 111-00-02", "Лл Баннер", "rk-a", "москва");
        String list = "/api/admin/lines?query=" + encode("лл ");

        assertThat(ids(list)).containsExactly(avito, banner, radio);
        assertThat(ids(list + "&sort=number")).as("as numbers, not as typed").containsExactly(avito, banner, radio);
        assertThat(ids(list + "&sort=number&order=desc")).containsExactly(radio, banner, avito);
        assertThat(ids(list + "&sort=name&order=desc")).containsExactly(radio, banner, avito);
        assertThat(ids(list + "&sort=source")).containsExactly(banner, radio, avito);
        assertThat(ids(list + "&sort=city")).containsExactly(banner, radio, avito);
    }

    @Test
    void teamsSortByName() {
        long north = team("Тт Север");
        long east = team("тт Восток");
        long west = team("Тт запад");
        String list = "/api/admin/teams?query=" + encode("тт ");

        assertThat(ids(list)).containsExactly(east, west, north);
        assertThat(ids(list + "&sort=name&order=asc")).containsExactly(east, west, north);
        assertThat(ids(list + "&sort=name&order=desc")).containsExactly(north, west, east);
    }

    @Test
    void anUnknownKeyOrOrderIsA400NamingTheParameter() {
        assertInvalid("/api/admin/users?sort=company", "sort");
        assertInvalid("/api/admin/users?sort=Name", "sort");
        assertInvalid("/api/admin/users?sort=name&order=DESC", "order");
        assertInvalid("/api/admin/users?order=up", "order");
        assertInvalid("/api/admin/dealers?sort=inn", "sort");
        assertInvalid("/api/admin/companies?sort=company", "sort");
        assertInvalid("/api/admin/lines?sort=kind", "sort");
        assertInvalid("/api/admin/teams?sort=city", "sort");
        assertInvalid("/api/admin/teams?sort=name&order=down", "order");
    }

    private void assertInvalid(String path, String field) {
        HttpResponse<String> response = server.get(path, admin);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(error(response).code()).isEqualTo("invalid-field");
        assertThat(error(response).field()).isEqualTo(field);
        assertThat(error(response).message()).startsWith(field + ": ");
    }

    private long user(String login, String name, String role, String city, boolean active) {
        HttpResponse<String> response = server.post("/api/admin/users", admin, new UserRequest(login, name, role,
                "secret-password", city, null, null, active));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response, AdminUser.class).id();
    }

    private long company(String name) {
        return read(server.post("/api/admin/companies", admin, new CompanyRequest(name, null, null, null, null)),
                AdminCompany.class).id();
    }

    private long dealer(String name, Long companyId, String city) {
        HttpResponse<String> response = server.post("/api/admin/dealers", admin, new DealerRequest(name, companyId,
                city, null, null));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response, AdminDealer.class).id();
    }

    private long line(String number, String name, String source, String city) {
        HttpResponse<String> response = server.post("/api/admin/lines", admin, new LineRequest("did", number, name,
                source, city, null));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response, AdminLine.class).id();
    }

    private long team(String name) {
        return read(server.post("/api/admin/teams", admin, new TeamRequest(name, null, null)), AdminTeam.class).id();
    }

    private List<Long> ids(String path) {
        HttpResponse<String> response = server.get(path, admin);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(response).get("data").forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return AdminServer.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
