package dev.zvonok.server.admin;

import static dev.zvonok.server.admin.AdminServer.error;
import static dev.zvonok.server.admin.AdminServer.read;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.admin.DealerRequest;
import dev.zvonok.server.db.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two admins give the same number to two dealers (or companies) at the same moment: both pass the server's check,
 * the database's unique constraint lets one through, and the other still gets the 409 that names the owner.
 *
 * <p>The race is made certain: the rival's insert is held in an open transaction, the admin's request checks (the
 * rival is not committed yet, so the number looks free) and waits on the constraint; then the rival commits.
 */
class NumberOwnerRaceTest {

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
    void aDealerCreatedWithANumberARivalJustTookIsA409NamingTheRival() throws Exception {
        AdminDealer rival = read(server.post("/api/admin/dealers", admin, new DealerRequest("Автомир Первый", null,
                null, null, List.of())), AdminDealer.class);

        HttpResponse<String> response = racing("insert into dealer_phone_numbers (dealer_id, number, normalized)"
                        + " values (" + rival.id() + ", '+7 495 700-00-01', '+74957000001')",
                () -> server.post("/api/admin/dealers", admin, new DealerRequest("Автомир Второй", null, null, null,
                        List.of(AdminPhone.of("8 (495) 700-00-01")))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        AdminError taken = error(response);
        assertThat(taken.field()).isEqualTo("phones[0].number");
        assertThat(taken.owner()).isEqualTo(new AdminError.Owner("dealer", rival.id(), "Автомир Первый"));
        assertThat(db.dsl().fetchCount(DEALER_PHONE_NUMBERS, DEALER_PHONE_NUMBERS.NORMALIZED.eq("+74957000001")))
                .isEqualTo(1);
        assertThat(server.dealers.findByName("Автомир Второй")).as("nothing of the refused request kept").isEmpty();
    }

    @Test
    void aCompanyGivenANumberARivalJustTookIsA409NamingTheRival() throws Exception {
        AdminCompany rival = read(server.post("/api/admin/companies", admin, new CompanyRequest("ООО Первая", null,
                null, null, List.of())), AdminCompany.class);
        AdminCompany edited = read(server.post("/api/admin/companies", admin, new CompanyRequest("ООО Вторая", null,
                null, null, List.of(AdminPhone.of("+7 495 700-00-09")))), AdminCompany.class);

        HttpResponse<String> response = racing("insert into phone_numbers_companies (company_id, number, normalized)"
                        + " values (" + rival.id() + ", '+74957000002', '+74957000002')",
                () -> server.put("/api/admin/companies/" + edited.id(), admin, new CompanyRequest("ООО Вторая", null,
                        null, null, List.of(AdminPhone.of("+7 495 700-00-09"), AdminPhone.of("84957000002")))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        AdminError taken = error(response);
        assertThat(taken.field()).isEqualTo("phones[1].number");
        assertThat(taken.owner()).isEqualTo(new AdminError.Owner("company", rival.id(), "ООО Первая"));
        assertThat(db.dsl().fetchCount(PHONE_NUMBERS_COMPANIES,
                PHONE_NUMBERS_COMPANIES.NORMALIZED.eq("+74957000002"))).isEqualTo(1);
        assertThat(server.companies.find(edited.id()).orElseThrow().phones()).extracting(p -> p.normalized())
                .as("the refused edit changed nothing").containsExactly("+74957000009");
    }

    @Test
    void theDatabaseItselfRefusesANumberOfTwoDealersOrTwoCompanies() {
        AdminDealer one = read(server.post("/api/admin/dealers", admin, new DealerRequest("Один", null, null, null,
                List.of(AdminPhone.of("+74957000003")))), AdminDealer.class);
        AdminCompany company = read(server.post("/api/admin/companies", admin, new CompanyRequest("ООО Одна", null,
                null, null, List.of(AdminPhone.of("+74957000004")))), AdminCompany.class);

        assertThat(db.dsl().fetchCount(DSL.table("pg_constraint"), DSL.field("conname").in(
                "dealer_phone_numbers_normalized_key", "phone_numbers_companies_normalized_key"))).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.dsl().insertInto(DEALER_PHONE_NUMBERS)
                        .set(DEALER_PHONE_NUMBERS.DEALER_ID, one.id()).set(DEALER_PHONE_NUMBERS.NUMBER, "x")
                        .set(DEALER_PHONE_NUMBERS.NORMALIZED, "+74957000003").execute())
                .hasMessageContaining("dealer_phone_numbers_normalized_key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.dsl().insertInto(PHONE_NUMBERS_COMPANIES)
                        .set(PHONE_NUMBERS_COMPANIES.COMPANY_ID, company.id())
                        .set(PHONE_NUMBERS_COMPANIES.NUMBER, "x")
                        .set(PHONE_NUMBERS_COMPANIES.NORMALIZED, "+74957000004").execute())
                .hasMessageContaining("phone_numbers_companies_normalized_key");
    }

    /**
     * Runs {@code rivalSql} in a transaction left open, sends the request, waits until the request's own insert
     * waits on the rival's row, commits the rival, and answers the request's response.
     */
    private HttpResponse<String> racing(String rivalSql, java.util.function.Supplier<HttpResponse<String>> request)
            throws Exception {
        try (Connection rival = db.dataSource().getConnection()) {
            rival.setAutoCommit(false);
            try (PreparedStatement insert = rival.prepareStatement(rivalSql)) {
                insert.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(request);
            await().atMost(Duration.ofSeconds(10)).until(() -> response.isDone() || waitingOnALock());
            rival.commit();
            return response.get(10, TimeUnit.SECONDS);
        }
    }

    private boolean waitingOnALock() {
        return db.dsl().fetchExists(DSL.selectOne().from("pg_stat_activity")
                .where(DSL.field("datname").eq(db.databaseName()))
                .and(DSL.field("wait_event_type").eq("Lock")));
    }
}
