package dev.zvonok.server.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.AmiMessage;
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
