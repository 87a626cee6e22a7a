package dev.zvonok.server.bulk;

import static dev.zvonok.server.bulk.BulkFixture.csv;
import static dev.zvonok.server.bulk.BulkFixture.resource;
import static dev.zvonok.server.db.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ImportReport;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.AuditLogRecord;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.CompanyDetails;
import dev.zvonok.server.directory.User;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An applied import says in the audit log who imported what from where, and every thing it created or changed. */
class ImportAuditTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ObjectMapper JSON = Json.mapper();

    private BulkFixture bulk;

    @BeforeEach
    void setUp() {
        db.clean();
        bulk = new BulkFixture(db);
    }

    @Test
    void anAppliedImportWritesItsOwnRowAndOneForEachCreatedOrChangedThingBeforeAndAfter() throws Exception {
        Company kept = bulk.companies.create(new CompanyDetails("ООО Было", "7701000001", "Тверь", null));
        Company moved = bulk.companies.create(new CompanyDetails("ООО Переезд", "7701000002", "Тверь", null));

        ImportReport report = bulk.imports.run(BulkKind.COMPANIES, csv("name;inn;city;phones",
                "ООО Было;7701000001;Тверь;",
                "ООО Переезд;7701000002;Москва;8 (499) 333-22-11",
                "ООО Новое;7701000003;Казань;+7 843 200-00-00"), false);

        assertThat(report.applied()).isTrue();
        List<AuditLogRecord> rows = db.dsl().selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID).fetch();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getActorLogin()).isEqualTo(BulkFixture.ADMIN.login());
            assertThat(row.getAddress()).isEqualTo(BulkFixture.ADMIN.address());
        });
        assertThat(rows).extracting(AuditLogRecord::getAction, AuditLogRecord::getEntity)
                .as("the unchanged company has no row").containsExactly(
                        tuple("import", "import"),
                        tuple("update", "company"),
                        tuple("create", "company"));
        JsonNode summary = JSON.readTree(rows.get(0).getAfterState());
        assertThat(summary.get("kind").asText()).isEqualTo("companies");
        assertThat(summary.get("created").asInt()).isEqualTo(1);
        assertThat(summary.get("updated").asInt()).isEqualTo(1);
        assertThat(summary.get("unchanged").asInt()).isEqualTo(1);

        AuditLogRecord update = rows.get(1);
        assertThat(update.getEntityId()).isEqualTo(moved.id());
        assertThat(JSON.readTree(update.getBeforeState()).get("city").asText()).isEqualTo("Тверь");
        assertThat(JSON.readTree(update.getBeforeState()).get("phones")).isEmpty();
        JsonNode after = JSON.readTree(update.getAfterState());
        assertThat(after.get("city").asText()).isEqualTo("Москва");
        assertThat(after.get("phones").get(0).get("normalized").asText()).isEqualTo("+74993332211");
        assertThat(update.getAfterState()).as("the same JSON as an edit through the API writes")
                .isEqualTo(JSON.writeValueAsString(bulk.companies.find(moved.id()).orElseThrow()));

        AuditLogRecord create = rows.get(2);
        assertThat(create.getBeforeState()).isNull();
        assertThat(JSON.readTree(create.getAfterState()).get("name").asText()).isEqualTo("ООО Новое");
        assertThat(create.getEntityId()).isNotEqualTo(kept.id()).isNotEqualTo(moved.id());
    }

    @Test
    void usersImportedAreAuditedWithoutTheirPasswords() {
        bulk.imports.run(BulkKind.USERS, resource("users-cp1251.csv"), false);

        List<AuditLogRecord> users = db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY.eq("user"))
                .orderBy(AUDIT_LOG.ID).fetch();
        assertThat(users).extracting(AuditLogRecord::getEntityId).containsExactly(
                bulk.users.findByLogin("ivanova").map(User::id).orElseThrow(),
                bulk.users.findByLogin("kuznetsov").map(User::id).orElseThrow());
        assertThat(users).allSatisfy(row -> assertThat(row.getAfterState())
                .doesNotContain("secret-pass", "$2a$", "$2b$", "password"));
    }

    @Test
    void aDryRunAndAnImportWithRowsInErrorWriteNoAuditRow() {
        bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel-ru.csv"), true);
        ImportReport failed = bulk.imports.run(BulkKind.USERS, csv("login;name;role;password",
                "fine;Хороший;operator;password-1", "bad;Плохой;king;password-2"), false);

        assertThat(failed.applied()).isFalse();
        assertThat(db.dsl().fetchCount(AUDIT_LOG)).isZero();
    }
}
