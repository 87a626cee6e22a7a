package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.AUDIT_LOG;
import static dev.zvonok.server.db.schema.Tables.CALLBACK_ASSIGNMENTS;
import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.stats.CallbackAssignmentRequest;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.callbacks.CallbackAssignments;
import dev.zvonok.server.callbacks.ReachedCallbacks;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.AuditLogRecord;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.stats.StatsCalls;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Assign to an operator" of the call-back list through the whole server, against real PostgreSQL and over the real
 * WebSocket. The team "Альфа" is the supervisor (Анна Смирнова), Иванов and Петров; Сидоров is in "Бета". The day is
 * 2026-11-10 in Moscow: m1 at 10:10 rang Иванов and nobody answered; m2 at 10:20 rang Сидоров only.
 */
class CallbackAssignmentTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ObjectMapper JSON = Json.mapper();
    private static final String DAY = "dateFrom=2026-11-10&dateTo=2026-11-10";
    private static final Instant TEN = Instant.parse("2026-11-10T07:00:00Z");
    private static final String M1_NUMBER = "+79990000002";

    private CallServer server;
    private StatsHttp http;
    private long ivanov;
    private long petrov;
    private long sidorov;
    private long m1;
    private long m2;
    private long answered;

    @BeforeEach
    void aTeamAndTwoMissedCalls() {
        db.clean();
        server = start();
        new DemoDirectorySeeder(server.users(), server.companies(), server.dealers(), PhoneNumbers.russian()).seed();
        ivanov = id("ivanov");
        petrov = id("petrov");
        sidorov = id("sidorov");
        long alpha = db.dsl().insertInto(TEAMS, TEAMS.NAME).values("Альфа").returning(TEAMS.ID).fetchOne(TEAMS.ID);
        for (long member : new long[] {id("supervisor"), ivanov, petrov}) {
            db.dsl().insertInto(USER_TEAMS, USER_TEAMS.USER_ID, USER_TEAMS.TEAM_ID).values(member, alpha).execute();
        }
        long beta = db.dsl().insertInto(TEAMS, TEAMS.NAME).values("Бета").returning(TEAMS.ID).fetchOne(TEAMS.ID);
        db.dsl().insertInto(USER_TEAMS, USER_TEAMS.USER_ID, USER_TEAMS.TEAM_ID).values(sidorov, beta).execute();
        StatsCalls calls = new StatsCalls(db.dsl());
        Instant m1At = TEN.plusSeconds(600);
        m1 = calls.call("m1", "inbound", M1_NUMBER, null, "+74951234567", null, "missed", m1At, null, 25, "ООО Ромашка");
        calls.part(m1, "777", ivanov, m1At, null, 25, "missed", null, null, null);
        Instant m2At = TEN.plusSeconds(1200);
        m2 = calls.call("m2", "inbound", "+79990000007", null, "+74951234567", null, "missed", m2At, null, 30, null);
        calls.part(m2, "999", sidorov, m2At, null, 30, "missed", null, null, null);
        Instant a1At = TEN.plusSeconds(1500);
        answered = calls.call("a1", "inbound", "+79990000001", null, "+74951234567", null, "answered", a1At, 5, 60,
                null);
        calls.part(answered, "777", ivanov, a1At, 5, 60, "answered", 1000L, null, null);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAssignedOperatorAloneIsToldAndTheListShowsWhoHasIt() throws Exception {
        try (OperatorClient petrovsApp = OperatorClient.connect(server.httpPort(), "petrov");
             OperatorClient ivanovsApp = OperatorClient.connect(server.httpPort(), "ivanov")) {
            JsonNode assignment = ok(assign("supervisor", m1, petrov));
            assertThat(assignment.get("userName").asText()).isEqualTo("Пётр Петров");
            assertThat(assignment.get("assignedByName").asText()).isEqualTo("Анна Смирнова");
            assertThat(assignment.get("number").asText()).isEqualTo(M1_NUMBER);

            ServerMessage.CallbackAssigned told = petrovsApp.await(ServerMessage.CallbackAssigned.class);
            assertThat(told.callback().callId()).isEqualTo(m1);
            assertThat(told.callback().number()).isEqualTo(M1_NUMBER);
            assertThat(told.callback().callerName()).isEqualTo("ООО Ромашка");
            assertThat(told.callback().assignedByName()).isEqualTo("Анна Смирнова");
            assertThat(ivanovsApp.drainUntilPong()).as("nothing for Иванов")
                    .noneMatch(m -> m instanceof ServerMessage.CallbackAssigned
                            || m instanceof ServerMessage.CallbackWithdrawn);

            JsonNode item = http.json("supervisor", "/api/stats/callbacks?" + DAY).get("items").get(0);
            assertThat(item.get("assignedToId").asLong()).isEqualTo(petrov);
            assertThat(item.get("assignedToName").asText()).isEqualTo("Пётр Петров");
            assertThat(item.get("assignedByName").asText()).isEqualTo("Анна Смирнова");
            assertThat(item.get("assignedAt").isNull()).isFalse();
            JsonNode admins = http.json("admin", "/api/stats/callbacks?" + DAY).get("items");
            assertThat(admins).extracting(i -> i.get("assignedToName").asText(null))
                    .as("m1 Петров's, m2 nobody's").containsExactly("Пётр Петров", null);
            assertThat(http.json("petrov", "/api/callbacks/mine").get("callbacks"))
                    .extracting(c -> c.get("callId").asLong()).containsExactly(m1);
            assertThat(http.json("ivanov", "/api/callbacks/mine").get("callbacks")).isEmpty();

            // given to Иванов instead: Петров loses it, Иванов gets it
            ok(assign("supervisor", m1, ivanov));
            assertThat(petrovsApp.await(ServerMessage.CallbackWithdrawn.class).callId()).isEqualTo(m1);
            assertThat(ivanovsApp.await(ServerMessage.CallbackAssigned.class).callback().callId()).isEqualTo(m1);
            assertThat(http.json("petrov", "/api/callbacks/mine").get("callbacks")).isEmpty();

            // and to nobody
            assertThat(http.send("supervisor", "DELETE", assignmentOf(m1), null).statusCode()).isEqualTo(204);
            assertThat(ivanovsApp.await(ServerMessage.CallbackWithdrawn.class).number()).isEqualTo(M1_NUMBER);
            assertThat(http.json("supervisor", "/api/stats/callbacks?" + DAY).get("items").get(0)
                    .get("assignedToName").isNull()).isTrue();
        }
        assertThat(db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY.eq("callback")).orderBy(AUDIT_LOG.ID)
                .fetch()).extracting(AuditLogRecord::getAction, AuditLogRecord::getActorLogin,
                        AuditLogRecord::getEntityId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("assign", "supervisor", m1),
                        org.assertj.core.groups.Tuple.tuple("assign", "supervisor", m1),
                        org.assertj.core.groups.Tuple.tuple("unassign", "supervisor", m1));
        AuditLogRecord reassigned = db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY.eq("callback"))
                .orderBy(AUDIT_LOG.ID).limit(1).offset(1).fetchOne();
        assertThat(JSON.readTree(reassigned.getBeforeState()).get("userId").asLong()).isEqualTo(petrov);
        assertThat(JSON.readTree(reassigned.getAfterState()).get("userId").asLong()).isEqualTo(ivanov);
    }

    @Test
    void aSupervisorGivesCallsOnlyToTheirTeamsAdminsToAnybody() throws Exception {
        assertError(assign("supervisor", m1, sidorov), 403, "forbidden");
        assertError(assign("ivanov", m1, petrov), 403, "forbidden");
        assertError(assign("supervisor", 999_999, petrov), 404, "not-found");
        assertError(assign("supervisor", answered, petrov), 404, "not-found");
        assertError(assign("supervisor", m1, 999_999), 404, "not-found");
        assertError(http.send("supervisor", "POST", assignmentOf(m1), "{}"), 400, "bad-request");

        // m2 rang Бета's Сидоров only: not a call of the supervisor's teams, as if it did not exist
        assertError(assign("supervisor", m2, petrov), 404, "not-found");
        assertError(http.send("supervisor", "DELETE", assignmentOf(m2), null), 404, "not-found");

        ok(assign("admin", m1, sidorov));
        // their team's call, but Сидоров's now: a supervisor of another team neither takes it nor withdraws it
        assertError(assign("supervisor", m1, petrov), 403, "forbidden");
        assertError(http.send("supervisor", "DELETE", assignmentOf(m1), null), 403, "forbidden");
        assertThat(http.json("sidorov", "/api/callbacks/mine").get("callbacks"))
                .extracting(c -> c.get("callId").asLong()).containsExactly(m1);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("callback"))).as("only what was done")
                .isEqualTo(1);
    }

    @Test
    void anAssignmentSurvivesARestartAndEndsOnceTheNumberIsReached() throws Exception {
        ok(assign("supervisor", m1, petrov));
        server.close();
        server = start();

        assertThat(http.json("petrov", "/api/callbacks/mine").get("callbacks"))
                .extracting(c -> c.get("number").asText()).containsExactly(M1_NUMBER);
        assertThat(http.json("supervisor", "/api/stats/callbacks?" + DAY).get("items").get(0)
                .get("assignedToName").asText()).isEqualTo("Пётр Петров");

        // the caller rings again at 11:00 and Иванов answers: reached, so nobody has it to call back any more
        StatsCalls calls = new StatsCalls(db.dsl());
        Instant again = TEN.plusSeconds(3600);
        long back = calls.call("r1", "inbound", M1_NUMBER, null, "+74951234567", null, "answered", again, 3, 40, null);
        calls.part(back, "777", ivanov, again, 3, 40, "answered", 1000L, null, null);
        assertThat(http.json("petrov", "/api/callbacks/mine").get("callbacks")).isEmpty();
        assertThat(http.json("supervisor", "/api/stats/callbacks?" + DAY).get("total").asLong()).isZero();
        assertError(assign("supervisor", m1, petrov), 404, "not-found");
    }

    @Test
    void aNumberReachedEndsItsAssignmentAndTellsTheOperator() throws Exception {
        ok(assign("supervisor", m1, petrov));
        ok(assign("admin", m2, sidorov));
        List<Map.Entry<Long, ServerMessage>> told = new ArrayList<>();
        ReachedCallbacks reached = new ReachedCallbacks(new CallbackAssignments(db.dsl()), () -> 0,
                (userId, message) -> told.add(Map.entry(userId, message)));
        assertThat(reached.check()).as("nobody reached yet").isZero();

        // Петров calls m1's number back at 11:00 and it answers
        StatsCalls calls = new StatsCalls(db.dsl());
        Instant back = TEN.plusSeconds(3600);
        long o1 = calls.call("o1", "outbound", "888", petrov, M1_NUMBER, null, "answered", back, 4, 64, null);
        calls.part(o1, "888", petrov, back, 4, 64, "answered", 1000L, null, null);

        assertThat(reached.check()).isOne();
        assertThat(told).containsExactly(Map.entry(petrov, new ServerMessage.CallbackWithdrawn(m1, M1_NUMBER)));
        assertThat(db.dsl().fetchCount(CALLBACK_ASSIGNMENTS)).as("m2's only").isOne();
        assertThat(reached.check()).as("told once").isZero();
    }

    private CallServer start() {
        server = CallServer.open(db.settings(), PhoneNumbers.russian(),
                new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")), AuthSettings.defaults());
        http = new StatsHttp(server.httpPort());
        return server;
    }

    private HttpResponse<byte[]> assign(String login, long callId, long userId) throws Exception {
        return http.send(login, "POST", assignmentOf(callId), new CallbackAssignmentRequest(userId));
    }

    private static String assignmentOf(long callId) {
        return "/api/stats/callbacks/" + callId + "/assignment";
    }

    private static JsonNode ok(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    private static long id(String login) {
        return db.dsl().select(USERS.ID).from(USERS).where(USERS.LOGIN.eq(login)).fetchOne(USERS.ID);
    }
}
