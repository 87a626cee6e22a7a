package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.LineDetails;
import dev.zvonok.server.directory.LineKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The card names the line a call came in on as the directory names it at the ring, and the call's history keeps the
 * name it had then: renaming a line changes the next card, not the stored calls.
 */
class LineOnCardTest {

    /** The incoming number the recorded queue calls dial (chan_sip's and pjsip's recordings alike). */
    private static final String QUEUE_LINE = "+74951234567";
    /** The incoming number of the recorded ring group. */
    private static final String RING_GROUP_LINE = "+74951234500";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final ReplayedServer replayed = new ReplayedServer(db);

    private Line line(LineKind kind, String number, String name, String source) {
        return replayed.server().server.lines().create(new LineDetails(kind, number, name, source, null, null),
                ChangeRecorder.none());
    }

    private void awaitEnded(String callId) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.dsl().fetchCount(CALLS, CALLS.LINKEDID.eq(callId), CALLS.ENDED_AT.isNotNull()) == 1);
    }

    @Test
    void theCardNamesTheLineOfTheDialledNumberAndARenameChangesTheNextCardNotTheHistory() throws Exception {
        Line avito = line(LineKind.DID, "8 (495) 123-45-67", "Реклама Авито", "avito-2026");
        try (OperatorClient petrov = replayed.server().operator("petrov")) {
            replayed.play("05-inbound-queue-answered-by-888");
            IncomingCall first = petrov.await(IncomingCall.class);
            assertThat(first.dialed()).isEqualTo(QUEUE_LINE);
            assertThat(first.line()).isEqualTo(new LineView("Реклама Авито", "avito-2026"));
            petrov.await(CallEnded.class);
            awaitEnded(first.callId());

            replayed.server().server.lines().update(avito.id(), new LineDetails(LineKind.DID, QUEUE_LINE, "Радио «Маяк»",
                    null, null, null), ChangeRecorder.none());
            replayed.play("pjsip/05-pjsip-queue-answered-by-888");
            IncomingCall second = petrov.await(IncomingCall.class, ring -> !ring.callId().equals(first.callId()));
            assertThat(second.dialed()).isEqualTo(QUEUE_LINE);
            assertThat(second.line()).isEqualTo(new LineView("Радио «Маяк»", null));
            petrov.await(CallEnded.class, ended -> ended.callId().equals(second.callId()));
            awaitEnded(second.callId());

            assertThat(callDetails(first.callId()).call().line())
                    .as("the first call keeps the line's name of its day")
                    .isEqualTo(new LineView("Реклама Авито", "avito-2026"));
            assertThat(callDetails(second.callId()).call().line()).isEqualTo(new LineView("Радио «Маяк»", null));
        }
    }

    @Test
    void aCallOnNoKnownLineHasNoLineOnItsCard() throws Exception {
        line(LineKind.DID, "+74997000000", "Другая линия", "rk-other");
        try (OperatorClient ivanov = replayed.server().operator("ivanov")) {
            replayed.play("06-inbound-ringgroup-777-answers");

            IncomingCall ring = ivanov.await(IncomingCall.class);

            assertThat(ring.dialed()).isEqualTo(RING_GROUP_LINE);
            assertThat(ring.line()).isNull();
            ivanov.await(CallEnded.class);
            awaitEnded(ring.callId());
            assertThat(callDetails(ring.callId()).call().line()).isNull();
        }
    }

    private CallDetails callDetails(String callId) throws Exception {
        String token = OperatorClient.login(replayed.server().port(), "supervisor").accessToken();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + replayed.server().port() + "/api/calls/" + callId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readValue(response.body(), CallDetails.class);
    }
}
