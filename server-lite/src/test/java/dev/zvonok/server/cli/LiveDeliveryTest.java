package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.CallAnswered;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recordings of a real Asterisk replayed to the whole server while several operators are connected: each gets
 * exactly the events of the calls that ring on their own phone, and nobody else's.
 */
class LiveDeliveryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private PbxReplay pbx;
    private LiveServer server;

    @BeforeEach
    void start() {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        server = LiveServer.start(db.settings(), pbx.endpoint());
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    private void play(String trace) {
        pbx.player().schedule(TraceTimeline.loadResource("/ami-traces/" + trace + ".ami").events(), Duration.ZERO);
    }

    @Test
    void aRingGroupRingsBothMembersAndClosesTheLosersCard() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov");
             OperatorClient sidorov = server.operator("sidorov")) {
            play("06-inbound-ringgroup-777-answers");

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

            assertThat(petrov.drain(Duration.ofMillis(300))).as("nothing more for the loser, but perhaps its history")
                    .allMatch(ServerMessage.CallHistory.class::isInstance);
            assertThat(sidorov.drain(Duration.ZERO)).as("999 never rang").isEmpty();
        }
    }

    @Test
    void theCardGetsTheCallersLastCallsWithoutWaitingForThem() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            play("01-inbound-answered-caller-hangup");
            String first = ivanov.await(IncomingCall.class).callId();
            ivanov.await(CallEnded.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull()) == 1);

            play("02-inbound-no-answer");
            IncomingCall ring = ivanov.await(IncomingCall.class);
            assertThat(ring.callId()).isNotEqualTo(first);
            List<HistoryEntry> history = ring.history() != null ? ring.history()
                    : ivanov.await(ServerMessage.CallHistory.class, h -> h.callId().equals(ring.callId())).history();

            assertThat(history).singleElement().satisfies(earlier -> {
                assertThat(earlier.disposition()).isEqualTo(CallDisposition.ANSWERED);
                assertThat(earlier.operator()).isEqualTo("Иван Иванов");
            });
        }
    }

    @Test
    void aQueueCallReachesEveryRingingMemberAndOnlyThem() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov");
             OperatorClient sidorov = server.operator("sidorov")) {
            play("05-inbound-queue-answered-by-888");

            assertThat(ivanov.await(IncomingCall.class).queue()).isEqualTo("support");
            assertThat(petrov.await(IncomingCall.class).queue()).isEqualTo("support");
            assertThat(ivanov.await(CallAnswered.class).answeredBy()).isEqualTo("888");
            assertThat(petrov.await(CallAnswered.class).answeredElsewhere()).isFalse();
            assertThat(petrov.await(CallEnded.class).result()).isEqualTo(OfferResult.ANSWERED);
            assertThat(sidorov.drain(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void aBlindTransferEndsTheFirstCardAndRingsTheTargetWithWhoPassedIt() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov")) {
            play("07-inbound-blind-transfer-777-to-888");

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
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov")) {
            play("11-two-overlapping-inbound");

            IncomingCall a = ivanov.await(IncomingCall.class);
            IncomingCall b = petrov.await(IncomingCall.class);
            assertThat(a.callId()).isNotEqualTo(b.callId());
            assertThat(a.callerNumber()).isEqualTo("+79991234567");
            assertThat(a.caller().name()).isEqualTo("ООО Ромашка");
            assertThat(b.callerNumber()).isEqualTo("+79271390907");
            ivanov.await(CallEnded.class);
            petrov.await(CallEnded.class);

            List<ServerMessage> restOfIvanov = ivanov.drain(Duration.ofMillis(300));
            assertThat(restOfIvanov).noneMatch(message -> message.toString().contains(b.callId()));
            assertThat(petrov.drain(Duration.ZERO)).noneMatch(message -> message.toString().contains(a.callId()));
        }
    }

    @Test
    void anAttendedTransferShowsTheTargetWhoIsCallingBeforeTheHandOver() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov")) {
            play("08-inbound-attended-transfer-777-to-888");

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
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        pbx.endpoint().refuseConnectionsFor(Duration.ofSeconds(2));
        pbx.endpoint().dropAllConnections();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 503);
        var degraded = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(degraded.body()).isEqualTo("{\"status\":\"degraded\"}");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }
}
