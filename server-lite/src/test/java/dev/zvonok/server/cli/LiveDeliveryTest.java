package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.model.ws.ServerMessage.CallAnswered;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.CallsRecord;
import dev.zvonok.server.tracking.ExpectedCalls;
import dev.zvonok.server.tracking.RecordedTraces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Recordings of a real Asterisk replayed to the whole server while several operators are connected: each gets
 * exactly the events of the calls that ring on their own phone, and nobody else's. Every recording (Asterisk 20 with
 * chan_sip, Asterisk 22 with chan_pjsip) gives every operator one card per call they take part in — whatever the
 * number of their devices that rang, a pickup included — ending the way the recording's truth says, and the database
 * the true calls.
 */
class LiveDeliveryTest {

    /**
     * All but the one that starts with calls already up at login (its channel list answers the recorder's own
     * CoreShowChannels): it only makes sense played as the PBX a client logs in to, as TraceReplayTest does.
     */
    static final List<String> TRACES = RecordedTraces.ALL.stream()
            .filter(trace -> !trace.equals("13-resync-coreshowchannels-status")).toList();

    private static final Map<String, String> LOGINS = Map.of("777", "ivanov", "888", "petrov", "999", "sidorov");
    private static final PhoneNumbers NUMBERS = PhoneNumbers.russian();

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final ReplayedServer replayed = new ReplayedServer(db);

    @Test
    void aRingGroupRingsBothMembersAndClosesTheLosersCard() throws Exception {
        try (OperatorClient ivanov = replayed.server().operator("ivanov");
             OperatorClient petrov = replayed.server().operator("petrov");
             OperatorClient sidorov = replayed.server().operator("sidorov")) {
            replayed.play("06-inbound-ringgroup-777-answers");

            IncomingCall ivanovRing = ivanov.await(IncomingCall.class);
            IncomingCall petrovRing = petrov.await(IncomingCall.class);
            assertThat(ivanovRing.callId()).isEqualTo(petrovRing.callId());
            assertThat(ivanovRing.extension()).isEqualTo("777");
            assertThat(petrovRing.extension()).isEqualTo("888");
            assertThat(ivanovRing.callerNumber()).isEqualTo("+79271390907");
            assertThat(ivanovRing.caller().kind()).isEqualTo(CallerKind.DEALER);
            assertThat(ivanovRing.caller().name()).isEqualTo("Автодом Волга");
            assertThat(ivanovRing.caller().company()).isEqualTo("ООО «Волга-Авто»");
            assertThat(ivanovRing.dialed()).isEqualTo("+74951234500");

            CallAnswered ivanovAnswer = ivanov.await(CallAnswered.class);
            assertThat(ivanovAnswer.answeredElsewhere()).isFalse();
            CallAnswered petrovHint = petrov.await(CallAnswered.class);
            assertThat(petrovHint.answeredElsewhere()).isTrue();
            assertThat(petrovHint.answeredBy()).isEqualTo("777");
            assertThat(petrovHint.answeredByName()).isEqualTo("Иван Иванов");

            CallEnded ended = ivanov.await(CallEnded.class);
            assertThat(ended.result()).isEqualTo(OfferResult.ANSWERED);
            assertThat(ended.awaitingFinish()).isTrue();
            assertThat(ended.talkSeconds()).as("played ten times faster: 4 s of talk take 0.4 s").isZero();

            // each socket answers a ping after what the server sent it before: the call's end came first
            assertThat(petrov.drainUntilPong()).as("nothing more for the loser, but perhaps its history")
                    .allMatch(ServerMessage.CallHistory.class::isInstance);
            assertThat(sidorov.drainUntilPong()).as("999 never rang").isEmpty();
        }
    }

    @Test
    void theCardGetsTheCallersLastCallsWithoutWaitingForThem() throws Exception {
        try (OperatorClient ivanov = replayed.server().operator("ivanov")) {
            replayed.play("01-inbound-answered-caller-hangup");
            String first = ivanov.await(IncomingCall.class).callId();
            ivanov.await(CallEnded.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull()) == 1);
            ClientInfo anna = new ClientInfo("Анна Смирнова", null, "Самара, ул. Мичурина 21", null);
            // what Иванов put on the first call's card
            assertThat(db.dsl().update(CALL_OFFERS)
                    .set(CALL_OFFERS.TAGS, new String[] {"гарантия"})
                    .set(CALL_OFFERS.PRIORITY, "urgent")
                    .set(CALL_OFFERS.CLIENT_INFO, JSONB.valueOf(
                            "{\"name\":\"Анна Смирнова\",\"address\":\"Самара, ул. Мичурина 21\"}"))
                    .where(CALL_OFFERS.EXTENSION.eq("777"))
                    .execute()).isEqualTo(1);

            replayed.play("02-inbound-no-answer");
            IncomingCall ring = ivanov.await(IncomingCall.class);
            assertThat(ring.callId()).isNotEqualTo(first);
            ServerMessage.CallHistory later = ring.history() != null ? null
                    : ivanov.await(ServerMessage.CallHistory.class, h -> h.callId().equals(ring.callId()));
            List<HistoryEntry> history = later == null ? ring.history() : later.history();
            ClientInfo knownClient = later == null ? ring.knownClient() : later.knownClient();

            assertThat(history).singleElement().satisfies(earlier -> {
                assertThat(earlier.disposition()).isEqualTo(CallDisposition.ANSWERED);
                assertThat(earlier.operator()).isEqualTo("Иван Иванов");
                assertThat(earlier.operatorExtension()).isEqualTo("777");
                assertThat(earlier.tags()).containsExactly("гарантия");
                assertThat(earlier.priority()).isEqualTo(Priority.URGENT);
                assertThat(earlier.clientInfo()).isEqualTo(anna);
            });
            assertThat(knownClient).as("the last call's client, the dealer's name where nobody wrote a company")
                    .isEqualTo(new ClientInfo("Анна Смирнова", "Автодом Волга", "Самара, ул. Мичурина 21", null));
        }
    }

    @Test
    void aQueueCallReachesEveryRingingMemberAndOnlyThem() throws Exception {
        try (OperatorClient ivanov = replayed.server().operator("ivanov");
             OperatorClient petrov = replayed.server().operator("petrov");
             OperatorClient sidorov = replayed.server().operator("sidorov")) {
            replayed.play("05-inbound-queue-answered-by-888");

            assertThat(ivanov.await(IncomingCall.class).queue()).isEqualTo("support");
            assertThat(petrov.await(IncomingCall.class).queue()).isEqualTo("support");
            assertThat(ivanov.await(CallAnswered.class).answeredBy()).isEqualTo("888");
            assertThat(petrov.await(CallAnswered.class).answeredElsewhere()).isFalse();
            assertThat(petrov.await(CallEnded.class).result()).isEqualTo(OfferResult.ANSWERED);
            assertThat(sidorov.drainUntilPong()).isEmpty();
        }
    }

    @Test
    void aBlindTransferEndsTheFirstCardAndRingsTheTargetWithWhoPassedIt() throws Exception {
        try (OperatorClient ivanov = replayed.server().operator("ivanov");
             OperatorClient petrov = replayed.server().operator("petrov")) {
            replayed.play("07-inbound-blind-transfer-777-to-888");

            IncomingCall first = ivanov.await(IncomingCall.class);
            ivanov.await(CallAnswered.class);
            ServerMessage.CallTransferred transferred = ivanov.await(ServerMessage.CallTransferred.class);
            assertThat(transferred.to()).isEqualTo("888");
            assertThat(transferred.kind()).isEqualTo(TransferKind.BLIND);
            CallEnded ivanovEnd = ivanov.await(CallEnded.class);
            assertThat(ivanovEnd.result()).isEqualTo(OfferResult.TRANSFERRED);
            assertThat(ivanovEnd.awaitingFinish()).as("he may still write his notes").isTrue();

            IncomingCall second = petrov.await(IncomingCall.class);
            assertThat(second.callId()).isEqualTo(first.callId());
            assertThat(second.transferredFrom()).isEqualTo("777");
            assertThat(second.caller().name()).isEqualTo("Автодом Волга");
            assertThat(petrov.await(CallAnswered.class).answeredElsewhere()).isFalse();
            assertThat(petrov.await(CallEnded.class).result()).isEqualTo(OfferResult.ANSWERED);
        }
    }

    @Test
    void overlappingCallsEachReachOnlyTheirOperator() throws Exception {
        try (OperatorClient ivanov = replayed.server().operator("ivanov");
             OperatorClient petrov = replayed.server().operator("petrov")) {
            replayed.play("11-two-overlapping-inbound");

            IncomingCall a = ivanov.await(IncomingCall.class);
            IncomingCall b = petrov.await(IncomingCall.class);
            assertThat(a.callId()).isNotEqualTo(b.callId());
            assertThat(a.callerNumber()).isEqualTo("+79991234567");
            assertThat(a.caller().name()).isEqualTo("ООО Ромашка");
            assertThat(b.callerNumber()).isEqualTo("+79271390907");
            ivanov.await(CallEnded.class);
            petrov.await(CallEnded.class);

            List<ServerMessage> restOfIvanov = ivanov.drainUntilPong();
            assertThat(restOfIvanov).noneMatch(message -> message.toString().contains(b.callId()));
            assertThat(petrov.drainUntilPong()).noneMatch(message -> message.toString().contains(a.callId()));
        }
    }

    @Test
    void anAttendedTransferShowsTheTargetWhoIsCallingBeforeTheHandOver() throws Exception {
        try (OperatorClient ivanov = replayed.server().operator("ivanov");
             OperatorClient petrov = replayed.server().operator("petrov")) {
            replayed.play("08-inbound-attended-transfer-777-to-888");

            IncomingCall customer = ivanov.await(IncomingCall.class);
            ivanov.await(CallAnswered.class);
            // Ivanov consults Petrov: Petrov's card already shows the customer and who passes the call on
            IncomingCall consult = petrov.await(IncomingCall.class);
            assertThat(consult.callId()).isEqualTo(customer.callId());
            assertThat(consult.transferredFrom()).isEqualTo("777");
            assertThat(consult.caller().name()).isEqualTo("Автодом Волга");
            assertThat(petrov.await(CallAnswered.class).answeredElsewhere()).isFalse();

            ServerMessage.CallTransferred handOver = ivanov.await(ServerMessage.CallTransferred.class);
            assertThat(handOver.kind()).isEqualTo(TransferKind.ATTENDED);
            assertThat(handOver.to()).isEqualTo("888");
            assertThat(ivanov.await(CallEnded.class).result()).isEqualTo(OfferResult.TRANSFERRED);
            assertThat(petrov.await(CallEnded.class).result()).isEqualTo(OfferResult.ANSWERED);
        }
    }

    @Test
    void healthTurns503WhileThePbxIsAwayAndBackTo200() throws Exception {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + replayed.server().port() + "/health")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        replayed.pbx().endpoint().refuseConnectionsFor(Duration.ofSeconds(2));
        replayed.pbx().endpoint().dropAllConnections();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 503);
        var degraded = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(degraded.body()).isEqualTo("{\"status\":\"degraded\"}");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    @ParameterizedTest
    @FieldSource("TRACES")
    void everyOperatorGetsOneTrueCardPerCallAndTheDatabaseTheTrueCalls(String trace) throws Exception {
        List<JsonNode> expected = ExpectedCalls.forTrace(trace);
        Map<String, OperatorClient> operators = new TreeMap<>();
        for (Map.Entry<String, String> operator : LOGINS.entrySet()) {
            operators.put(operator.getKey(), replayed.server().operator(operator.getValue()));
        }
        try {
            replayed.play(trace);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull()) == expected.size());
            assertThat(db.dsl().fetchCount(CALLS)).as("calls stored, none of a feature code or consultation")
                    .isEqualTo(expected.size());

            Map<String, Map<String, String>> cardsByOperator = new HashMap<>();
            Set<String> unspecified = new HashSet<>(); // calls whose truth names no offers: their cards are not judged
            for (JsonNode call : expected) {
                CallsRecord stored = storedCall(call);
                String what = trace + " call from " + call.get("caller").asText();
                assertThat(stored.getDisposition()).as(what + " disposition").isEqualTo(call.get("disposition").asText());
                assertThat(stored.getAnsweredByExtension()).as(what + " answered by").isEqualTo(answeredBy(call));
                if (!call.has("offers")) {
                    unspecified.add(stored.getLinkedid());
                    continue;
                }
                for (Map.Entry<String, String> part : parts(call).entrySet()) {
                    cardsByOperator.computeIfAbsent(part.getKey(), k -> new LinkedHashMap<>())
                            .put(stored.getLinkedid(), part.getValue());
                }
                assertStoredOffers(what, stored, call);
            }

            for (Map.Entry<String, OperatorClient> operator : operators.entrySet()) {
                Map<String, String> cards = cardsByOperator.getOrDefault(operator.getKey(), Map.of());
                assertCards(trace + " " + operator.getKey(), operator.getValue().drainUntilPong(), cards, unspecified);
            }
        } finally {
            for (OperatorClient client : operators.values()) {
                client.close();
            }
        }
    }

    /** Each operator's part in the call and how it ends: the phones that rang, and a pickup's answer (if any). */
    private static Map<String, String> parts(JsonNode call) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (call.has("offers")) {
            call.get("offers").fields().forEachRemaining(o -> parts.put(o.getKey(), o.getValue().asText()));
        }
        String answeredBy = answeredBy(call);
        if (answeredBy != null && call.get("direction").asText().equals("inbound")) {
            parts.putIfAbsent(answeredBy, OfferResult.ANSWERED.wireName()); // a pickup
        }
        return parts;
    }

    private static String answeredBy(JsonNode call) {
        JsonNode answeredBy = call.get("answeredBy");
        return answeredBy == null || answeredBy.isNull() ? null : answeredBy.asText();
    }

    private static void assertCards(String who, List<ServerMessage> messages, Map<String, String> expected,
                                    Set<String> unspecified) {
        Map<String, Integer> rings = new HashMap<>();
        for (ServerMessage message : messages) {
            if (message instanceof IncomingCall ring) {
                if (ring.replaces() != null) {
                    rings.remove(ring.replaces()); // a consultation call merged into the customer's: the same card
                }
                rings.merge(ring.callId(), 1, Integer::sum);
            }
        }
        rings.keySet().removeAll(unspecified);
        assertThat(rings.keySet()).as(who + ": the calls that popped up a card").isEqualTo(expected.keySet());
        assertThat(rings.values()).as(who + ": one card per call, whatever the devices").allMatch(count -> count == 1);
        for (Map.Entry<String, String> card : expected.entrySet()) {
            String callId = card.getKey();
            String result = card.getValue();
            if (result.equals(OfferResult.ANSWERED_ELSEWHERE.wireName())) {
                assertThat(messages).as(who + ": closed, answered by a colleague who is named")
                        .anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(CallAnswered.class, a -> {
                            assertThat(a.callId()).isEqualTo(callId);
                            assertThat(a.answeredElsewhere()).isTrue();
                            assertThat(a.answeredBy()).isNotBlank();
                        }));
                continue;
            }
            List<CallEnded> ends = messages.stream().filter(CallEnded.class::isInstance).map(CallEnded.class::cast)
                    .filter(end -> end.callId().equals(callId)).toList();
            assertThat(ends).as(who + ": how the card of " + callId + " ended").isNotEmpty();
            CallEnded last = ends.getLast();
            assertThat(last.result().wireName()).as(who + ": result of " + callId).isEqualTo(result);
            boolean talked = result.equals("answered") || result.equals("transferred");
            assertThat(last.awaitingFinish()).as(who + ": waits for Finish and close").isEqualTo(talked);
        }
    }

    private static CallsRecord storedCall(JsonNode call) {
        String caller = NUMBERS.normalize(call.get("caller").asText());
        return db.dsl().selectFrom(CALLS).where(CALLS.CALLER_NUMBER.eq(caller)).fetchSingle();
    }

    private static void assertStoredOffers(String what, CallsRecord stored, JsonNode call) {
        Map<String, String> offers = new TreeMap<>();
        Map<String, String> pickups = new TreeMap<>();
        db.dsl().selectFrom(CALL_OFFERS).where(CALL_OFFERS.CALL_ID.eq(stored.getId())).fetch().forEach(o ->
                (o.getPickedUp() ? pickups : offers).put(o.getExtension(), o.getResult()));
        if (call.has("offers")) {
            Map<String, String> rang = new TreeMap<>();
            call.get("offers").fields().forEachRemaining(o -> rang.put(o.getKey(), o.getValue().asText()));
            assertThat(offers).as(what + " stored offers").isEqualTo(rang);
        }
        assertThat(pickups).as(what + " stored pickups").allSatisfy((extension, result) -> {
            assertThat(extension).isEqualTo(stored.getAnsweredByExtension());
            assertThat(result).isEqualTo("answered");
        });
    }
}
