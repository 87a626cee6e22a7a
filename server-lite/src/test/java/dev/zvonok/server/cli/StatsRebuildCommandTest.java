package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.STATS_DAY_WORK;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_CALLS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_PARTS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_STALE;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.stats.StatsCalls;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code server-lite stats rebuild} against the configured database: the hourly rows again from the calls. */
class StatsRebuildCommandTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void recomputesEveryHourFromTheCallsAndAgainToTheSameRows() throws Exception {
        long anna = db.dsl().insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH, USERS.ROLE)
                .values("anna", "Anna", "-", "operator").returning(USERS.ID).fetchOne(USERS.ID);
        StatsCalls calls = new StatsCalls(db.dsl());
        Instant ten = Instant.parse("2026-11-10T07:00:00Z");
        // two calls at 10:xx UTC+0 07:xx, one at 12:xx: two hours
        long a = calls.call("a", "inbound", "+79990000001", null, "+74951234567", "sales", "answered", ten, 5, 65,
                null);
        calls.part(a, "777", anna, ten, 5, 65, "answered", 10_000L, null, null);
        calls.call("b", "inbound", "+79990000002", null, "+74951234567", "sales", "missed", ten.plusSeconds(60),
                null, 20, null);
        calls.call("c", "outbound", "777", anna, "+79990000003", null, "answered", ten.plusSeconds(7200), 3, 30,
                null);
        // Anna on lunch from 23:30 to 01:00 Moscow time (20:30 to 22:00 UTC): half an hour on one day, an hour on the next
        db.dsl().insertInto(WORK_STATUS_LOG).set(WORK_STATUS_LOG.USER_ID, anna)
                .set(WORK_STATUS_LOG.STATUS, "break").set(WORK_STATUS_LOG.REASON, "lunch")
                .set(WORK_STATUS_LOG.STARTED_AT, Instant.parse("2026-11-09T20:30:00Z").atOffset(ZoneOffset.UTC))
                .set(WORK_STATUS_LOG.ENDED_AT, Instant.parse("2026-11-09T22:00:00Z").atOffset(ZoneOffset.UTC))
                .set(WORK_STATUS_LOG.SOURCE, "app").execute();
        // the rows go wrong behind the server's back: lost, and nothing marked stale
        db.dsl().deleteFrom(STATS_HOUR_STALE).execute();
        db.dsl().deleteFrom(STATS_HOUR_CALLS).execute();
        db.dsl().deleteFrom(STATS_DAY_WORK).execute();
        Path config = dir.resolve("zvonok.conf");
        Files.writeString(config, "zvonok.database { url = \"" + db.jdbcUrl() + "\", user = \"" + db.user()
                + "\", password = \"" + (db.password() == null ? "" : db.password()) + "\" }\n");

        StringWriter out = new StringWriter();
        assertThat(run(out, "stats", "rebuild", "--config", config.toString())).as(out.toString()).isZero();

        assertThat(out.toString()).contains("Recomputed 2 hours of statistics and 2 rows of work time");
        // the configured zone is Moscow's (the default): 23:30–24:00 on the 9th, 00:00–01:00 on the 10th
        assertThat(db.dsl().select(STATS_DAY_WORK.DAY, STATS_DAY_WORK.SPENT_US).from(STATS_DAY_WORK)
                .orderBy(STATS_DAY_WORK.DAY).fetch(r -> r.value1().toInstant() + " " + r.value2()))
                .containsExactly("2026-11-08T21:00:00Z 1800000000", "2026-11-09T21:00:00Z 3600000000");
        List<String> rows = db.dsl().select(STATS_HOUR_CALLS.DIRECTION, STATS_HOUR_CALLS.QUEUE, STATS_HOUR_CALLS.ENDED,
                        STATS_HOUR_CALLS.ANSWERED, STATS_HOUR_CALLS.MISSED, STATS_HOUR_CALLS.WITHIN_THRESHOLD)
                .from(STATS_HOUR_CALLS).orderBy(STATS_HOUR_CALLS.HOUR).fetch(r -> r.intoList().toString());
        assertThat(rows)
                .containsExactly("[inbound, sales, 2, 1, 1, 1]", "[outbound, null, 1, 1, 0, 1]");
        assertThat(db.dsl().fetchCount(STATS_HOUR_PARTS)).as("Anna's part of a").isEqualTo(1);
        List<String> first = db.dsl().selectFrom(STATS_HOUR_CALLS).orderBy(STATS_HOUR_CALLS.HOUR)
                .fetch(r -> r.intoList().toString());

        StringWriter again = new StringWriter();
        assertThat(run(again, "stats", "rebuild", "--config", config.toString())).isZero();
        assertThat(db.dsl().selectFrom(STATS_HOUR_CALLS).orderBy(STATS_HOUR_CALLS.HOUR)
                .fetch(r -> r.intoList().toString()))
                .as("the same rows").isEqualTo(first);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine commandLine = ServerLite.commandLine(new ByteArrayInputStream(new byte[0]));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
