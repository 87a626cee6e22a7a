package dev.zvonok.server.db;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestDatabaseTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void theDatabaseIsMigrated() {
        assertThat(db.dsl().fetchValue(DSL.select(DSL.field(DSL.name("version"), String.class))
                .from(DSL.table(DSL.name("flyway_schema_history")))
                .where(DSL.field(DSL.name("success"), Boolean.class).isTrue())
                .orderBy(DSL.field(DSL.name("installed_rank")).desc())
                .limit(1))).isEqualTo("17");
        assertThat(db.dsl().fetchCount(DSL.table(DSL.name("information_schema", "triggers")),
                DSL.field(DSL.name("trigger_name"), String.class).like("%directory_changed")))
                .as("the directory's NOTIFY triggers, one row per table and operation").isEqualTo(9 * 3);
        assertThat(db.databaseName()).startsWith("zvonok_test_").contains("testdatabasetest");
        assertThat(db.jdbcUrl()).endsWith("/" + db.databaseName());
    }

    @Test
    void cleanEmptiesTheTables() {
        db.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "ООО Ромашка").execute();
        db.clean();
        assertThat(db.dsl().fetchCount(COMPANIES)).isZero();
        long id = db.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "ООО Ромашка").returningResult(COMPANIES.ID)
                .fetchSingle().value1();
        assertThat(id).as("ids restart").isEqualTo(1);
    }

    /** Registered on an instance field, every test method gets a database of its own. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerMethod {

        private static final Set<String> seen = new HashSet<>();

        @RegisterExtension
        final TestDatabase own = new TestDatabase();

        @Test
        @Order(1)
        void first() {
            own.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "first").execute();
            assertThat(seen.add(own.databaseName())).isTrue();
        }

        @Test
        @Order(2)
        void second() {
            assertThat(own.dsl().fetchCount(COMPANIES)).isZero();
            assertThat(seen.add(own.databaseName())).isTrue();
            assertThat(own.databaseName()).isNotEqualTo(db.databaseName());
        }
    }
}
