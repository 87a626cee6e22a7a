package dev.zvonok.server.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.amiwire.TimedMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * QueueStatus and QueuePause as the endpoint writes them, against the layouts Asterisk wrote in the recordings
 * (recording 13's QueueStatus answer, the PJSIP recordings' QueueMemberStatus, which QueueMemberPause shares).
 */
class QueueActionsWireTest {

    private static final String PJSIP_QUEUE_CALL = "/ami-traces/pjsip/05-pjsip-queue-answered-by-888.ami";

    private AmiEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).build().start();
        // the call while the caller waits, the members rung: published before anyone logs in
        List<TimedMessage> events = Traces.timeline(PJSIP_QUEUE_CALL).events();
        for (TimedMessage timed : events) {
            if (timed.message().isEvent("QueueCallerLeave")) {
                break;
            }
            endpoint.publish(timed.message());
        }
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void queueStatusListsEachQueueWithItsMembersAndCallersInAsterisksLayout() throws IOException {
        // members in the order the PBX first reported them (Asterisk: its container's order)
        try (RawAmiClient client = loggedIn(AmiAccount.CRM)) {
            List<AmiMessage> answer = list(client, "Action", "QueueStatus", "ActionID", "qs-1");

            assertThat(answer.getFirst().toWire()).isEqualTo("Response: Success\r\nActionID: qs-1\r\n"
                    + "EventList: start\r\nMessage: Queue status will follow\r\n\r\n");
            assertThat(answer).extracting(m -> m.event() + " " + m.get("Queue") + " " + m.get("Location"))
                    .containsExactly("null null null",
                            "QueueParams support null", "QueueMember support PJSIP/888",
                            "QueueMember support PJSIP/777", "QueueEntry support null",
                            "QueueParams sales null", "QueueMember sales Local/888@from-queue/n",
                            "QueueMember sales Local/777@from-queue/n", "QueueStatusComplete null null");
            List<AmiMessage> recorded = recorded13("resync-3");
            assertThat(answer.get(1).keys()).containsExactlyElementsOf(recorded.get(0).keys());
            assertThat(answer.get(2).keys()).containsExactlyElementsOf(recorded.get(1).keys());
            assertThat(answer.getLast().keys()).containsExactlyElementsOf(recorded.getLast().keys());
            assertThat(answer.getLast().get("ListItems")).isEqualTo("7");

            AmiMessage entry = answer.get(4);
            assertThat(entry.keys()).containsExactly("Event", "Queue", "Position", "Channel", "Uniqueid",
                    "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Wait", "Priority",
                    "ActionID");
            assertThat(entry.get("Uniqueid")).isEqualTo("1796403431.8");
            assertThat(entry.get("CallerIDNum")).isEqualTo("+79035550105");
            assertThat(entry.get("ConnectedLineNum")).isEqualTo("unknown");
            assertThat(answer.get(1).get("Calls")).isEqualTo("1");
        }
    }

    @Test
    void queueStatusFiltersByQueue() throws IOException {
        try (RawAmiClient client = loggedIn(AmiAccount.CTI)) { // QueueStatus needs no write permission
            List<AmiMessage> answer = list(client, "Action", "QueueStatus", "ActionID", "qs-2", "Queue", "sales");

            assertThat(answer).extracting(AmiMessage::event).containsExactly(null, "QueueParams", "QueueMember",
                    "QueueMember", "QueueStatusComplete");
        }
    }

    @Test
    void queuePauseAnswersThenRaisesAQueueMemberPauseForEachQueue() throws IOException {
        try (RawAmiClient client = loggedIn(AmiAccount.CRM)) {
            AmiMessage answer = client.ask("Action", "QueuePause", "ActionID", "p-1", "Interface", "PJSIP/888",
                    "Paused", "true", "Reason", "lunch");
            AmiMessage event = client.read();

            assertThat(answer.toWire()).isEqualTo(
                    "Response: Success\r\nActionID: p-1\r\nMessage: Interface paused successfully\r\n\r\n");
            AmiMessage recordedStatus = Traces.trace(PJSIP_QUEUE_CALL).entries().stream()
                    .map(AmiTrace.Entry::message).filter(m -> m != null && m.isEvent("QueueMemberStatus")).findFirst()
                    .orElseThrow();
            assertThat(event.event()).isEqualTo("QueueMemberPause");
            assertThat(event.keys()).containsExactlyElementsOf(recordedStatus.keys());
            assertThat(event.get("Privilege")).isEqualTo("agent,all");
            assertThat(event.get("Interface")).isEqualTo("PJSIP/888");
            assertThat(event.get("Paused")).isEqualTo("1");
            assertThat(event.get("PausedReason")).isEqualTo("lunch");

            AmiMessage member = list(client, "Action", "QueueStatus", "ActionID", "qs-3", "Queue", "support",
                    "Member", "PJSIP/888").get(2);
            assertThat(member.get("Paused")).isEqualTo("1");
            assertThat(member.get("PausedReason")).isEqualTo("lunch");

            client.ask("Action", "QueuePause", "ActionID", "p-2", "Interface", "PJSIP/888", "Paused", "false");
            assertThat(client.read().get("Paused")).isEqualTo("0");
        }
    }

    @Test
    void queuePauseWithoutAQueueCoversEveryQueueOfTheInterface() throws IOException {
        endpoint.publish(AmiMessage.builder().add("Event", "QueueMemberAdded").add("Privilege", "agent,all")
                .add("Queue", "sales").add("MemberName", "Operator 888").add("Interface", "PJSIP/888")
                .add("StateInterface", "PJSIP/888").add("Membership", "dynamic").add("Status", "1")
                .add("Paused", "0").add("PausedReason", "").build());
        try (RawAmiClient client = loggedIn(AmiAccount.CRM)) {
            client.ask("Action", "QueuePause", "ActionID", "p-3", "Interface", "pjsip/888", "Paused", "yes");

            assertThat(List.of(client.read().get("Queue"), client.read().get("Queue")))
                    .containsExactly("support", "sales");
        }
    }

    @Test
    void queuePauseIsRefusedAsAsteriskRefusesIt() throws IOException {
        try (RawAmiClient client = loggedIn(AmiAccount.CRM)) {
            assertThat(client.ask("Action", "QueuePause", "ActionID", "p-4", "Interface", "PJSIP/999",
                    "Paused", "1").get("Message")).isEqualTo("Interface not found");
            assertThat(client.ask("Action", "QueuePause", "ActionID", "p-5", "Interface", "PJSIP/888",
                    "Paused", "1", "Queue", "nosuchqueue").get("Message")).isEqualTo("Interface not found");
            assertThat(client.ask("Action", "QueuePause", "ActionID", "p-6", "Interface", "PJSIP/888")
                    .get("Message")).isEqualTo("Need 'Interface' and 'Paused' parameters.");
        }
        try (RawAmiClient client = loggedIn(AmiAccount.CTI)) { // write = call,originate: no agent
            assertThat(client.ask("Action", "QueuePause", "ActionID", "p-7", "Interface", "PJSIP/888",
                    "Paused", "1").get("Message")).isEqualTo("Permission denied");
        }
    }

    private RawAmiClient loggedIn(AmiAccount account) throws IOException {
        RawAmiClient client = new RawAmiClient(endpoint.port());
        client.ask("Action", "Login", "ActionID", "login-1", "Username", account.username(), "Secret",
                account.secret(), "Events", "agent");
        return client;
    }

    /** Sends a list action and reads its answer to the Complete event. */
    private static List<AmiMessage> list(RawAmiClient client, String... action) throws IOException {
        List<AmiMessage> answer = new ArrayList<>();
        client.send(action);
        AmiMessage message;
        do {
            message = client.read();
            answer.add(message);
        } while (message.event() == null || !message.event().endsWith("Complete"));
        return answer;
    }

    private static List<AmiMessage> recorded13(String actionId) {
        return Traces.trace(Traces.RESYNC).entries().stream().map(AmiTrace.Entry::message)
                .filter(m -> m != null && m.event() != null && actionId.equals(m.actionId())).toList();
    }
}
