package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.SpyMode;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.AuditLogRecord;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.TeamDetails;
import dev.zvonok.server.pbx.AcknowledgingCallControl;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.RungPhone;
import dev.zvonok.server.pbx.TraceTimeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listen, whisper, barge through the whole server: a supervisor (extension 700) asks over the WebSocket, the server
 * finds the operator's channel on the board and sends the PBX (our AMI endpoint, answering as Asterisk 22) an
 * Originate of the supervisor's phone into ChanSpy; every order the PBX answered is in the audit log.
 */
class SpyOverWebSocketTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String IVANOV_TALKS = "/ami-traces/pjsip/01-pjsip-direct-answered-caller-hangup.ami";
    /** Reads calls and resyncs, but may not originate. */
    private static final AmiAccount NO_ORIGINATE = AmiAccount.of("noorig", "noorig-secret", "call,agent",
            "call,reporting");
    private static final Set<String> SPY_ACTIONS = Set.of("listen", "whisper", "barge");

    private final List<AmiMessage> originates = new CopyOnWriteArrayList<>();
    /** What the supervisor's phone (700) does when the PBX rings it. */
    private volatile RungPhone supervisorsPhone = RungPhone.ANSWERS;
    private final AcknowledgingCallControl asterisk = new AcknowledgingCallControl()
            .phones(dialled -> dialled.equals("PJSIP/700") ? supervisorsPhone : RungPhone.ANSWERS);
    /** When set, the supervisor's phone rings on: the order is accepted and its fate never reported. */
    private volatile boolean ringsOn;
    private PbxReplay pbx;
    private LiveServer server;

    @BeforeEach
    void start() {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).account(NO_ORIGINATE)
                .callControl(request -> {
                    originates.add(request.action());
                    if (ringsOn && "originate".equals(request.name())) {
                        request.success("Originate successfully queued");
                    } else {
                        asterisk.handle(request);
                    }
                }), PlaybackSpeed.times(10));
        server = LiveServer.start(db.settings(), pbx.endpoint());
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    @Test
    void theSupervisorsPhoneRingsIntoChanSpyOnTheOperatorsChannelAndItIsAudited() throws Exception {
        long ivanov = idOf("ivanov");
        try (OperatorClient supervisor = server.operator("supervisor")) {
            ivanovTalks(supervisor, ivanov);

            supervisor.send(new ClientMessage.Spy("s1", ivanov, SpyMode.WHISPER));

            ServerMessage.SpyAccepted accepted = supervisor.await(ServerMessage.SpyAccepted.class);
            assertThat(accepted).isEqualTo(new ServerMessage.SpyAccepted("s1", ivanov, SpyMode.WHISPER));
            // the test PBX answers the supervisor's phone at once, as Asterisk reports it (OriginateResponse)
            assertThat(supervisor.await(ServerMessage.SpyOutcome.class))
                    .isEqualTo(new ServerMessage.SpyOutcome("s1", ivanov, SpyMode.WHISPER, true, "answered"));
            assertThat(originates).singleElement().satisfies(originate -> {
                assertThat(originate.get("Action")).isEqualTo("Originate");
                assertThat(originate.get("Channel")).as("the supervisor's own phone").isEqualTo("PJSIP/700");
                assertThat(originate.get("Application")).isEqualTo("ChanSpy");
                assertThat(originate.get("Data")).as("the channel that answered in the recording, whispering")
                        .isEqualTo("PJSIP/777-00000001,uqESw");
                assertThat(originate.get("CallerID")).isEqualTo("\"whisper: Иван Иванов\" <700>");
                assertThat(originate.get("Async")).isEqualTo("true");
            });
            List<AuditLogRecord> rows = spyRows();
            assertThat(rows).hasSize(2).allSatisfy(row -> {
                assertThat(row.getActorLogin()).isEqualTo("supervisor");
                assertThat(row.getActorUserId()).isEqualTo(idOf("supervisor"));
                assertThat(row.getAction()).isEqualTo("whisper");
                assertThat(row.getEntity()).isEqualTo("user");
                assertThat(row.getEntityId()).isEqualTo(ivanov);
                assertThat(row.getAddress()).isEqualTo("127.0.0.1");
                JsonNode after = Json.mapper().readTree(row.getAfterState());
                assertThat(after.get("channel").asText()).isEqualTo("PJSIP/777-00000001");
                assertThat(after.get("phone").asText()).isEqualTo("700");
            });
            assertThat(rows).extracting(row -> Json.mapper().readTree(row.getAfterState()).get("result").asText())
                    .as("the order, then what became of the supervisor's phone")
                    .containsExactly("accepted", "answered");
            String order = Json.mapper().readTree(rows.getFirst().getAfterState()).get("order").asText();
            assertThat(order).startsWith("zvonok-spy-");
            assertThat(rows).extracting(row -> Json.mapper().readTree(row.getAfterState()).get("order").asText())
                    .as("both rows name the same order").containsOnly(order);
        }
    }

    @Test
    void aSupervisorsPhoneNotPickedUpIsToldAndAuditedWithThePbxsReason() throws Exception {
        long ivanov = idOf("ivanov");
        Map<RungPhone, String> reasons = new LinkedHashMap<>();
        reasons.put(RungPhone.BUSY, "busy");
        reasons.put(RungPhone.NOT_ANSWERED, "no-answer");
        reasons.put(RungPhone.CONGESTION, "congestion");
        reasons.put(RungPhone.UNREACHABLE, "unavailable");
        try (OperatorClient supervisor = server.operator("supervisor")) {
            ivanovTalks(supervisor, ivanov);
            int order = 0;
            for (Map.Entry<RungPhone, String> fate : reasons.entrySet()) {
                supervisorsPhone = fate.getKey();
                String ref = "s" + (++order);
                supervisor.send(new ClientMessage.Spy(ref, ivanov, SpyMode.BARGE));

                assertThat(supervisor.await(ServerMessage.SpyAccepted.class, a -> a.ref().equals(ref))).isNotNull();
                assertThat(supervisor.await(ServerMessage.SpyOutcome.class, o -> o.ref().equals(ref)))
                        .as("the phone %s", fate.getKey())
                        .isEqualTo(new ServerMessage.SpyOutcome(ref, ivanov, SpyMode.BARGE, false, fate.getValue()));
            }
        }
        List<String> results = new ArrayList<>();
        for (AuditLogRecord row : spyRows()) {
            results.add(Json.mapper().readTree(row.getAfterState()).get("result").asText());
        }
        assertThat(results).containsExactly("accepted", "busy", "accepted", "no-answer", "accepted", "congestion",
                "accepted", "unavailable");
    }

    @Test
    void aLinkToThePbxLostBeforeItSaidIsAnUnknownOutcomeToldAndAudited() throws Exception {
        long ivanov = idOf("ivanov");
        ringsOn = true;
        try (OperatorClient supervisor = server.operator("supervisor")) {
            ivanovTalks(supervisor, ivanov);
            supervisor.send(new ClientMessage.Spy("s1", ivanov, SpyMode.LISTEN));
            supervisor.await(ServerMessage.SpyAccepted.class);

            pbx.endpoint().dropAllConnections();

            assertThat(supervisor.await(ServerMessage.SpyOutcome.class))
                    .isEqualTo(new ServerMessage.SpyOutcome("s1", ivanov, SpyMode.LISTEN, false, "unknown"));
        }
        assertThat(spyRows()).extracting(row -> Json.mapper().readTree(row.getAfterState()).get("result").asText())
                .as("not a failure that was not seen").containsExactly("accepted", "unknown");
    }

    @Test
    void refusedForOperatorsWithoutAPhoneWithoutACallAndOffTheSupervisorsBoard() throws Exception {
        long ivanov = idOf("ivanov");
        long petrov = idOf("petrov");
        try (OperatorClient supervisor = server.operator("supervisor");
             OperatorClient admin = server.operator("admin");
             OperatorClient operator = server.operator("sidorov")) {
            ivanovTalks(supervisor, ivanov);

            assertThat(refusal(operator, new ClientMessage.Spy("o1", ivanov, SpyMode.LISTEN)).code())
                    .isEqualTo(ErrorCode.FORBIDDEN.wireName());
            ServerMessage.Error noPhone = refusal(admin, new ClientMessage.Spy("a1", ivanov, SpyMode.LISTEN));
            assertThat(noPhone.code()).isEqualTo(ErrorCode.INVALID_FIELD.wireName());
            assertThat(noPhone.message()).contains("no phone");
            ServerMessage.Error noCall = refusal(supervisor, new ClientMessage.Spy("p1", petrov, SpyMode.BARGE));
            assertThat(noCall.code()).isEqualTo(ErrorCode.UNKNOWN_CALL.wireName());
            assertThat(noCall.message()).contains("on no call");
            assertThat(refusal(supervisor, new ClientMessage.Spy("m1", ivanov, null)).code())
                    .isEqualTo(ErrorCode.INVALID_FIELD.wireName());

            // Ivanov in team B, the supervisor in A: not theirs to listen to, though on a call
            server.server.teams().create(new TeamDetails("A", null), List.of(idOf("supervisor"), petrov),
                    ChangeRecorder.none());
            server.server.teams().create(new TeamDetails("B", null), List.of(ivanov), ChangeRecorder.none());
            supervisor.await(ServerMessage.BoardChanged.class,
                    changed -> changed.change().operatorsGone().contains(ivanov));
            ServerMessage.Error otherTeam = refusal(supervisor, new ClientMessage.Spy("t1", ivanov, SpyMode.LISTEN));
            assertThat(otherTeam.code()).isEqualTo(ErrorCode.FORBIDDEN.wireName());
            assertThat(otherTeam.message()).contains("not on your board");
        }
        assertThat(originates).as("nothing reached the PBX").isEmpty();
        assertThat(spyRows()).isEmpty();
    }

    @Test
    void aPbxAccountThatMayNotOriginateIsNamedAndTheRefusalAudited() throws Exception {
        server.close();
        server = LiveServer.start(db.settings(), LiveServer.amiSettings(pbx.endpoint().port(), NO_ORIGINATE));
        long ivanov = idOf("ivanov");
        try (OperatorClient supervisor = server.operator("supervisor")) {
            ivanovTalks(supervisor, ivanov);

            ServerMessage.Error refused = refusal(supervisor, new ClientMessage.Spy("s1", ivanov, SpyMode.LISTEN));

            assertThat(refused.code()).isEqualTo(ErrorCode.PBX_UNAVAILABLE.wireName());
            assertThat(refused.message()).contains("add 'originate' to the 'write =' line of [noorig]");
        }
        assertThat(originates).as("Asterisk refuses before the call control").isEmpty();
        assertThat(spyRows()).singleElement().satisfies(row -> {
            assertThat(row.getAction()).isEqualTo("listen");
            assertThat(Json.mapper().readTree(row.getAfterState()).get("result").asText()).startsWith("refused: ");
        });
    }

    /** Ivanov (777) answers the recorded call and stays on it: the recording up to its first hangup. */
    private void ivanovTalks(OperatorClient supervisor, long ivanov) throws Exception {
        supervisor.send(new ClientMessage.SubscribeBoard("board"));
        supervisor.await(ServerMessage.Board.class);
        List<TimedMessage> events = TraceTimeline.loadResource(IVANOV_TALKS).events();
        int end = 0;
        while (end < events.size() && !events.get(end).message().isEvent("HangupRequest")
                && !events.get(end).message().isEvent("SoftHangupRequest")
                && !events.get(end).message().isEvent("BridgeLeave")
                && !events.get(end).message().isEvent("Hangup")) {
            end++;
        }
        pbx.player().schedule(events.subList(0, end), Duration.ZERO);
        supervisor.await(ServerMessage.BoardChanged.class, changed -> changed.change().operatorChanges().stream()
                .anyMatch(o -> o.userId() == ivanov && o.state() == OperatorState.TALKING));
    }

    private static ServerMessage.Error refusal(OperatorClient client, ClientMessage.Spy spy) throws Exception {
        client.send(spy);
        return client.await(ServerMessage.Error.class, e -> spy.ref().equals(e.ref()));
    }

    private List<AuditLogRecord> spyRows() {
        return db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.in(SPY_ACTIONS)).orderBy(AUDIT_LOG.ID).fetch();
    }

    private long idOf(String login) {
        return server.server.users().findByLogin(login).orElseThrow().id();
    }
}
