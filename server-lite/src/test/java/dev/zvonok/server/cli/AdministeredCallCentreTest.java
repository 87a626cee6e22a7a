package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.PbxSimulator;
import dev.zvonok.server.sim.Role;
import dev.zvonok.server.sim.Shape;
import dev.zvonok.server.sim.ShapeLibrary;
import dev.zvonok.server.sim.SimulatedCall;
import dev.zvonok.server.sim.SimulatedPbx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call centre set up only through the administration, end to end: what an admin creates, imports or renames over
 * REST is what the next ring's card says. The calls are recorded Asterisk calls replayed by the simulator with their
 * parties rewritten (the recording's extension 777 or 888 becomes 555, its caller another number).
 */
class AdministeredCallCentreTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The incoming number the recorded queue call dials. */
    private static final String QUEUE_LINE = "74951234567";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private SimulatedPbx pbx;
    private LiveServer server;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        db.clean();
        pbx = SimulatedPbx.start(AmiEndpoint.builder(), new PbxSimulator(ShapeLibrary.load(), Instant.now(), 11),
                PlaybackSpeed.times(10));
        server = LiveServer.start(db.settings(), pbx.endpoint());
        admin = OperatorClient.login(server.port(), "admin").accessToken();
        HttpResponse<String> created = send("POST", "/api/admin/users", "application/json",
                JSON.writeValueAsBytes(new UserRequest("orlova", "Ольга Орлова", "operator", "secret-555", null,
                        List.of(), List.of(AdminPhone.ofUser("555", "extension")), null)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    @Test
    void anOperatorCreatedThroughTheApiGetsTheCardAndACompanyImportedFromCsvIsTheNextCaller() throws Exception {
        try (OperatorClient orlova = OperatorClient.connect(server.port(), "orlova", "secret-555")) {
            SimulatedCall dealerCall = pbx.play(CallSpec.of(Shape.DIRECT_ANSWERED).with(Role.OPERATOR, "555"));
            IncomingCall card = orlova.await(IncomingCall.class);
            assertThat(card.callId()).isEqualTo(dealerCall.linkedid());
            assertThat(card.extension()).isEqualTo("555");
            assertThat(card.caller().name()).as("the demo's dealer of the recorded caller").isEqualTo("Автодом Волга");
            orlova.await(CallEnded.class, ended -> ended.callId().equals(card.callId()));

            byte[] csv = "\ufeffНазвание;ИНН;Телефоны\r\nООО Заря;7701234568;8 (499) 333-22-11\r\n"
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> imported = send("POST", "/api/admin/import/companies?dryRun=false", "text/csv", csv);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    server.server.directory().identify("+74993332211").kind() == CallerKind.COMPANY);

            SimulatedCall companyCall = pbx.play(CallSpec.of(Shape.DIRECT_ANSWERED)
                    .withParties(Map.of(Role.OPERATOR, "555", Role.EXTERNAL_NUMBER, "+74993332211")));
            IncomingCall next = orlova.await(IncomingCall.class,
                    ring -> ring.callId().equals(companyCall.linkedid()));
            assertThat(next.callerNumber()).isEqualTo("+74993332211");
            assertThat(next.caller()).isEqualTo(new CallerView(CallerKind.COMPANY, "ООО Заря", "ООО Заря"));
        }
    }

    @Test
    void aLineRenamedThroughTheApiNamesTheNextCardWhileTheStoredCallKeepsItsOldName() throws Exception {
        AdminLine line = JSON.readValue(send("POST", "/api/admin/lines", "application/json",
                JSON.writeValueAsBytes(new LineRequest("did", "8 (495) 123-45-67", "Реклама Авито", "avito-2026",
                        null, null))).body(), AdminLine.class);
        Map<Role, String> parties = Map.of(Role.OPERATOR, "555", Role.OTHER_MEMBER, "777", Role.DID, QUEUE_LINE);
        try (OperatorClient orlova = OperatorClient.connect(server.port(), "orlova", "secret-555")) {
            SimulatedCall first = pbx.play(CallSpec.of(Shape.QUEUE_ANSWERED).withParties(parties));
            IncomingCall firstCard = orlova.await(IncomingCall.class,
                    ring -> ring.callId().equals(first.linkedid()));
            assertThat(firstCard.line()).isEqualTo(new LineView("Реклама Авито", "avito-2026"));
            orlova.await(CallEnded.class, ended -> ended.callId().equals(first.linkedid()));
            awaitStored(first.linkedid());

            HttpResponse<String> renamed = send("PUT", "/api/admin/lines/" + line.id(), "application/json",
                    JSON.writeValueAsBytes(new LineRequest("did", line.number(), "Радио «Маяк»", "radio", null,
                            null)));
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.server.directory()
                    .line("+" + QUEUE_LINE, null).map(l -> l.name().equals("Радио «Маяк»")).orElse(false));

            SimulatedCall second = pbx.play(CallSpec.of(Shape.QUEUE_ANSWERED).withParties(parties));
            IncomingCall secondCard = orlova.await(IncomingCall.class,
                    ring -> ring.callId().equals(second.linkedid()));
            assertThat(secondCard.line()).isEqualTo(new LineView("Радио «Маяк»", "radio"));
            orlova.await(CallEnded.class, ended -> ended.callId().equals(second.linkedid()));
            awaitStored(second.linkedid());
        }
        assertThat(db.dsl().select(CALLS.LINE_NAME, CALLS.LINE_SOURCE).from(CALLS).orderBy(CALLS.STARTED_AT)
                .fetch(r -> r.value1() + " / " + r.value2()))
                .as("each call keeps the line's name of its day")
                .containsExactly("Реклама Авито / avito-2026", "Радио «Маяк» / radio");
    }

    private void awaitStored(String linkedid) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.dsl().fetchCount(CALLS, CALLS.LINKEDID.eq(linkedid), CALLS.ENDED_AT.isNotNull()) == 1);
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + admin)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
