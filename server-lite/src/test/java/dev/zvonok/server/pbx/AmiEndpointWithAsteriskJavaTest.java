package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The endpoint as the real client library sees it: asterisk-java 3.42.2 over loopback. */
class AmiEndpointWithAsteriskJavaTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<ManagerConnection> connections = new ArrayList<>();
    private PbxReplay replay;

    @AfterEach
    void tearDown() {
        for (ManagerConnection connection : connections) {
            if (connection.getState() == ManagerConnectionState.CONNECTED
                    || connection.getState() == ManagerConnectionState.RECONNECTING) {
                connection.logoff();
            }
        }
        if (replay != null) {
            replay.close();
        }
    }

    @Test
    void logsInWithoutTheVersionFallbackAndSeesAsterisk20() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());

        ManagerConnection first = connect(AmiAccount.CRM);
        long firstMillis = timeLogin(first);
        ManagerConnection second = connect(AmiAccount.CTIRS); // may run CoreSettings, as the library needs
        long secondMillis = timeLogin(second);

        // The fallback through "core show version" takes about 14 s; the first login also loads the library.
        assertThat(firstMillis).isLessThan(5_000);
        assertThat(secondMillis).isLessThan(1_000);
        assertThat(first.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_20);
        assertThat(first.getProtocolIdentifier()).isEqualTo("Asterisk Call Manager/9.0.0");
        assertThat(replay.endpoint().loggedInClients()).isEqualTo(2);
    }

    @Test
    void everyEventOfARecordingArrivesInOrder() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        TraceTimeline trace = Traces.timeline(Traces.INBOUND_ANSWERED);
        Playback playback = replay.playAfterFirstLogin(trace, Duration.ZERO);
        EventRecorder recorder = new EventRecorder();
        ManagerConnection connection = connect(AmiAccount.CRM);
        connection.addEventListener(recorder);

        connection.login();
        assertThat(playback.await(PATIENCE)).isTrue();

        List<String> recorded = trace.events().stream()
                .map(t -> t.message().event().toLowerCase(Locale.ROOT)).toList();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recorder.pbxEventNames())
                .filteredOn(name -> !name.equals("fullybooted"))
                .containsExactlyElementsOf(recorded));
        // asterisk-java adds a legacy DialEvent for the one DialBegin, and turns <unknown> into null.
        assertThat(recorder.events()).filteredOn(e -> EventRecorder.wireName(e).equals("dial")).hasSize(1);
        assertThat(recorder.events(NewChannelEvent.class).getFirst().getConnectedLineNum()).isNull();
    }

    @Test
    void coreShowChannelsAnswersFromTheLiveChannels() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        TraceTimeline trace = Traces.timeline(Traces.RESYNC);
        replay.endpoint().seedChannels(trace.channelsUpAtStart());
        CompletableFuture<Void> resyncDone = new CompletableFuture<>();
        Playback playback = replay.player().scheduleAfter(resyncDone, trace.events(), Duration.ZERO);
        ManagerConnection connection = connect(AmiAccount.CRM);
        connection.login();

        ResponseEvents before = connection.sendEventGeneratingAction(new CoreShowChannelsAction());
        resyncDone.complete(null);
        assertThat(playback.await(PATIENCE)).isTrue();
        ResponseEvents after = connection.sendEventGeneratingAction(new CoreShowChannelsAction());

        assertThat(before.getResponse().getResponse()).isEqualTo("Success");
        assertThat(items(before)).extracting(CoreShowChannelEvent::getUniqueid, CoreShowChannelEvent::getLinkedid,
                        CoreShowChannelEvent::getBridgeid)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1795288822.35", "1795288822.34", ""),
                        org.assertj.core.groups.Tuple.tuple("1795288819.33", "1795288819.32",
                                "6737a064-777b-41c2-94c5-fa1c73bfc01c"),
                        org.assertj.core.groups.Tuple.tuple("1795288819.32", "1795288819.32",
                                "6737a064-777b-41c2-94c5-fa1c73bfc01c"),
                        org.assertj.core.groups.Tuple.tuple("1795288822.34", "1795288822.34", ""));
        assertThat(complete(before).getListitems()).isEqualTo(4);
        assertThat(items(after)).isEmpty();
        assertThat(complete(after).getListitems()).isZero();
    }

    @Test
    void listAnswersAlsoReachTheOrdinaryListeners() throws Exception {
        // Not our choice but asterisk-java's: a tracker listening for events sees its own resync answers too.
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        replay.endpoint().seedChannels(Traces.timeline(Traces.RESYNC).channelsUpAtStart());
        EventRecorder recorder = new EventRecorder();
        ManagerConnection connection = connect(AmiAccount.CRM);
        connection.addEventListener(recorder);
        connection.login();

        connection.sendEventGeneratingAction(new CoreShowChannelsAction());

        await().atMost(PATIENCE).until(() -> !recorder.events(CoreShowChannelsCompleteEvent.class).isEmpty());
        assertThat(recorder.events(CoreShowChannelEvent.class)).hasSize(4)
                .allSatisfy(item -> assertThat(item.getActionId()).isNull());
    }

    @Test
    void aBroadcastEventWithSomebodyElsesActionIdArrivesWithoutIt() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        Playback playback = replay.playAfterFirstLogin(Traces.timeline(Traces.CLICK_TO_CALL), Duration.ZERO);
        EventRecorder recorder = new EventRecorder();
        ManagerConnection connection = connect(AmiAccount.CRM);
        connection.addEventListener(recorder);

        connection.login();
        assertThat(playback.await(PATIENCE)).isTrue();

        // The recorded ActionID "c2c-1" has no '#', so asterisk-java takes it for its internal id and drops it.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recorder.events(OriginateResponseEvent.class))
                .singleElement()
                .satisfies(e -> assertThat(e.getActionId()).isNull())
                .satisfies(e -> assertThat(e.getUniqueId()).isEqualTo("1795288759.22")));
    }

    @Test
    void aWrongSecretFailsTheLogin() {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        ManagerConnection connection = connect(new AmiAccount("crm", "wrong", EventClass.ALL));

        assertThatThrownBy(connection::login).isInstanceOf(AuthenticationFailedException.class);
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.DISCONNECTED);
        assertThat(replay.endpoint().loginCount()).isZero();
    }

    @Test
    void aRestrictedAccountReceivesOnlyTheClassesItMayRead() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        // Recorded with read=all: dialplan, cdr, reporting and security events besides call and agent.
        TraceTimeline everything = Traces.timeline("/ami-traces/14-queue-local-members.ami");
        Set<String> classesOfTrace15 = privilegeClasses(Traces.timeline(Traces.RESTRICTED_USER).events());
        EventRecorder cti = new EventRecorder();
        EventRecorder crm = new EventRecorder();
        ManagerConnection ctiConnection = connect(AmiAccount.CTI);
        ManagerConnection crmConnection = connect(AmiAccount.CRM);
        ctiConnection.addEventListener(cti);
        crmConnection.addEventListener(crm);
        ctiConnection.login();
        crmConnection.login();

        Playback playback = replay.player().schedule(everything.events(), Duration.ZERO);
        assertThat(playback.await(PATIENCE)).isTrue();
        List<String> callAndAgent = everything.events().stream().map(TimedMessage::message)
                .filter(m -> classesOfTrace15.contains(privilegeClass(m)))
                .map(m -> m.event().toLowerCase(Locale.ROOT)).toList();
        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(cti.pbxEventNames()).containsExactlyElementsOf(callAndAgent));

        assertThat(classesOfTrace15).containsExactlyInAnyOrder("call", "agent");
        assertThat(cti.pbxEventNames()).doesNotContain("varset", "newexten", "cdr", "rtcpsent", "rtcpreceived",
                "fullybooted", "successfulauth");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(crm.pbxEventNames())
                .contains("varset", "newexten", "cdr", "fullybooted")
                .hasSize(everything.events().size() + 1)); // + FullyBooted at login
    }

    @Test
    void honoursTheStartDelayAndTheSpeed() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10.0));
        TraceTimeline trace = Traces.timeline(Traces.INBOUND_ANSWERED);
        Playback playback = replay.playAfterFirstLogin(trace, Duration.ofMillis(400));
        EventRecorder recorder = new EventRecorder();
        ManagerConnection connection = connect(AmiAccount.CTIRS);
        connection.addEventListener(recorder);

        long loginStarted = System.nanoTime();
        connection.login();
        assertThat(playback.await(PATIENCE)).isTrue();
        await().atMost(PATIENCE).until(() -> recorder.events(org.asteriskjava.manager.event.HangupEvent.class)
                .size() == 2);

        List<Long> pbxEventTimes = new ArrayList<>();
        for (int i = 0; i < recorder.events().size(); i++) {
            if (!(recorder.events().get(i) instanceof ConnectEvent)) {
                pbxEventTimes.add(recorder.receivedAtNanos().get(i));
            }
        }
        long startMillis = (pbxEventTimes.getFirst() - loginStarted) / 1_000_000;
        long spanMillis = (pbxEventTimes.getLast() - pbxEventTimes.getFirst()) / 1_000_000;
        long recordedSpan = trace.length().toMillis() - trace.events().getFirst().atMillis();
        assertThat(startMillis).isGreaterThanOrEqualTo(400);
        // About a tenth of the recorded span; loose, the machine is shared.
        assertThat(spanMillis).isBetween(recordedSpan / 20, recordedSpan / 3);
    }

    @Test
    void garbageFromAnotherClientDoesNotDisturbAConnectedOne() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        EventRecorder recorder = new EventRecorder();
        ManagerConnection connection = connect(AmiAccount.CRM);
        connection.addEventListener(recorder);
        connection.login();

        try (RawAmiClient vandal = new RawAmiClient(replay.endpoint().port())) {
            vandal.sendRaw("\u0000\u0001 not ami at all\r\n\r\n");
            assertThat(vandal.closedByPeer()).isTrue();
        }
        replay.endpoint().publish(AmiMessage.of("Event", "Newstate", "Privilege", "call,all", "Channel", "SIP/1-1"));

        assertThat(connection.sendAction(new PingAction()).getResponse()).isEqualTo("Success");
        await().atMost(PATIENCE).until(() -> recorder.pbxEventNames().contains("newstate"));
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
    }

    @Test
    void droppedConnectionsAreNoticedAndAsteriskJavaReconnectsOnceAccepted() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        EventRecorder recorder = new EventRecorder();
        ManagerConnection connection = connect(AmiAccount.CRM);
        connection.addEventListener(recorder);
        connection.login();

        long dropped = System.nanoTime();
        replay.endpoint().refuseConnectionsFor(Duration.ofMillis(600));
        replay.endpoint().dropAllConnections();

        await().atMost(PATIENCE).until(() -> !recorder.events(DisconnectEvent.class).isEmpty());
        assertThat(replay.endpoint().awaitLoginCount(2, PATIENCE)).isTrue();
        assertThat((System.nanoTime() - dropped) / 1_000_000).isGreaterThanOrEqualTo(600);
        await().atMost(PATIENCE).until(() -> recorder.events(ConnectEvent.class).size() == 2);
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
    }

    @Test
    void callControlAndCommandAnswerThroughTheLibrary() throws Exception {
        replay = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.asFastAsPossible());
        ManagerConnection connection = connect(AmiAccount.CRM); // Command needs "command" in write
        connection.login();
        OriginateAction originate = new OriginateAction();
        originate.setChannel("SIP/777");
        originate.setContext("from-internal");
        originate.setExten("89271390907");
        originate.setPriority(1);
        originate.setAsync(true);

        ManagerResponse queued = connection.sendAction(originate);
        ManagerResponse hangup = connection.sendAction(new HangupAction("SIP/777-00000001"));
        ManagerResponse version = connection.sendAction(new CommandAction("core show version"));

        assertThat(queued.getResponse()).isEqualTo("Success");
        assertThat(queued.getMessage()).isEqualTo("Originate successfully queued");
        assertThat(hangup).isInstanceOf(ManagerError.class);
        assertThat(hangup.getMessage()).isEqualTo("No such channel");
        assertThat(version).isInstanceOf(CommandResponse.class);
        assertThat(((CommandResponse) version).getResult()).first().asString().startsWith("Asterisk 20.20.1");
    }

    private ManagerConnection connect(AmiAccount account) {
        ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", replay.endpoint().port(),
                account.username(), account.secret()).createManagerConnection();
        connections.add(connection);
        return connection;
    }

    private static long timeLogin(ManagerConnection connection) throws Exception {
        long start = System.nanoTime();
        connection.login();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static List<CoreShowChannelEvent> items(ResponseEvents answer) {
        return answer.getEvents().stream().filter(CoreShowChannelEvent.class::isInstance)
                .map(CoreShowChannelEvent.class::cast).toList();
    }

    private static CoreShowChannelsCompleteEvent complete(ResponseEvents answer) {
        return answer.getEvents().stream().filter(CoreShowChannelsCompleteEvent.class::isInstance)
                .map(CoreShowChannelsCompleteEvent.class::cast).findFirst().orElseThrow();
    }

    private static Set<String> privilegeClasses(List<TimedMessage> events) {
        return events.stream().map(TimedMessage::message).map(AmiEndpointWithAsteriskJavaTest::privilegeClass)
                .collect(Collectors.toSet());
    }

    /** {@code call,all} is class call. */
    private static String privilegeClass(AmiMessage event) {
        String privilege = event.get("Privilege");
        return privilege == null ? "" : privilege.split(",")[0].toLowerCase(Locale.ROOT);
    }
}
