package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.KEPT_DIAL_FAILURES;
import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.DialFailure;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AcknowledgingCallControl;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.pbx.CallControlRequest;
import dev.zvonok.server.pbx.RungPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A click-to-call the PBX accepted but could not ring through, through the whole server: the PBX (our AMI endpoint,
 * answering as Asterisk 22) queues the Originate, then reports in {@code OriginateResponse} that Ivanov's phone (777)
 * was busy, not picked up, congested or unreachable — or says nothing at all. Ivanov, who asked, hears why; nobody
 * else does; a call that went through tells nothing. A word is kept, across a restart too, until an app of Ivanov's
 * acknowledges it: told once on each socket, again on each socket he opens next until then.
 */
class DialFailedOverWebSocketTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Short enough for a test to see the PBX's silence become "unknown". */
    private static final ClickToCall.Settings QUICK = ClickToCall.Settings.defaults()
            .withRingTimeout(Duration.ofMillis(300)).withReportPatience(Duration.ofMillis(300));

    private final List<AmiMessage> originates = new CopyOnWriteArrayList<>();
    /** What Ivanov's phone (777) does when the PBX rings it. */
    private volatile RungPhone ivanovsPhone = RungPhone.ANSWERS;
    /** When set, the PBX queues the Originate and never reports what became of it. */
    private volatile boolean silent;
    /** When set, the PBX queues the Originate and the test says later what became of it. */
    private volatile boolean heldBack;
    private final List<CallControlRequest> heldOrders = new CopyOnWriteArrayList<>();
    private final AcknowledgingCallControl asterisk = new AcknowledgingCallControl()
            .phones(dialled -> dialled.equals("PJSIP/777") ? ivanovsPhone : RungPhone.ANSWERS);
    private AmiEndpoint pbx;
    private LiveServer server;

    @BeforeEach
    void start() {
        db.clean();
        pbx = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).callControl(request -> {
            originates.add(request.action());
            if ((silent || heldBack) && "originate".equals(request.name())) {
                request.success("Originate successfully queued");
                if (heldBack) {
                    heldOrders.add(request);
                }
            } else {
                asterisk.handle(request);
            }
        }).build().start();
        server = LiveServer.start(db.settings(), pbx, QUICK);
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    @Test
    void eachReasonThePbxGivesReachesTheOperatorWhoAskedAndNobodyElse() throws Exception {
        Map<RungPhone, DialFailure> reasons = new LinkedHashMap<>();
        reasons.put(RungPhone.BUSY, DialFailure.BUSY);
        reasons.put(RungPhone.NOT_ANSWERED, DialFailure.NO_ANSWER);
        reasons.put(RungPhone.DECLINES, DialFailure.NO_ANSWER);
        reasons.put(RungPhone.CONGESTION, DialFailure.CONGESTION);
        reasons.put(RungPhone.UNREACHABLE, DialFailure.UNAVAILABLE);
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov");
             OperatorClient supervisor = server.operator("supervisor")) {
            supervisor.send(new ClientMessage.SubscribeAllCalls("all"));
            supervisor.await(ServerMessage.Subscribed.class);
            int order = 0;
            for (Map.Entry<RungPhone, DialFailure> fate : reasons.entrySet()) {
                ivanovsPhone = fate.getKey();
                String ref = "c" + (++order);
                ivanov.send(new ClientMessage.Originate(ref, "8 927 139-09-07"));

                assertThat(ivanov.await(ServerMessage.OriginateAccepted.class, a -> a.ref().equals(ref)))
                        .as("accepted first").isNotNull();
                ServerMessage.DialFailed failed = ivanov.await(ServerMessage.DialFailed.class,
                        f -> f.ref().equals(ref));
                assertThat(failed.reason()).as("the phone %s", fate.getKey()).isEqualTo(fate.getValue());
                assertThat(failed.number()).isEqualTo("8 927 139-09-07");
                assertThat(failed.message()).isNotBlank();
            }
            // Ivanov heard every failure: had the others been told, it would be queued before their pong
            assertThat(petrov.drainUntilPong()).noneMatch(ServerMessage.DialFailed.class::isInstance);
            assertThat(supervisor.drainUntilPong()).noneMatch(ServerMessage.DialFailed.class::isInstance);
        }
        assertThat(originates).hasSize(reasons.size()).allSatisfy(originate -> {
            assertThat(originate.get("Channel")).isEqualTo("PJSIP/777");
            // asterisk-java puts its own prefix before ours on the wire ("1475643258_9#zvonok-dial-4")
            assertThat(originate.get("ActionID")).as("followed by its ActionID").contains("#zvonok-dial-");
        });
    }

    @Test
    void aCallThatWentThroughTellsNothing() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("ok", "+79271390907"));
            ivanov.await(ServerMessage.OriginateAccepted.class, a -> a.ref().equals("ok"));
            // the barrier: a second call whose phone is busy. The PBX reports in order on one link, so once its
            // failure is heard, the answered call's report was handled before it
            ivanovsPhone = RungPhone.BUSY;
            ivanov.send(new ClientMessage.Originate("busy", "+79271390907"));

            ivanov.await(ServerMessage.DialFailed.class, f -> f.ref().equals("busy"));
            assertThat(ivanov.drainUntilPong()).noneMatch(ServerMessage.DialFailed.class::isInstance);
        }
    }

    @Test
    void aPbxThatNeverSaysIsAnUnknownOutcomeNotAFailure() throws Exception {
        silent = true;
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("c1", "+79271390907"));
            ivanov.await(ServerMessage.OriginateAccepted.class);

            ServerMessage.DialFailed unknown = ivanov.await(ServerMessage.DialFailed.class);

            assertThat(unknown.ref()).isEqualTo("c1");
            assertThat(unknown.reason()).as("after the ring timeout and the patience").isEqualTo(DialFailure.UNKNOWN);
            assertThat(ivanov.drainUntilPong()).as("told once").noneMatch(ServerMessage.DialFailed.class::isInstance);
        }
    }

    @Test
    void aFailureWhileTheOperatorsAppIsAwayIsToldOnTheirNextSocketAsDelayedUntilAcknowledged() throws Exception {
        heldBack = true;
        long ivanovId = server.server.users().findByLogin("ivanov").orElseThrow().id();
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("away", "+79271390907"));
            ivanov.await(ServerMessage.OriginateAccepted.class, a -> a.ref().equals("away"));
        }
        // the barrier that the server saw the socket go: the operator's last socket ends their status stretch
        await().atMost(Duration.ofSeconds(15)).until(() -> db.dsl().fetchCount(WORK_STATUS_LOG,
                WORK_STATUS_LOG.USER_ID.eq(ivanovId), WORK_STATUS_LOG.ENDED_AT.isNull()) == 0);

        // the phone was busy, and the PBX says so while Ivanov's app is reconnecting
        Instant reported = Instant.now();
        pbx.publish(asterisk.report(heldOrders.getFirst(), RungPhone.BUSY));

        try (OperatorClient back = server.operator("ivanov")) {
            ServerMessage.DialFailed kept = back.await(ServerMessage.DialFailed.class);
            assertThat(kept).usingRecursiveComparison().ignoringFields("id", "keptSince").isEqualTo(new ServerMessage
                    .DialFailed("away", "+79271390907", DialFailure.BUSY, "your phone was busy: the number was not dialled",
                    null));
            assertThat(kept.id()).as("what the app acknowledges").isNotBlank();
            assertThat(kept.keptSince()).as("said late, and since when").isBetween(reported, Instant.now());
            assertThat(back.drainUntilPong()).as("told once on this socket")
                    .noneMatch(ServerMessage.DialFailed.class::isInstance);

            back.send(new ClientMessage.AckDialFailed("seen", kept.id()));
            // the barrier: a client's messages are handled in order, the acknowledgement before this ping
            assertThat(back.drainUntilPong()).as("an acknowledgement is not answered").isEmpty();
            try (OperatorClient secondApp = server.operator("ivanov")) {
                assertThat(secondApp.drainUntilPong()).as("acknowledged: not told on the next socket")
                        .noneMatch(ServerMessage.DialFailed.class::isInstance);
            }
        }
    }

    @Test
    void aFailureWhileTheOperatorIsConnectedIsToldAtOnceAndOnceAcknowledgedNotAgain() throws Exception {
        heldBack = true;
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("here", "+79271390907"));
            ivanov.await(ServerMessage.OriginateAccepted.class, a -> a.ref().equals("here"));

            pbx.publish(asterisk.report(heldOrders.getFirst(), RungPhone.BUSY));

            ServerMessage.DialFailed live = ivanov.await(ServerMessage.DialFailed.class);
            assertThat(live.keptSince()).as("live").isNull();
            ivanov.send(new ClientMessage.AckDialFailed("bad", "not-an-id"));
            assertThat(ivanov.await(ServerMessage.Error.class, e -> "bad".equals(e.ref())).code())
                    .isEqualTo(ErrorCode.INVALID_FIELD.wireName());
            ivanov.send(new ClientMessage.AckDialFailed("seen", live.id()));
            ivanov.drainUntilPong();
        }
        try (OperatorClient back = server.operator("ivanov")) {
            assertThat(back.drainUntilPong()).noneMatch(ServerMessage.DialFailed.class::isInstance);
        }
        assertThat(db.dsl().fetchCount(KEPT_DIAL_FAILURES)).as("forgotten in the database too").isZero();
    }

    @Test
    void aFailureToldToASocketThatDiesBeforeAcknowledgingIsToldAgainOnTheNextOneOnly() throws Exception {
        heldBack = true;
        ServerMessage.DialFailed live;
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient otherApp = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("lost", "+79271390907"));
            ivanov.await(ServerMessage.OriginateAccepted.class, a -> a.ref().equals("lost"));
            pbx.publish(asterisk.report(heldOrders.getFirst(), RungPhone.NOT_ANSWERED));
            // written into the socket; whether the app got it, the server cannot know: it has no acknowledgement
            live = ivanov.await(ServerMessage.DialFailed.class);
            assertThat(otherApp.await(ServerMessage.DialFailed.class)).as("every open app of the user").isEqualTo(live);

            try (OperatorClient next = server.operator("ivanov")) {
                ServerMessage.DialFailed again = next.await(ServerMessage.DialFailed.class);
                assertThat(again).as("the same word, told late").isEqualTo(live.asKeptSince(again.keptSince()));
                assertThat(again.keptSince()).isNotNull();
            }
            assertThat(ivanov.drainUntilPong()).as("never again on a socket that was told it (an old app that never "
                    + "acknowledges)").noneMatch(ServerMessage.DialFailed.class::isInstance);
            assertThat(otherApp.drainUntilPong()).noneMatch(ServerMessage.DialFailed.class::isInstance);
        } // both sockets die without acknowledging

        try (OperatorClient back = server.operator("ivanov")) {
            ServerMessage.DialFailed again = back.await(ServerMessage.DialFailed.class);
            assertThat(again.id()).isEqualTo(live.id());
            assertThat(again.reason()).isEqualTo(DialFailure.NO_ANSWER);
            assertThat(back.drainUntilPong()).noneMatch(ServerMessage.DialFailed.class::isInstance);
        }
    }

    @Test
    void aFailureNotAcknowledgedOutlivesARestartOfTheServer() throws Exception {
        heldBack = true;
        ServerMessage.DialFailed live;
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("restart", "+79271390907"));
            ivanov.await(ServerMessage.OriginateAccepted.class, a -> a.ref().equals("restart"));
            pbx.publish(asterisk.report(heldOrders.getFirst(), RungPhone.CONGESTION));
            live = ivanov.await(ServerMessage.DialFailed.class); // stored before it is told
        }
        Instant toldBy = Instant.now();

        server.close();
        server = LiveServer.start(db.settings(), pbx, QUICK);

        try (OperatorClient back = server.operator("ivanov")) {
            ServerMessage.DialFailed kept = back.await(ServerMessage.DialFailed.class);
            assertThat(kept).usingRecursiveComparison().ignoringFields("keptSince").isEqualTo(live);
            assertThat(kept.keptSince()).as("when the PBX said it, before the restart").isBefore(toldBy);
            back.send(new ClientMessage.AckDialFailed("seen", kept.id()));
            back.drainUntilPong();
        }

        server.close();
        server = LiveServer.start(db.settings(), pbx, QUICK);
        try (OperatorClient back = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov")) {
            assertThat(back.drainUntilPong()).as("acknowledged before the restart")
                    .noneMatch(ServerMessage.DialFailed.class::isInstance);
            assertThat(petrov.drainUntilPong()).noneMatch(ServerMessage.DialFailed.class::isInstance);
        }
    }

    @Test
    void aLinkToThePbxLostBeforeItSaidIsUnknown() throws Exception {
        server.close();
        // patience long enough that only the loss can end the wait
        server = LiveServer.start(db.settings(), pbx, ClickToCall.Settings.defaults());
        silent = true;
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("c1", "+79271390907"));
            ivanov.await(ServerMessage.OriginateAccepted.class);

            pbx.dropAllConnections();

            assertThat(ivanov.await(ServerMessage.DialFailed.class))
                    .usingRecursiveComparison().ignoringFields("id")
                    .isEqualTo(new ServerMessage.DialFailed("c1", "+79271390907", DialFailure.UNKNOWN,
                            "the PBX did not say whether your phone rang: look at your phone", null));
        }
    }
}
