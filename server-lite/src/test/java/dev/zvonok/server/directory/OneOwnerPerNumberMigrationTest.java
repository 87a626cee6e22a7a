package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.server.db.Migrations;
import dev.zvonok.server.db.TestDatabase;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V7 on a directory written before the database enforced one owner per number: a number entered twice for one owner
 * is kept once; a number of two owners stops the migration with a message that names them, and changes nothing.
 */
class OneOwnerPerNumberMigrationTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void aNumberTwiceOnOneOwnerIsKeptOnce() {
        DSLContext old = before("twice_on_one");
        long dealer = dealer(old, "Автодом");
        number(old, dealer, "+74951110001");
        number(old, dealer, "+74951110001");
        long company = old.insertInto(COMPANIES).set(COMPANIES.NAME, "ООО Ромашка").returningResult(COMPANIES.ID)
                .fetchSingle().value1();
        for (int i = 0; i < 2; i++) {
            old.insertInto(PHONE_NUMBERS_COMPANIES).set(PHONE_NUMBERS_COMPANIES.COMPANY_ID, company)
                    .set(PHONE_NUMBERS_COMPANIES.NUMBER, "8 495 111-00-01")
                    .set(PHONE_NUMBERS_COMPANIES.NORMALIZED, "+74951110001").execute();
        }

        flyway("twice_on_one").load().migrate();

        assertThat(old.fetchCount(DEALER_PHONE_NUMBERS)).isEqualTo(1);
        assertThat(old.fetchCount(PHONE_NUMBERS_COMPANIES)).as("a company's and a dealer's: one of each kind")
                .isEqualTo(1);
    }

    @Test
    void aNumberOfTwoDealersStopsTheMigrationAndNamesThem() {
        DSLContext old = before("two_owners");
        long first = dealer(old, "Автодом Волга");
        long second = dealer(old, "Автомир");
        number(old, first, "+74951110002");
        number(old, second, "+74951110002");

        assertThatThrownBy(() -> flyway("two_owners").load().migrate())
                .hasMessageContaining("+74951110002: dealers Автодом Волга (id " + first + "), Автомир (id " + second
                        + ")");
        assertThat(old.fetchCount(DEALER_PHONE_NUMBERS)).as("nothing changed").isEqualTo(2);
    }

    /** A schema of its own, migrated as far as V5 (the last before V7 when it was written). */
    private DSLContext before(String schema) {
        flyway(schema).target("5").load().migrate();
        return DSL.using(pool(schema), SQLDialect.POSTGRES);
    }

    private DataSource pool(String schema) {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return db.newPool(url, 2, Duration.ofSeconds(10));
    }

    private FluentConfiguration flyway(String schema) {
        return Flyway.configure().dataSource(pool(schema)).locations(Migrations.LOCATION).schemas(schema);
    }

    private static long dealer(DSLContext dsl, String name) {
        return dsl.insertInto(DEALERS).set(DEALERS.NAME, name).returningResult(DEALERS.ID).fetchSingle().value1();
    }

    private static void number(DSLContext dsl, long dealer, String normalized) {
        dsl.insertInto(DEALER_PHONE_NUMBERS).set(DEALER_PHONE_NUMBERS.DEALER_ID, dealer)
                .set(DEALER_PHONE_NUMBERS.NUMBER, normalized).set(DEALER_PHONE_NUMBERS.NORMALIZED, normalized)
                .execute();
    }
}
