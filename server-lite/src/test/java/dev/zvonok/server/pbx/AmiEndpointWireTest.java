package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The endpoint's bytes on the wire, checked with a bare socket against what Asterisk 20 sends. */
class AmiEndpointWireTest {

    private AmiEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = AmiEndpoint.builder().build().start();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void greetsWithTheAsterisk20Banner() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            assertThat(client.banner()).isEqualTo("Asterisk Call Manager/9.0.0");
        }
    }

    @Test
    void greetsAsThePbxTheRecordingWasMadeOn() throws IOException {
        AsteriskIdentity pjsip = AsteriskIdentity.recordedIn(
                Traces.trace("/ami-traces/pjsip/01-pjsip-direct-answered-caller-hangup.ami"));
        AsteriskIdentity chanSip = AsteriskIdentity.recordedIn(Traces.trace(Traces.INBOUND_ANSWERED));
        assertThat(chanSip).isEqualTo(AsteriskIdentity.ASTERISK_20);

        try (AmiEndpoint asterisk22 = AmiEndpoint.builder().identity(pjsip).build().start();
             RawAmiClient client = new RawAmiClient(asterisk22.port())) {
            assertThat(client.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
            client.login(AmiAccount.CTIRS);
            AmiMessage settings = client.ask("Action", "CoreSettings", "ActionID", "s-1");
            assertThat(settings.get("AMIversion")).isEqualTo("11.0.0");
            assertThat(settings.get("AsteriskVersion")).isEqualTo("22.10.1");
        }
    }

    @Test
    void loginAnswersAsAsteriskAndSendsFullyBootedToAnAccountReadingSystem() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            AmiMessage accepted = client.login(AmiAccount.CRM);
            AmiMessage booted = client.read();

            assertThat(accepted.toWire())
                    .isEqualTo("Response: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n");
            assertThat(booted.keys()).containsExactly("Event", "Privilege", "Uptime", "LastReload", "Status");
            assertThat(booted.get("Privilege")).isEqualTo("system,all");
            assertThat(booted.get("Status")).isEqualTo("Fully Booted");
        }
    }

    @Test
    void anAccountThatCannotReadSystemGetsNoFullyBooted() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            assertThat(client.login(AmiAccount.CTI).get("Message")).isEqualTo("Authentication accepted");

            AmiMessage next = client.ask("Action", "Ping", "ActionID", "p-1");

            assertThat(next.keys()).containsExactly("Response", "ActionID", "Ping", "Timestamp");
            assertThat(next.get("Timestamp")).matches("\\d+\\.\\d{6}");
        }
    }

    @Test
    void acceptsAnMd5KeyForTheChallenge() throws Exception {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            AmiMessage challenge = client.ask("Action", "Challenge", "ActionID", "c-1", "AuthType", "MD5");
            assertThat(challenge.keys()).containsExactly("Response", "ActionID", "Challenge");
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((challenge.get("Challenge") + "crm-secret").getBytes(StandardCharsets.UTF_8)));

            AmiMessage login = client.ask("Action", "Login", "ActionID", "l-1", "Username", "crm", "AuthType", "MD5",
                    "Key", key);

            assertThat(login.get("Message")).isEqualTo("Authentication accepted");
        }
    }

    @Test
    void aWrongSecretFailsAndEndsTheConnection() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            AmiMessage answer = client.ask("Action", "Login", "ActionID", "l-1", "Username", "crm", "Secret", "nope");

            assertThat(answer.toWire())
                    .isEqualTo("Response: Error\r\nActionID: l-1\r\nMessage: Authentication failed\r\n\r\n");
            assertThat(client.closedByPeer()).isTrue();
        }
        assertThat(endpoint.loginCount()).isZero();
    }

    @Test
    void refusesActionsBeforeLoginButKeepsTheConnection() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            AmiMessage refused = client.ask("Action", "CoreShowChannels", "ActionID", "early");

            assertThat(refused.toWire())
                    .isEqualTo("Response: Error\r\nActionID: early\r\nMessage: Permission denied\r\n\r\n");
            assertThat(client.login(AmiAccount.CTI).response()).isEqualTo("Success");
        }
    }

    @Test
    void namesAnUnknownActionAsAsteriskDoes() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            client.login(AmiAccount.CTI);

            assertThat(client.ask("Action", "Frobnicate", "ActionID", "f-1").get("Message")).isEqualTo(
                    "Invalid/unknown command: Frobnicate. Use Action: ListCommands to show available commands.");
            assertThat(client.ask("ActionID", "no-action").get("Message")).isEqualTo("Missing action in request");
        }
    }

    @Test
    void coreSettingsAndCommandLookLikeAsterisk20() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            client.login(AmiAccount.CRM);
            client.read(); // FullyBooted

            AmiMessage settings = client.ask("Action", "CoreSettings", "ActionID", "s-1");
            AmiMessage version = client.ask("Action", "Command", "ActionID", "v-1", "Command", "core show version");
            AmiMessage unknown = client.ask("Action", "Command", "ActionID", "v-2", "Command", "sip show peers");

            assertThat(settings.keys()).containsExactly("Response", "ActionID", "AMIversion", "AsteriskVersion",
                    "SystemName", "CoreMaxCalls", "CoreMaxLoadAvg", "CoreRunUser", "CoreRunGroup",
                    "CoreMaxFilehandles", "CoreRealTimeEnabled", "CoreCDRenabled", "CoreHTTPenabled",
                    "SoundsSearchCustomDir");
            assertThat(settings.get("AsteriskVersion")).isEqualTo("20.20.1");
            assertThat(version.toWire()).isEqualTo("Response: Success\r\nActionID: v-1\r\n"
                    + "Message: Command output follows\r\nOutput: Asterisk 20.20.1 built by root @ vm on a x86_64"
                    + " running Linux on 2026-11-21 18:58:52 UTC\r\n\r\n");
            assertThat(unknown.response()).isEqualTo("Error");
            assertThat(unknown.get("Output")).startsWith("No such command 'sip show peers'");
        }
    }

    @Test
    void refusesWhatTheWriteLineDoesNotAllowAsAsteriskDoes() throws IOException {
        try (RawAmiClient cti = new RawAmiClient(endpoint.port());
             RawAmiClient ctirs = new RawAmiClient(endpoint.port())) {
            cti.login(AmiAccount.CTI); // write = call,originate
            ctirs.login(AmiAccount.CTIRS); // write = call,originate,reporting

            for (String action : List.of("CoreShowChannels", "CoreSettings", "Command")) {
                assertThat(cti.ask("Action", action, "ActionID", "x-1", "Command", "core show version").toWire())
                        .isEqualTo("Response: Error\r\nActionID: x-1\r\nMessage: Permission denied\r\n\r\n");
            }
            assertThat(cti.ask("Action", "Ping", "ActionID", "p-1").get("Ping")).isEqualTo("Pong");
            assertThat(cti.ask("Action", "Originate", "ActionID", "o-1", "Channel", "PJSIP/777", "Context",
                    "from-internal", "Exten", "89271390907", "Priority", "1", "Async", "true").response())
                    .isEqualTo("Success");
            // then what became of the call, told to every session that may read call events, as Asterisk does
            assertThat(cti.read().get("Event")).isEqualTo("OriginateResponse");
            assertThat(ctirs.read().get("Event")).isEqualTo("OriginateResponse");
            assertThat(cti.ask("Action", "Frobnicate", "ActionID", "f-1").get("Message"))
                    .startsWith("Invalid/unknown command"); // unknown first, as Asterisk checks
            assertThat(ctirs.ask("Action", "CoreSettings", "ActionID", "s-1").response()).isEqualTo("Success");
            assertThat(ctirs.ask("Action", "Command", "ActionID", "c-1", "Command", "core show version")
                    .get("Message")).isEqualTo("Permission denied");
        }
    }

    @Test
    void eventsOffIsHonouredUntilSwitchedOnAgain() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            client.login(AmiAccount.CTI);

            assertThat(client.ask("Action", "Events", "ActionID", "e-1", "EventMask", "off").toWire())
                    .isEqualTo("Response: Success\r\nActionID: e-1\r\nEvents: Off\r\n\r\n");
            endpoint.publish(AmiMessage.of("Event", "Newstate", "Privilege", "call,all"));
            assertThat(client.ask("Action", "Ping", "ActionID", "p-1").get("Ping")).isEqualTo("Pong");

            assertThat(client.ask("Action", "Events", "ActionID", "e-2", "EventMask", "on").get("Events"))
                    .isEqualTo("On");
            endpoint.publish(AmiMessage.of("Event", "Hangup", "Privilege", "call,all"));
            assertThat(client.read().event()).isEqualTo("Hangup");
        }
    }

    @Test
    void logoffSaysGoodbyeAndCloses() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            client.login(AmiAccount.CTI);

            assertThat(client.ask("Action", "Logoff", "ActionID", "bye").toWire())
                    .isEqualTo("Response: Goodbye\r\nActionID: bye\r\nMessage: Thanks for all the fish.\r\n\r\n");
            assertThat(client.closedByPeer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.loggedInClients() == 0);
    }

    @Test
    void listsEndWithTheirCompleteEvent() throws IOException {
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            client.login(AmiAccount.CTIRS);

            client.send("Action", "CoreShowChannels", "ActionID", "r-1");
            assertThat(client.read().toWire()).isEqualTo(
                    "Response: Success\r\nActionID: r-1\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n");
            assertThat(client.read().toWire()).isEqualTo("Event: CoreShowChannelsComplete\r\nActionID: r-1\r\n"
                    + "EventList: Complete\r\nListItems: 0\r\n\r\n");

            client.send("Action", "QueueStatus", "ActionID", "q-1");
            assertThat(client.read().get("Message")).isEqualTo("Queue status will follow");
            assertThat(client.read().toWire()).isEqualTo("Event: QueueStatusComplete\r\nActionID: q-1\r\n"
                    + "EventList: Complete\r\nListItems: 0\r\n\r\n");

            assertThat(client.ask("Action", "Status", "ActionID", "s-1", "Channel", "SIP/none-1").get("Message"))
                    .isEqualTo("No such channel");
        }
    }

    @Test
    void callControlChecksTheChannelTable() throws IOException {
        endpoint.seedChannels(Traces.timeline(Traces.RESYNC).channelsUpAtStart());
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            client.login(AmiAccount.CTI);

            assertThat(client.ask("Action", "Originate", "ActionID", "o-1", "Channel", "SIP/777", "Context",
                    "from-internal", "Exten", "89271390907", "Priority", "1", "Async", "true").toWire())
                    .isEqualTo("Response: Success\r\nActionID: o-1\r\nMessage: Originate successfully queued\r\n\r\n");
            assertThat(client.read().get("Event")).as("then what became of the call").isEqualTo("OriginateResponse");
            assertThat(client.ask("Action", "BlindTransfer", "ActionID", "b-1", "Channel", "SIP/777-0000001f",
                    "Context", "from-internal", "Exten", "888").get("Message")).isEqualTo("Transfer succeeded");
            assertThat(client.ask("Action", "Atxfer", "ActionID", "a-1", "Channel", "SIP/777-0000001f",
                    "Context", "from-internal", "Exten", "888").get("Message")).isEqualTo("Atxfer successfully queued");
            assertThat(client.ask("Action", "Redirect", "ActionID", "r-1", "Channel", "SIP/999-00000001",
                    "Context", "from-internal", "Exten", "888", "Priority", "1").get("Message"))
                    .isEqualTo("Channel does not exist: SIP/999-00000001");
            AmiMessage hangup = client.ask("Action", "Hangup", "ActionID", "h-1", "Channel", "SIP/999-00000001");
            assertThat(hangup.response()).isEqualTo("Error");
            assertThat(hangup.get("Message")).isEqualTo("No such channel");
        }
    }

    @Test
    void aPluggedCallControlAnswersBeforeTheEventsItCauses() throws IOException {
        endpoint.close();
        endpoint = AmiEndpoint.builder().callControl(request -> {
            request.success("Originate successfully queued");
            request.publish(AmiMessage.of("Event", "Newchannel", "Privilege", "call,all", "Channel", "SIP/777-00000099",
                    "ChannelState", "0", "ChannelStateDesc", "Down", "Exten", "s", "Uniqueid", "9.9", "Linkedid",
                    "9.9"));
        }).build().start();
        try (RawAmiClient client = new RawAmiClient(endpoint.port())) {
            client.login(AmiAccount.CTI);

            assertThat(client.ask("Action", "Originate", "ActionID", "o-1", "Channel", "SIP/777").actionId())
                    .isEqualTo("o-1");
            assertThat(client.read().event()).isEqualTo("Newchannel");
            assertThat(endpoint.channels().byName("SIP/777-00000099")).isPresent();
        }
    }

    @Test
    void garbageFromOneClientClosesOnlyThatClient() throws IOException {
        try (RawAmiClient good = new RawAmiClient(endpoint.port());
             RawAmiClient garbage = new RawAmiClient(endpoint.port());
             RawAmiClient oversized = new RawAmiClient(endpoint.port())) {
            good.login(AmiAccount.CTI);

            garbage.sendRaw("GET / HTTP/1.1\r\nthis is no AMI\r\n\r\n");
            oversized.sendRaw("Action: Login\r\nUsername: " + "x".repeat(20_000) + "\r\n\r\n");

            assertThat(garbage.closedByPeer()).isTrue();
            assertThat(oversized.closedByPeer()).isTrue();
            endpoint.publish(AmiMessage.of("Event", "Newstate", "Privilege", "call,all"));
            assertThat(good.read().event()).isEqualTo("Newstate");
            assertThat(good.ask("Action", "Ping").get("Ping")).isEqualTo("Pong");
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWhileTheOthersGetEverything() throws Exception {
        endpoint.close();
        endpoint = AmiEndpoint.builder().writeTimeout(Duration.ofMillis(200)).build().start();
        AmiMessage bulky = AmiMessage.of("Event", "VarSet", "Privilege", "dialplan,all", "Value", "v".repeat(4000));
        try (RawAmiClient stalled = new RawAmiClient(endpoint.port(), 4096);
             RawAmiClient reader = new RawAmiClient(endpoint.port())) {
            stalled.login(AmiAccount.CTI); // reads nothing more from here on
            reader.login(AmiAccount.CRM);
            reader.read(); // FullyBooted
            int[] received = {0};
            Thread readerThread = Thread.ofVirtual().start(() -> {
                try {
                    for (AmiMessage m = reader.read(); m != null && !m.isEvent("Done"); m = reader.read()) {
                        received[0]++;
                    }
                } catch (IOException e) {
                    received[0] = -1;
                }
            });
            // cti may not read class dialplan: give the stalled client events it may read.
            AmiMessage forStalled = bulky.with("Privilege", "call,all");

            int published = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (endpoint.loggedInClients() > 1 && System.nanoTime() < deadline) {
                for (int i = 0; i < 100; i++) {
                    endpoint.publish(forStalled);
                    published++;
                }
                Thread.sleep(10);
            }
            endpoint.publish(AmiMessage.of("Event", "Done"));
            readerThread.join(Duration.ofSeconds(20));

            assertThat(endpoint.loggedInClients()).isEqualTo(1);
            assertThat(received[0]).isEqualTo(published);
        }
    }

    @Test
    void underTheWaitPolicyPublishingPacesItselfToASlowReader() throws Exception {
        endpoint.close();
        endpoint = AmiEndpoint.builder().slowClientPolicy(SlowClientPolicy.WAIT).outboundQueueCapacity(16)
                .build().start();
        TimelinePlayer player = new TimelinePlayer(endpoint::publish, PlaybackSpeed.asFastAsPossible());
        try (player; RawAmiClient slow = new RawAmiClient(endpoint.port(), 4096)) {
            slow.login(AmiAccount.CTI);
            List<TimedMessage> burst = IntStream.range(0, 3_000).mapToObj(i -> new TimedMessage(0,
                    AmiMessage.of("Event", "Newstate", "Privilege", "call,all", "Seq", Integer.toString(i),
                    "Padding", "p".repeat(1000)))).toList(); // 3 MB: more than the socket buffers hold

            Playback playback = player.schedule(burst, Duration.ZERO);
            int received = 0;
            for (AmiMessage m = slow.read(); m != null; m = received == 3_000 ? null : slow.read()) {
                assertThat(m.get("Seq")).isEqualTo(Integer.toString(received));
                if (++received % 500 == 0) {
                    Thread.sleep(50); // a reader that keeps pausing
                }
            }

            assertThat(playback.await(Duration.ofSeconds(10))).isTrue();
            assertThat(received).isEqualTo(3_000);
            assertThat(endpoint.loggedInClients()).isEqualTo(1);
        }
    }

    @Test
    void canRefuseConnectionsAndListenAgainOnTheSamePort() throws IOException {
        int port = endpoint.port();

        endpoint.stopAccepting();
        assertThatThrownBy(() -> new RawAmiClient(port)).isInstanceOf(ConnectException.class);

        endpoint.resumeAccepting();
        try (RawAmiClient client = new RawAmiClient(port)) {
            assertThat(client.banner()).startsWith("Asterisk Call Manager/");
        }
        assertThat(endpoint.port()).isEqualTo(port);
    }

    @Test
    void aShutdownEndsEveryConnectionAsAStoppingAsteriskDoes() throws IOException {
        try (RawAmiClient crm = new RawAmiClient(endpoint.port());
             RawAmiClient cti = new RawAmiClient(endpoint.port())) {
            crm.login(AmiAccount.CRM);
            crm.read(); // FullyBooted
            cti.login(AmiAccount.CTI); // reads no system events

            endpoint.publish(AmiMessage.of("Event", "Shutdown", "Privilege", "system,all", "Shutdown", "Cleanly",
                    "Restart", "True"));

            assertThat(crm.read().event()).isEqualTo("Shutdown");
            assertThat(crm.closedByPeer()).isTrue();
            assertThat(cti.closedByPeer()).isTrue();
        }
        try (RawAmiClient again = new RawAmiClient(endpoint.port())) {
            assertThat(again.login(AmiAccount.CRM).get("Message")).isEqualTo("Authentication accepted");
        }
    }

    @Test
    void droppingConnectionsClosesEveryClient() throws IOException {
        try (RawAmiClient first = new RawAmiClient(endpoint.port());
             RawAmiClient second = new RawAmiClient(endpoint.port())) {
            first.login(AmiAccount.CTI);
            second.login(AmiAccount.CTI);

            endpoint.dropAllConnections();

            assertThat(first.closedByPeer()).isTrue();
            assertThat(second.closedByPeer()).isTrue();
            assertThat(endpoint.loggedInClients()).isZero();
        }
    }
}
