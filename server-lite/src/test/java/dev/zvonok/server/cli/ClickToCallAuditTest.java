package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.AuditLogRecord;
import dev.zvonok.server.pbx.AcknowledgingCallControl;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.pbx.RungPhone;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every click-to-call leaves its trace in the audit log, through the whole server: the order as the PBX (our AMI
 * endpoint, answering as Asterisk 22) answered it — who, from which phone, to which number, its {@code ref} and
 * ActionID — then the PBX's final word on the operator's phone.
 */
class ClickToCallAuditTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** What Ivanov's phone (777) does when the PBX rings it. */
    private volatile RungPhone ivanovsPhone = RungPhone.ANSWERS;
    private AmiEndpoint pbx;
    private LiveServer server;

    @BeforeEach
    void start() {
        db.clean();
        AcknowledgingCallControl asterisk = new AcknowledgingCallControl()
                .phones(dialled -> dialled.equals("PJSIP/777") ? ivanovsPhone : RungPhone.ANSWERS);
        pbx = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).callControl(asterisk).build().start();
        server = LiveServer.start(db.settings(), pbx);
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    @Test
    void aCallThatWentThroughIsTheOrderThenAnswered() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("ok", "8 927 139-09-07"));
            ivanov.await(ServerMessage.OriginateAccepted.class, a -> a.ref().equals("ok"));
        }
        // nothing is told of a call that went through: its final row is the only sign, written off the PBX's thread
        await().atMost(Duration.ofSeconds(15)).until(() -> clickToCallRows().size() == 2);

        List<AuditLogRecord> rows = clickToCallRows();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getActorLogin()).isEqualTo("ivanov");
            assertThat(row.getActorUserId()).isEqualTo(idOf("ivanov"));
            assertThat(row.getEntity()).isEqualTo("user");
            assertThat(row.getEntityId()).as("the operator who called").isEqualTo(idOf("ivanov"));
            assertThat(row.getAddress()).isEqualTo("127.0.0.1");
            JsonNode after = after(row);
            assertThat(after.get("ref").asText()).isEqualTo("ok");
            assertThat(after.get("number").asText()).as("as asked").isEqualTo("8 927 139-09-07");
            assertThat(after.get("extension").asText()).isEqualTo("777");
            assertThat(after.get("channel").asText()).isEqualTo("PJSIP/777");
            assertThat(after.get("order").asText()).startsWith("zvonok-dial-");
        });
        assertThat(rows).extracting(row -> after(row).get("result").asText())
                .as("the order, then what became of the operator's phone").containsExactly("accepted", "answered");
        assertThat(rows).extracting(row -> after(row).get("order").asText()).as("one order").hasSize(2)
                .containsOnly(after(rows.getFirst()).get("order").asText());
    }

    @Test
    void aCallWhosePhoneWasBusyIsTheOrderThenTheReasonWrittenBeforeTheOperatorHearsIt() throws Exception {
        ivanovsPhone = RungPhone.BUSY;
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("b1", "+79271390907"));
            ivanov.await(ServerMessage.OriginateAccepted.class, a -> a.ref().equals("b1"));
            ivanov.await(ServerMessage.DialFailed.class, f -> f.ref().equals("b1"));

            assertThat(clickToCallRows()).extracting(row -> after(row).get("result").asText())
                    .containsExactly("accepted", "busy");
        }
    }

    @Test
    void anOrderThePbxCouldNotTakeIsAuditedAsRefused() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("x", "call me maybe"));

            ServerMessage.Error refused = ivanov.await(ServerMessage.Error.class, e -> "x".equals(e.ref()));
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD.wireName());
            assertThat(clickToCallRows()).singleElement().satisfies(row -> {
                assertThat(after(row).get("result").asText()).isEqualTo("refused: not a phone number: call me maybe");
                assertThat(after(row).has("order")).as("never sent").isFalse();
            });
        }
    }

    private static List<AuditLogRecord> clickToCallRows() {
        return db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("click-to-call")).orderBy(AUDIT_LOG.ID)
                .fetch();
    }

    private static JsonNode after(AuditLogRecord row) {
        try {
            return Json.mapper().readTree(row.getAfterState());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long idOf(String login) {
        return server.server.users().findByLogin(login).orElseThrow().id();
    }
}
