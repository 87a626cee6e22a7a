package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickToCallTest {

    private static final AmiMessage ORIGINATE = AmiMessage.of(
            "Action", "Originate",
            "Channel", "SIP/1042",
            "Context", "from-internal",
            "Exten", "+79991234567",
            "Priority", "1",
            "CallerID", "\"+79991234567\" <+79991234567>",
            "Timeout", "30000",
            "Async", "true",
            "ActionID", "crm-7f3a");

    private static ShapeLibrary shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = ShapeLibrary.load();
    }

    @Test
    void theOriginateResponseCarriesTheClientsActionId() {
        SimulatedCall call = new PbxSimulator(shapes, Instant.parse("2031-05-06T07:08:09Z"), 1)
                .originate(ORIGINATE, 2_000);
        List<TimedMessage> messages = call.messages();

        AmiMessage response = messages.stream().map(TimedMessage::message)
                .filter(m -> m.isEvent("OriginateResponse")).findFirst().orElseThrow();
        assertThat(response.actionId()).isEqualTo("crm-7f3a");
        assertThat(response.get("Response")).isEqualTo("Success");
        assertThat(response.get("Channel")).startsWith("SIP/1042-");
        assertThat(response.get("Exten")).isEqualTo("+79991234567");
        assertThat(messages.get(0).atMillis()).isEqualTo(2_000);
        assertThat(messages.get(0).message().get("Channel")).startsWith("SIP/1042-");
        assertThat(messages.stream().map(TimedMessage::message).filter(m -> m.isEvent("DialBegin"))
                .map(m -> m.get("DialString"))).containsExactly("1042", "trunk/+79991234567");
        assertThat(ShapeFidelityTest.wire(messages)).doesNotContain("c2c-1").doesNotContain("89271390907")
                .doesNotContain("SIP/777");
    }

    @Test
    void liveTheCallStartsNowWithWallClockTimes() {
        Instant pbxUp = Instant.parse("2031-05-06T07:00:00Z");
        PbxSimulator simulator = new PbxSimulator(shapes, pbxUp, 1);
        Instant now = pbxUp.plusSeconds(3_600);
        List<TimedMessage> timeline = simulator.originate(ORIGINATE, simulator.millisAt(now)).messagesFromStart();
        assertThat(timeline.get(0).atMillis()).isZero();
        AmiMessage cdr = timeline.stream().map(TimedMessage::message).filter(m -> m.isEvent("Cdr")).findFirst()
                .orElseThrow();
        assertThat(cdr.get("StartTime")).isEqualTo("2031-05-06 08:00:00");
        assertThat(timeline.get(0).message().get("Uniqueid")).startsWith(Long.toString(now.getEpochSecond()));
    }

    @Test
    void theImmediateResponseIsTheEndpointsToSend() {
        assertThat(ClickToCall.queuedResponse(ORIGINATE).toWire()).isEqualTo(
                "Response: Success\r\nActionID: crm-7f3a\r\nMessage: Originate successfully queued\r\n\r\n");
        SimulatedCall call = new PbxSimulator(shapes, Instant.EPOCH, 1).originate(ORIGINATE, 0);
        assertThat(call.messages()).noneMatch(timed -> timed.message().response() != null
                && timed.message().event() == null);
    }

    @Test
    void withoutAnActionIdTheResponseHasNone() {
        SimulatedCall call = new PbxSimulator(shapes, Instant.EPOCH, 1).originate(ORIGINATE.without("ActionID"), 0);
        AmiMessage response = call.messages().stream().map(TimedMessage::message)
                .filter(m -> m.isEvent("OriginateResponse")).findFirst().orElseThrow();
        assertThat(response.has("ActionID")).isFalse();
    }

    @Test
    void theOperatorComesFromAnyChannelTechnology() {
        assertThat(ClickToCall.spec(ORIGINATE.with("Channel", "PJSIP/2001")).party(Role.OPERATOR)).isEqualTo("2001");
        assertThat(ClickToCall.spec(ORIGINATE.with("Channel", "Local/2002@from-internal")).party(Role.OPERATOR))
                .isEqualTo("2002");
    }

    @Test
    void notAnOriginateIsRefused() {
        assertThatThrownBy(() -> ClickToCall.spec(AmiMessage.of("Action", "Hangup", "Channel", "SIP/1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClickToCall.spec(ORIGINATE.without("Exten")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
