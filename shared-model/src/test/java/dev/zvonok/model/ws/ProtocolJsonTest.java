package dev.zvonok.model.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire form both sides rely on: one JSON object per message, its kind in {@code type}. */
class ProtocolJsonTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void clientMessagesAreReadByTheirType() throws Exception {
        ClientMessage message = json.readValue("""
                {"type":"update-call-notes","ref":"n1","callId":"1795288652.0","notes":"Перезвонить",
                 "tags":["vip"],"priority":"high","clientInfo":{"name":"Анна"},"version":3}""", ClientMessage.class);

        assertThat(message).isEqualTo(new ClientMessage.UpdateCallNotes("n1", "1795288652.0", "Перезвонить",
                List.of("vip"), Priority.HIGH, new ClientInfo("Анна", null, null, null), 3));
        assertThat(json.readValue("{\"type\":\"authenticate\",\"token\":\"t\"}", ClientMessage.class))
                .isEqualTo(new ClientMessage.Authenticate(null, "t"));
        assertThat(json.readValue("{\"type\":\"refresh-session\",\"ref\":\"r\",\"token\":\"t2\"}",
                ClientMessage.class)).isEqualTo(new ClientMessage.RefreshSession("r", "t2"));
    }

    @Test
    void aSpyOrderNamesTheOperatorAndTheModeInLowerCase() throws Exception {
        assertThat(json.readValue("{\"type\":\"spy\",\"ref\":\"s1\",\"operatorId\":7,\"mode\":\"whisper\"}",
                ClientMessage.class)).isEqualTo(new ClientMessage.Spy("s1", 7, dev.zvonok.model.board.SpyMode.WHISPER));
        assertThat(json.writeValueAsString(new ServerMessage.SpyAccepted("s1", 7,
                dev.zvonok.model.board.SpyMode.BARGE)))
                .isEqualTo("{\"type\":\"spy-accepted\",\"ref\":\"s1\",\"operatorId\":7,\"mode\":\"barge\"}");
    }

    @Test
    void aFailedDialNamesTheOriginateAndTheReasonInKebabCase() throws Exception {
        ServerMessage failed = new ServerMessage.DialFailed("originate-1", "+79271390907", DialFailure.NO_ANSWER,
                "your phone was not picked up", null);

        String text = json.writeValueAsString(failed);

        assertThat(text).isEqualTo("{\"type\":\"dial-failed\",\"ref\":\"originate-1\",\"number\":\"+79271390907\","
                + "\"reason\":\"no-answer\",\"message\":\"your phone was not picked up\"}");
        assertThat(json.readValue(text, ServerMessage.class)).isEqualTo(failed);
        assertThat(json.readValue("{\"type\":\"dial-failed\",\"ref\":\"o\",\"reason\":\"declined-by-moon\"}",
                ServerMessage.class)).as("a reason from a newer server")
                .isEqualTo(new ServerMessage.DialFailed("o", null, DialFailure.UNKNOWN, null, null));
    }

    @Test
    void aFailedDialKeptForAnOfflineUserSaysSinceWhenAndALiveOneLooksAsBefore() throws Exception {
        ServerMessage.DialFailed live = new ServerMessage.DialFailed("o1", "+79271390907", DialFailure.BUSY, "busy",
                null);
        ServerMessage.DialFailed kept = live.asKeptSince(Instant.parse("2026-12-05T09:30:00Z"));

        String text = json.writeValueAsString(kept);

        assertThat(json.writeValueAsString(live)).as("no field for a word told as it happened")
                .doesNotContain("keptSince");
        // how an instant is written is the mapper's (the server's writes ISO-8601): only where it goes is tested here
        assertThat(text).startsWith("{\"type\":\"dial-failed\",\"ref\":\"o1\",\"number\":\"+79271390907\","
                + "\"reason\":\"busy\",\"message\":\"busy\",\"keptSince\":");
        assertThat(json.readValue(text, ServerMessage.class)).isEqualTo(kept);
        assertThat(json.readValue(json.writeValueAsString(live), ServerMessage.class)).isEqualTo(live);
    }

    @Test
    void aFailedDialCarriesTheIdItsAcknowledgementNames() throws Exception {
        ServerMessage.DialFailed failed = new ServerMessage.DialFailed("o1", "+79271390907", DialFailure.BUSY, "busy",
                "5f0c6a52-8f6e-4a8e-9d0e-3f1f2a7c9b10");

        assertThat(json.writeValueAsString(failed)).isEqualTo("{\"type\":\"dial-failed\",\"ref\":\"o1\","
                + "\"number\":\"+79271390907\",\"reason\":\"busy\",\"message\":\"busy\","
                + "\"id\":\"5f0c6a52-8f6e-4a8e-9d0e-3f1f2a7c9b10\"}");
        assertThat(json.readValue(json.writeValueAsString(failed.asKeptSince(Instant.parse("2026-12-05T09:30:00Z"))),
                ServerMessage.class)).as("told late: the same id")
                .isEqualTo(failed.asKeptSince(Instant.parse("2026-12-05T09:30:00Z")));
        assertThat(json.writeValueAsString(new ClientMessage.AckDialFailed("a1", failed.id())))
                .isEqualTo("{\"type\":\"ack-dial-failed\",\"ref\":\"a1\",\"id\":\"5f0c6a52-8f6e-4a8e-9d0e-3f1f2a7c9b10\"}");
        assertThat(json.readValue("{\"type\":\"ack-dial-failed\",\"ref\":\"a1\",\"id\":\"x\"}",
                ClientMessage.class)).isEqualTo(new ClientMessage.AckDialFailed("a1", "x"));
    }

    @Test
    void asteriskReasonsOfAFailedOriginateAreMappedAsChannelCDialsThem() {
        assertThat(DialFailure.ofReason(5)).as("AST_CONTROL_BUSY").isEqualTo(DialFailure.BUSY);
        assertThat(DialFailure.ofReason(3)).as("AST_CONTROL_RINGING at the timeout").isEqualTo(DialFailure.NO_ANSWER);
        assertThat(DialFailure.ofReason(1)).as("AST_CONTROL_HANGUP while ringing").isEqualTo(DialFailure.NO_ANSWER);
        assertThat(DialFailure.ofReason(8)).as("AST_CONTROL_CONGESTION").isEqualTo(DialFailure.CONGESTION);
        assertThat(DialFailure.ofReason(0)).as("no channel").isEqualTo(DialFailure.UNAVAILABLE);
        assertThat(DialFailure.ofReason(null)).isEqualTo(DialFailure.UNAVAILABLE);
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"type\":\"steal-call\"}", ClientMessage.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void serverMessagesCarryTheirTypeFirst() throws Exception {
        ServerMessage ring = new ServerMessage.IncomingCall("1795288652.0", CallDirection.INBOUND, "+79271390907",
                new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"), "777", null, "777",
                java.time.Instant.parse("2026-11-21T19:17:31Z"), null, List.of(), null);

        String text = json.writeValueAsString(ring);

        assertThat(text).startsWith("{\"type\":\"incoming-call\",\"callId\":\"1795288652.0\"");
        assertThat(text).contains("\"caller\":{\"kind\":\"dealer\",\"name\":\"Автодом Волга\"");
        assertThat(json.readValue(text, ServerMessage.class)).isEqualTo(ring);
    }

    @Test
    void theHistoryCarriesEachCallsCardAndTheRingWhatIsKnownOfTheClient() throws Exception {
        ClientInfo anna = new ClientInfo("Анна Смирнова", "Автодом Волга", "Самара, ул. Мичурина 21", null);
        HistoryEntry earlier = new HistoryEntry("1795206066.301001", Instant.parse("2026-11-18T13:05:00Z"),
                "Иван Иванов", CallDisposition.ANSWERED, "Просил перезвонить", "777", List.of("гарантия", "vip"),
                Priority.URGENT, anna);
        ServerMessage ring = new ServerMessage.IncomingCall("1795288652.0", CallDirection.INBOUND, "+79271390907",
                new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"), "777", null, "777",
                Instant.parse("2026-11-21T19:17:31Z"), null, List.of(earlier), null, anna);
        ServerMessage later = new ServerMessage.CallHistory("1795288652.0", List.of(earlier), anna);

        String text = json.writeValueAsString(ring);

        assertThat(text).contains("\"tags\":[\"гарантия\",\"vip\"]", "\"priority\":\"urgent\"",
                "\"operatorExtension\":\"777\"", "\"knownClient\":{\"name\":\"Анна Смирнова\"");
        assertThat(text).doesNotContain("\"empty\"");
        assertThat(json.readValue(text, ServerMessage.class)).isEqualTo(ring);
        assertThat(json.readValue(json.writeValueAsString(later), ServerMessage.class)).isEqualTo(later);
    }

    @Test
    void framesOfAServerWithoutCardsInTheHistoryStillRead() throws Exception {
        ServerMessage old = json.readValue("""
                {"type":"call-history","callId":"c1","history":[{"callId":"c0","startedAt":"2026-11-18T13:05:00Z",
                 "operator":"Иван Иванов","disposition":"answered","notes":"Перезвонить"}]}""", ServerMessage.class);

        assertThat(old).isEqualTo(new ServerMessage.CallHistory("c1", List.of(new HistoryEntry("c0",
                Instant.parse("2026-11-18T13:05:00Z"), "Иван Иванов", CallDisposition.ANSWERED, "Перезвонить"))));
        HistoryEntry entry = ((ServerMessage.CallHistory) old).history().getFirst();
        assertThat(entry.tags()).isEmpty();
        assertThat(entry.priority()).isNull();
        assertThat(entry.clientInfo()).isNull();
        assertThat(((ServerMessage.CallHistory) old).knownClient()).isNull();
        assertThat(new ServerMessage.CallHistory("c1", List.of(), ClientInfo.EMPTY).knownClient())
                .as("empty client data is no known client").isNull();
    }

    @Test
    void errorCodesAreKebabCase() throws Exception {
        String text = json.writeValueAsString(ServerMessage.Error.of(ErrorCode.STALE_VERSION, "changed", "n2"));

        assertThat(text).contains("\"type\":\"error\"").contains("\"code\":\"stale-version\"").contains("\"ref\":\"n2\"");
    }
}
