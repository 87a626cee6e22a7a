package dev.zvonok.server.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An {@code Originate} into an application, as Asterisk 22's manager answers it (main/manager.c action_originate and
 * fast_originate): queued, then an {@code OriginateResponse} naming the rung phone's channel, the application and its
 * data; refused when the application needs the {@code system} permission the account lacks.
 */
class OriginateApplicationWireTest {

    /** May originate, nothing more: {@code write = call,originate}. */
    private static final AmiAccount ORIGINATE_ONLY = AmiAccount.CTI;

    private AmiEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).build().start();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void chanSpyNeedsOnlyOriginateAndIsFollowedByItsOriginateResponse() throws IOException {
        try (RawAmiClient client = loggedIn(ORIGINATE_ONLY)) {
            AmiMessage answer = client.ask("Action", "Originate", "ActionID", "spy-1", "Channel", "PJSIP/700",
                    "Application", "ChanSpy", "Data", "PJSIP/777-00000001,uqESw", "CallerID",
                    "\"whisper: Ivanov\" <700>", "Timeout", "30000", "Async", "true");

            assertThat(answer.toWire()).isEqualTo("Response: Success\r\nActionID: spy-1\r\n"
                    + "Message: Originate successfully queued\r\n\r\n");
            AmiMessage event = client.read();
            assertThat(event.keys()).containsExactly("Event", "Privilege", "ActionID", "Response", "Channel",
                    "Application", "Data", "Reason", "Uniqueid", "CallerIDNum", "CallerIDName");
            assertThat(event.get("Privilege")).isEqualTo("call,all");
            assertThat(event.get("ActionID")).isEqualTo("spy-1");
            assertThat(event.get("Response")).isEqualTo("Success");
            assertThat(event.get("Channel")).matches("PJSIP/700-[0-9a-f]{8}");
            assertThat(event.get("Application")).isEqualTo("ChanSpy");
            assertThat(event.get("Data")).isEqualTo("PJSIP/777-00000001,uqESw");
            assertThat(event.get("Reason")).isEqualTo("4");
            assertThat(event.get("CallerIDNum")).isEqualTo("700");
            assertThat(event.get("CallerIDName")).isEqualTo("whisper: Ivanov");
        }
    }

    @Test
    void applicationsThatReachTheShellNeedSystem() throws IOException {
        try (RawAmiClient client = loggedIn(ORIGINATE_ONLY)) {
            assertThat(client.ask("Action", "Originate", "ActionID", "o-1", "Channel", "PJSIP/700",
                    "Application", "System", "Data", "rm -rf /", "Async", "true").get("Message"))
                    .isEqualTo("Originate Access Forbidden: app or data blacklisted");
            assertThat(client.ask("Action", "Originate", "ActionID", "o-2", "Channel", "PJSIP/700",
                    "Application", "Playback", "Data", "${SHELL(id)}", "Async", "true").get("Message"))
                    .as("a dialplan function in the data").isEqualTo("Originate Access Forbidden: app or data blacklisted");
        }
        try (RawAmiClient client = loggedIn(AmiAccount.CRM)) { // write = all
            assertThat(client.ask("Action", "Originate", "ActionID", "o-3", "Channel", "PJSIP/700",
                    "Application", "System", "Data", "true").get("Message")).isEqualTo("Originate successfully queued");
        }
    }

    @Test
    void anAccountThatMayNotOriginateIsDeniedChanSpyToo() throws IOException {
        try (RawAmiClient client = loggedIn(AmiAccount.of("reader", "reader-secret", "call", "call,reporting"))) {
            assertThat(client.ask("Action", "Originate", "ActionID", "o-4", "Channel", "PJSIP/700",
                    "Application", "ChanSpy", "Data", "PJSIP/777-00000001,uqES", "Async", "true").get("Message"))
                    .isEqualTo("Permission denied");
        }
    }

    @Test
    void aRungPhoneNotPickedUpIsAFailureNamingTheDialStringAndWhyWithNoChannel() throws IOException {
        ringing(dialled -> dialled.equals("PJSIP/700") ? RungPhone.BUSY : RungPhone.NOT_ANSWERED);
        try (RawAmiClient client = loggedIn(ORIGINATE_ONLY)) {
            AmiMessage answer = client.ask("Action", "Originate", "ActionID", "spy-2", "Channel", "PJSIP/700",
                    "Application", "ChanSpy", "Data", "PJSIP/777-00000001,uqES", "CallerID",
                    "\"listen: Ivanov\" <700>", "Timeout", "30000", "Async", "true");

            assertThat(answer.get("Message")).as("Asterisk queues it before it knows").isEqualTo(
                    "Originate successfully queued");
            AmiMessage busy = client.read();
            assertThat(busy.toWire()).isEqualTo("Event: OriginateResponse\r\nPrivilege: call,all\r\n"
                    + "ActionID: spy-2\r\nResponse: Failure\r\nChannel: PJSIP/700\r\nApplication: ChanSpy\r\n"
                    + "Data: PJSIP/777-00000001,uqES\r\nReason: 5\r\nUniqueid: <unknown>\r\nCallerIDNum: 700\r\n"
                    + "CallerIDName: listen: Ivanov\r\n\r\n");

            client.ask("Action", "Originate", "ActionID", "spy-3", "Channel", "PJSIP/701", "Application",
                    "ChanSpy", "Data", "PJSIP/777-00000001,uqES", "ChannelId", "zv-1", "Async", "true");
            AmiMessage notAnswered = client.read();
            assertThat(notAnswered.get("Reason")).as("rang out: AST_CONTROL_RINGING").isEqualTo("3");
            assertThat(notAnswered.get("Uniqueid")).as("the id the Originate asked for").isEqualTo("zv-1");
            assertThat(notAnswered.get("CallerIDNum")).isEqualTo("<unknown>");
        }
    }

    @Test
    void clickToCallIntoTheDialplanIsReportedInTheRecordedShapeAnsweredOrNot() throws IOException {
        ringing(dialled -> dialled.equals("PJSIP/888") ? RungPhone.ANSWERS : RungPhone.CONGESTION);
        AmiMessage recorded = TraceTimeline.loadResource("/ami-traces/pjsip/09-pjsip-click-to-call-888.ami").events()
                .stream().map(TimedMessage::message).filter(m -> m.isEvent("OriginateResponse")).findFirst()
                .orElseThrow();
        try (RawAmiClient client = loggedIn(ORIGINATE_ONLY)) {
            client.ask("Action", "Originate", "ActionID", "c2c-1", "Channel", "PJSIP/888", "Context",
                    "from-internal", "Exten", "89099990109", "Priority", "1", "CallerID",
                    "\"89099990109\" <89099990109>", "Async", "true");
            AmiMessage answered = client.read();
            assertThat(answered.keys()).as("as the PBX of the recordings says it")
                    .containsExactlyElementsOf(recorded.keys());
            assertThat(answered.get("Response")).isEqualTo("Success");
            assertThat(answered.get("Channel")).matches("PJSIP/888-[0-9a-f]{8}");
            assertThat(answered.get("Exten")).isEqualTo("89099990109");

            client.ask("Action", "Originate", "ActionID", "c2c-2", "Channel", "PJSIP/777", "Context",
                    "from-internal", "Exten", "89099990109", "Priority", "1", "Async", "true");
            AmiMessage congested = client.read();
            assertThat(congested.keys()).containsExactlyElementsOf(recorded.keys());
            assertThat(congested.get("Response")).isEqualTo("Failure");
            assertThat(congested.get("Channel")).isEqualTo("PJSIP/777");
            assertThat(congested.get("Reason")).isEqualTo("8");
        }
    }

    @Test
    void aSynchronousOriginateWaitsForThePhoneAndFailsWhenItIsNotPickedUp() throws IOException {
        ringing(dialled -> dialled.equals("PJSIP/700") ? RungPhone.UNREACHABLE : RungPhone.ANSWERS);
        try (RawAmiClient client = loggedIn(ORIGINATE_ONLY)) {
            assertThat(client.ask("Action", "Originate", "ActionID", "s-1", "Channel", "PJSIP/700", "Context",
                    "from-internal", "Exten", "100", "Priority", "1").toWire())
                    .isEqualTo("Response: Error\r\nActionID: s-1\r\nMessage: Originate failed\r\n\r\n");
            assertThat(client.ask("Action", "Originate", "ActionID", "s-2", "Channel", "PJSIP/701", "Context",
                    "from-internal", "Exten", "100").get("Message"))
                    .isEqualTo("Originate with 'Exten' requires 'Context' and 'Priority'");
            assertThat(client.ask("Action", "Originate", "ActionID", "s-3", "Channel", "PJSIP/701", "Context",
                    "from-internal", "Exten", "100", "Priority", "1").get("Message"))
                    .isEqualTo("Originate successfully queued");
            assertThat(client.ask("Action", "Originate", "ActionID", "s-4", "Channel", "777", "Context",
                    "from-internal", "Exten", "100", "Priority", "1", "Async", "true").toWire())
                    .as("no technology: refused before anything is queued")
                    .isEqualTo("Response: Error\r\nActionID: s-4\r\nMessage: Invalid channel\r\n\r\n");
        }
    }

    private void ringing(java.util.function.Function<String, RungPhone> phones) {
        endpoint.close();
        endpoint = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22)
                .callControl(new AcknowledgingCallControl().phones(phones)).build().start();
    }

    private RawAmiClient loggedIn(AmiAccount account) throws IOException {
        if (endpoint.account(account.username()) == null) {
            endpoint.close();
            endpoint = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).account(account).build().start();
        }
        RawAmiClient client = new RawAmiClient(endpoint.port());
        assertThat(client.ask("Action", "Login", "ActionID", "login-1", "Username", account.username(), "Secret",
                account.secret(), "Events", "call").get("Message")).isEqualTo("Authentication accepted");
        return client;
    }
}
