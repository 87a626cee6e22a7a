package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AcknowledgingCallControl;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Click-to-call the PBX refuses, through the whole server: the operator hears why at once, in words an administrator
 * can act on, and nothing is left waiting.
 */
class ClickToCallRefusedTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Reads calls and resyncs, but may not originate. */
    private static final AmiAccount NO_ORIGINATE = AmiAccount.of("noorig", "noorig-secret", "call,agent",
            "call,reporting");

    private final List<AmiMessage> originates = new CopyOnWriteArrayList<>();
    private AmiEndpoint pbx;
    private LiveServer server;

    @BeforeEach
    void start() {
        db.clean();
        AcknowledgingCallControl asterisk = new AcknowledgingCallControl();
        pbx = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).account(NO_ORIGINATE)
                .callControl(request -> {
                    originates.add(request.action());
                    asterisk.handle(request);
                }).build().start();
        server = LiveServer.start(db.settings(), LiveServer.amiSettings(pbx.port(), NO_ORIGINATE));
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    @Test
    void aPbxAccountThatMayNotOriginateIsNamedWithWhatToAdd() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("c1", "8 916 123-45-67"));

            ServerMessage.Error refused = ivanov.await(ServerMessage.Error.class, e -> "c1".equals(e.ref()));
            assertThat(refused.code()).isEqualTo(ErrorCode.PBX_UNAVAILABLE.wireName());
            assertThat(refused.message()).startsWith("the PBX refused the call: ")
                    .contains("add 'originate' to the 'write =' line of [noorig]");
            assertThat(ivanov.drainUntilPong()).as("no acceptance besides the refusal")
                    .noneMatch(ServerMessage.OriginateAccepted.class::isInstance);
        }
        assertThat(originates).as("Asterisk refuses before the call control").isEmpty();
    }
}
