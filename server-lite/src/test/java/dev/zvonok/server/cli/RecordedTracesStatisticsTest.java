package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import dev.zvonok.server.tracking.ExpectedCalls;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The statistics of every recording of a real Asterisk (both sets), replayed through the whole server, equal the
 * figures of its ground truth ({@code expected-calls.json}): transfers, queues, ring groups, pickups and voicemail
 * counted right — a transferred call once, answered elsewhere nobody's miss, a pickup the picker's answer.
 */
class RecordedTracesStatisticsTest {

    private static final Map<String, String> LOGINS = Map.of("777", "ivanov", "888", "petrov", "999", "sidorov");
    private static final PhoneNumbers NUMBERS = PhoneNumbers.russian();
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private PbxReplay pbx;
    private LiveServer server;
    private StatsHttp http;

    @BeforeEach
    void start() {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        server = LiveServer.start(db.settings(), pbx.endpoint());
        http = new StatsHttp(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    @ParameterizedTest
    @FieldSource("dev.zvonok.server.cli.LiveDeliveryTest#TRACES")
    void theFiguresOfEveryRecordingAreThoseOfItsTruth(String trace) throws Exception {
        List<JsonNode> truth = ExpectedCalls.forTrace(trace);
        String days = replay(trace, truth.size());

        JsonNode summary = http.json("admin", "/api/stats/summary?" + days);
        Expected expected = Expected.of(truth);
        assertThat(summary.at("/inbound/total").asLong()).as(trace + " inbound").isEqualTo(expected.inbound("total"));
        for (String disposition : List.of("answered", "missed", "abandoned", "busy", "failed")) {
            assertThat(summary.at("/inbound/" + disposition).asLong()).as(trace + " inbound " + disposition)
                    .isEqualTo(expected.inbound(disposition));
        }
        for (String direction : List.of("outbound", "internal")) {
            assertThat(summary.at("/" + direction + "/total").asLong()).as(trace + " " + direction)
                    .isEqualTo(expected.count(direction, null));
            assertThat(summary.at("/" + direction + "/answered").asLong()).as(trace + " " + direction + " answered")
                    .isEqualTo(expected.count(direction, "answered"));
        }
        assertThat(summary.at("/callbacks/pending").asLong()).as(trace + " not called back")
                .isEqualTo(expected.pendingCallbacks());

        if (truth.stream().allMatch(call -> call.has("offers"))) {
            Map<String, String> operators = new TreeMap<>();
            http.json("admin", "/api/stats/operators?" + days).get("operators").forEach(o -> operators.put(
                    o.get("login").asText(), figures(o)));
            assertThat(operators).as(trace + " operators").isEqualTo(expected.operators());
        }
    }

    @Test
    void aBlindTransferIsOneCallAndTwoPartsNeitherOfThemLost() throws Exception {
        String days = replay("07-inbound-blind-transfer-777-to-888", 1);

        JsonNode summary = http.json("admin", "/api/stats/summary?" + days);
        assertThat(summary.at("/inbound/total").asLong()).isEqualTo(1);
        assertThat(summary.at("/inbound/answered").asLong()).isEqualTo(1);
        assertThat(summary.at("/inbound/missed").asLong()).isZero();
        JsonNode operators = http.json("admin", "/api/stats/operators?" + days).get("operators");
        // Иванов answered and passed it on; Петров took it over: two parts, two answers, one call
        assertThat(operators).extracting(o -> o.get("login").asText() + " " + figures(o)).containsExactly(
                "ivanov offers=1 answered=1 missed=0 elsewhere=0 in=0 out=1",
                "petrov offers=1 answered=1 missed=0 elsewhere=0 in=1 out=0");
        assertThat(summary.get("talkSeconds").asLong()).as("the two parts' talk, the call's own at most")
                .isLessThanOrEqualTo(Math.round(db.dsl().select(DSL.max(CALLS.TALK_MS)).from(CALLS)
                        .fetchOne().value1() / 1000.0) + 1);
    }

    @Test
    void aDirectedPickupIsThePickersAnswerAndTheRungPhoneIsNobodysMiss() throws Exception {
        String days = replay("pjsip/12-pjsip-directed-pickup-by-777", 1);

        JsonNode operators = http.json("admin", "/api/stats/operators?" + days).get("operators");
        // 999 rang, 777 picked it up: Иванов's answered part, Сидоров's answered elsewhere
        assertThat(operators).extracting(o -> o.get("login").asText() + " " + figures(o)).containsExactly(
                "ivanov offers=1 answered=1 missed=0 elsewhere=0 in=0 out=0",
                "sidorov offers=1 answered=0 missed=0 elsewhere=1 in=0 out=0");
        assertThat(http.json("admin", "/api/stats/summary?" + days).at("/inbound/acceptanceRate").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void aCallLeftToVoicemailIsMissedAndWaitsToBeCalledBack() throws Exception {
        String days = replay("pjsip/13-pjsip-voicemail-after-no-answer", 1);

        JsonNode summary = http.json("admin", "/api/stats/summary?" + days);
        assertThat(summary.at("/inbound/missed").asLong()).isEqualTo(1);
        assertThat(summary.at("/callbacks/pending").asLong()).isEqualTo(1);
        JsonNode callbacks = http.json("admin", "/api/stats/callbacks?" + days);
        assertThat(callbacks.get("items")).singleElement().satisfies(item ->
                assertThat(NUMBERS.normalize(item.get("number").asText())).isEqualTo("+79605550113"));
    }

    /** Plays a recording, waits for its calls in the database; the days they fall on, as a query. */
    private String replay(String trace, int calls) {
        pbx.player().schedule(TraceTimeline.loadResource("/ami-traces/" + trace + ".ami").events(), Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull()) == calls);
        var range = db.dsl().select(DSL.min(CALLS.STARTED_AT), DSL.max(CALLS.STARTED_AT)).from(CALLS).fetchOne();
        return "dateFrom=" + day(range.value1()) + "&dateTo=" + day(range.value2());
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(MOSCOW).toLocalDate();
    }

    private static String figures(JsonNode operator) {
        return "offers=" + operator.get("offers").asLong() + " answered=" + operator.get("answered").asLong()
                + " missed=" + operator.get("missed").asLong() + " elsewhere="
                + operator.get("answeredElsewhere").asLong() + " in=" + operator.get("transfersIn").asLong()
                + " out=" + operator.get("transfersOut").asLong();
    }

    /** The figures a recording's truth implies, by the definitions. */
    private record Expected(List<JsonNode> calls) {

        static Expected of(List<JsonNode> calls) {
            return new Expected(calls);
        }

        long inbound(String disposition) {
            return count("inbound", disposition.equals("total") ? null : disposition);
        }

        long count(String direction, String disposition) {
            return calls.stream().filter(c -> c.get("direction").asText().equals(direction))
                    .filter(c -> disposition == null || c.get("disposition").asText().equals(disposition)).count();
        }

        /** Missed or abandoned inbound calls whose number no answered call of the recording reached. */
        long pendingCallbacks() {
            return calls.stream()
                    .filter(c -> c.get("direction").asText().equals("inbound"))
                    .filter(c -> List.of("missed", "abandoned").contains(c.get("disposition").asText()))
                    .filter(missed -> calls.stream().noneMatch(later -> later.get("disposition").asText()
                            .equals("answered") && reaches(later, number(missed.get("caller")))))
                    .count();
        }

        private static boolean reaches(JsonNode call, String number) {
            return switch (call.get("direction").asText()) {
                case "inbound" -> number.equals(number(call.get("caller")));
                case "outbound" -> number.equals(number(call.get("dialed")));
                default -> false;
            };
        }

        private static String number(JsonNode raw) {
            return NUMBERS.normalize(raw.asText());
        }

        /** Per operator: each phone that rang is a part, a pickup a part answered; transfers from each side. */
        Map<String, String> operators() {
            Map<String, int[]> parts = new TreeMap<>();
            for (JsonNode call : calls) {
                call.get("offers").fields().forEachRemaining(offer -> {
                    int[] p = parts.computeIfAbsent(LOGINS.get(offer.getKey()), k -> new int[6]);
                    String result = offer.getValue().asText();
                    p[0]++;
                    if (result.equals("answered") || result.equals("transferred")) {
                        p[1]++;
                    }
                    if (result.equals("missed")) {
                        p[2]++;
                    }
                    if (result.equals("answered_elsewhere")) {
                        p[3]++;
                    }
                    if (result.equals("transferred")) {
                        p[5]++;
                    }
                });
                JsonNode answeredBy = call.get("answeredBy");
                if (call.get("direction").asText().equals("inbound") && answeredBy != null && !answeredBy.isNull()
                        && !call.get("offers").has(answeredBy.asText())) {
                    int[] p = parts.computeIfAbsent(LOGINS.get(answeredBy.asText()), k -> new int[6]);
                    p[0]++; // a pickup: the picker's part, answered
                    p[1]++;
                }
                if (call.has("transfers")) {
                    call.get("transfers").forEach(t -> parts.computeIfAbsent(LOGINS.get(t.get("to").asText()),
                            k -> new int[6])[4]++);
                }
            }
            Map<String, String> figures = new TreeMap<>();
            parts.forEach((login, p) -> figures.put(login, "offers=" + p[0] + " answered=" + p[1] + " missed=" + p[2]
                    + " elsewhere=" + p[3] + " in=" + p[4] + " out=" + p[5]));
            return figures;
        }
    }
}
