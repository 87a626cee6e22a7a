package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.Migrations;
import dev.zvonok.server.db.TestDatabase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** V3 on a database recorded before cards could be closed: those cards are not brought back to be closed. */
class CardsMigrationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void answeredOffersThatEndedBeforeV3AreClosedAtTheirEnd() {
        // a schema of its own in the test database, migrated only as far as V1, as databases recorded before cards were
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=before_cards";
        DataSource pool = db.newPool(url, 2, Duration.ofSeconds(10));
        flyway(pool).target("1").load().migrate();
        DSLContext old = DSL.using(pool, SQLDialect.POSTGRES);
        long user = old.insertInto(USERS).set(USERS.LOGIN, "ivanov").set(USERS.DISPLAY_NAME, "Иван Иванов")
                .set(USERS.PASSWORD_HASH, "x").set(USERS.ROLE, "operator").returningResult(USERS.ID)
                .fetchSingle().value1();
        long call = old.insertInto(CALLS).set(CALLS.LINKEDID, "old").set(CALLS.DIRECTION, "inbound")
                .set(CALLS.STARTED_AT, T0).returningResult(CALLS.ID).fetchSingle().value1();
        offer(old, call, "777", user, T0.plusSeconds(5), T0.plusSeconds(60));    // answered, ended
        offer(old, call, "888", user, null, T0.plusSeconds(5));                  // rang, not answered
        offer(old, call, "999", user, T0.plusSeconds(5), null);                  // still talking

        flyway(pool).load().migrate();

        var offers = old.selectFrom(CALL_OFFERS).orderBy(CALL_OFFERS.EXTENSION).fetch();
        assertThat(offers.get(0).getFinishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(offers.get(0).getWrapUpMs()).isNull();
        assertThat(offers.get(1).getFinishedAt()).isNull();
        assertThat(offers.get(2).getFinishedAt()).as("closed by its operator once it ends").isNull();
        assertThat(new CallCards(old, dev.zvonok.model.phone.PhoneNumbers.russian()).awaitingFinish(user))
                .extracting(OpenCard::extension).containsExactly("999");
        assertThat(old.fetchExists(DSL.table(DSL.name("pg_indexes")),
                DSL.field(DSL.name("indexname")).eq("call_offers_awaiting_finish_idx"),
                DSL.field(DSL.name("schemaname")).eq("before_cards"))).isTrue();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource pool) {
        return Flyway.configure().dataSource(pool).locations(Migrations.LOCATION).schemas("before_cards");
    }

    private static void offer(DSLContext dsl, long call, String extension, long user, OffsetDateTime answer,
                              OffsetDateTime end) {
        dsl.insertInto(CALL_OFFERS).set(CALL_OFFERS.CALL_ID, call).set(CALL_OFFERS.EXTENSION, extension)
                .set(CALL_OFFERS.USER_ID, user).set(CALL_OFFERS.RING_AT, T0).set(CALL_OFFERS.ANSWER_AT, answer)
                .set(CALL_OFFERS.END_AT, end).execute();
    }
}
