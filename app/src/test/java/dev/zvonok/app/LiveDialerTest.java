package dev.zvonok.app;

import static dev.zvonok.server.db.schema.Tables.KEPT_DIAL_FAILURES;
import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.history.PlacedCall;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveEvents;
import dev.zvonok.app.live.LiveSettings;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.DialFailure;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AcknowledgingCallControl;
import dev.zvonok.server.pbx.CallControlRequest;
import dev.zvonok.server.pbx.RungPhone;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Click-to-call as the missed-calls screen places it: the app's {@link LiveDialer} against the real server. */
class LiveDialerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final LiveSettings QUICK = LiveSettings.defaults()
            .withRetry(Duration.ofMillis(200), Duration.ofSeconds(2))
            .withPing(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    private static final Duration LIFETIME = Duration.ofSeconds(3);

    @TempDir
    Path dataDirectory;

    private RunningServer server;
    private Sessions sessions;
    private LiveConnection live;
    private LiveDialer dialer;
    private final LiveEvents heard = new LiveEvents();
    /** What Ivanov's desk phone (777) does when the PBX rings it, for the servers that ask. */
    private volatile RungPhone ivanovsPhone = RungPhone.ANSWERS;
    private final AcknowledgingCallControl asterisk = new AcknowledgingCallControl();
    private final List<CallControlRequest> queued = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
        if (sessions != null) {
            sessions.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Ivanov (777) logged in, the dialer on his live connection as the app wires it; not yet connected. */
    private void wire(RunningServer running) throws Exception {
        server = running;
        sessions = RunningServer.newSessions(dataDirectory);
        sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);
        live = new LiveConnection(server.address().webSocket(), sessions, QUICK, WireJson.mapper());
        dialer = new LiveDialer(live);
        live.addListener(dialer);
        live.addListener(heard);
    }

    private void connect(RunningServer running) throws Exception {
        wire(running);
        live.start();
        heard.await(ServerMessage.ActiveCalls.class);
    }

    private static Throwable failureOf(CompletableFuture<PlacedCall> answer) {
        try {
            answer.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no answer to the call-back", e);
        }
        throw new AssertionError("the call-back succeeded");
    }

    @Test
    void theServerPlacesTheCallBackAndSaysSo() throws Exception {
        connect(RunningServer.start(db));

        dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS);

        assertThat(heard.await(ServerMessage.OriginateAccepted.class).number()).isEqualTo("+79271390907");
    }

    @Test
    void aDeskPhoneThePbxThenCouldNotRingIsToldWithThePbxsReason() throws Exception {
        connect(RunningServer.startWithPhones(db, dialled -> ivanovsPhone));
        ivanovsPhone = RungPhone.BUSY;

        PlacedCall placed = dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS);

        assertThat(placed.notReached().get(20, TimeUnit.SECONDS)).isEqualTo(DialFailure.BUSY);
        ivanovsPhone = RungPhone.NOT_ANSWERED;
        assertThat(dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS).notReached().get(20, TimeUnit.SECONDS))
                .isEqualTo(DialFailure.NO_ANSWER);
    }

    @Test
    void aCallThatWentThroughIsNeverSaidToHaveFailed() throws Exception {
        connect(RunningServer.startWithPhones(db, dialled -> ivanovsPhone));
        PlacedCall through = dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS);

        // the barrier: a later call that fails; the PBX reports in order, so the first's word came before
        ivanovsPhone = RungPhone.CONGESTION;
        PlacedCall congested = dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS);
        assertThat(congested.notReached().get(20, TimeUnit.SECONDS)).isEqualTo(DialFailure.CONGESTION);

        assertThat(through.notReached()).isNotDone();
    }

    /** The PBX queues each click-to-call and says what became of Ivanov's phone when the test {@link #report}s it. */
    private void connectHoldingOrders() throws Exception {
        connect(RunningServer.startWithCallControl(db, request -> {
            if ("originate".equals(request.name())) {
                request.success("Originate successfully queued"); // what became of the phone: said by report
                queued.add(request);
            } else {
                asterisk.handle(request);
            }
        }));
    }

    private void report(RungPhone phone) {
        server.pbx().publish(asterisk.report(queued.getFirst(), phone));
    }

    /** What the app sent before this ping on its socket has been handled by the server once the pong is back. */
    private void pingBarrier() {
        String ref = "barrier-" + System.nanoTime();
        live.send(new ClientMessage.Ping(ref));
        heard.await(ServerMessage.Pong.class, pong -> ref.equals(pong.ref()));
    }

    private static int keptByTheServer() {
        return db.dsl().fetchCount(KEPT_DIAL_FAILURES);
    }

    @Test
    void aFailureThePbxReportsWhileTheAppIsAwayIsToldOnceWhenItIsBack() throws Exception {
        connectHoldingOrders();
        PlacedCall placed = dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS);

        server.proxy().cut(); // the network goes, and stays away until restored
        // the barrier that the server saw the socket go: Ivanov's last socket ends his work-status stretch
        await().atMost(Duration.ofSeconds(20)).until(() -> db.dsl().fetchCount(WORK_STATUS_LOG,
                WORK_STATUS_LOG.ENDED_AT.isNull()) == 0);
        report(RungPhone.BUSY);
        server.proxy().restore();

        assertThat(placed.notReached().get(30, TimeUnit.SECONDS)).as("as a live one").isEqualTo(DialFailure.BUSY);
        pingBarrier();
        assertThat(heard.count(ServerMessage.DialFailed.class)).as("once").isOne();
        assertThat(heard.await(ServerMessage.DialFailed.class).keptSince()).as("said late").isNotNull();
        assertThat(keptByTheServer()).as("acknowledged").isZero();
    }

    @Test
    void aFailureWrittenIntoAConnectionThatWasAlreadyDeadIsToldOnTheNextOne() throws Exception {
        connectHoldingOrders();
        PlacedCall placed = dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS);

        server.proxy().freeze(); // a closed lid: the server's socket looks open, nothing gets through
        report(RungPhone.NOT_ANSWERED);
        // stored before it is told: into the dead socket, or kept for the next one if the server saw it die first
        await().atMost(Duration.ofSeconds(20)).until(() -> keptByTheServer() == 1);
        server.proxy().cut();
        server.proxy().thaw();
        server.proxy().restore();

        assertThat(placed.notReached().get(30, TimeUnit.SECONDS)).isEqualTo(DialFailure.NO_ANSWER);
        pingBarrier();
        assertThat(heard.count(ServerMessage.DialFailed.class)).as("the frozen copy never arrived").isOne();
        assertThat(keptByTheServer()).as("acknowledged").isZero();
    }

    @Test
    void aFailureToldAgainBecauseItsAcknowledgementWasLostIsShownOnceAndAcknowledgedAgain() throws Exception {
        connectHoldingOrders();
        PlacedCall placed = dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS);

        server.proxy().freezeUpstream(); // the app hears the server; what it answers is lost
        report(RungPhone.BUSY);
        assertThat(placed.notReached().get(30, TimeUnit.SECONDS)).isEqualTo(DialFailure.BUSY);
        // heard after the dialer (listeners are told in order): its acknowledgement went into the lost way
        ServerMessage.DialFailed first = heard.await(ServerMessage.DialFailed.class);
        assertThat(keptByTheServer()).as("not acknowledged as far as the server knows").isOne();
        server.proxy().cut();
        server.proxy().thaw();
        server.proxy().restore();

        List<ServerMessage.DialFailed> told = heard.awaitCount(ServerMessage.DialFailed.class, 2);
        assertThat(told.get(1).id()).as("the same failure, told again").isEqualTo(first.id());
        assertThat(told.get(1).keptSince()).isNotNull();
        pingBarrier();
        assertThat(keptByTheServer()).as("acknowledged again").isZero();
        assertThat(placed.notReached()).as("shown once, as first told").isCompletedWithValue(DialFailure.BUSY);

        int connections = heard.count(ServerMessage.ActiveCalls.class);
        server.proxy().cut();
        server.proxy().restore();
        heard.awaitCount(ServerMessage.ActiveCalls.class, connections + 1);
        pingBarrier();
        assertThat(heard.count(ServerMessage.DialFailed.class)).as("acknowledged: not told on the next socket")
                .isEqualTo(2);
    }

    @Test
    void aNumberTheServerCannotDialIsRefusedWithTheServersReason() throws Exception {
        connect(RunningServer.start(db));

        Throwable refused = failureOf(dialer.callBack("anonymous"));

        assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("invalid-field");
    }

    @Test
    void withoutAConnectionTheCallBackFailsAtOnce() throws Exception {
        wire(RunningServer.start(db)); // never started: as while the app is offline

        assertThat(failureOf(dialer.callBack("+79271390907"))).isInstanceOf(IOException.class);
    }

    @Test
    void aConnectionLostBeforeTheAnswerFailsTheCallBack() throws Exception {
        connect(RunningServer.start(db));
        server.proxy().freeze(); // the request goes out, no answer comes back

        CompletableFuture<PlacedCall> answer = dialer.callBack("+79271390907");
        assertThat(answer).isNotDone();
        int statesBefore = heard.states.size();
        server.proxy().cut();

        assertThat(failureOf(answer)).isInstanceOf(IOException.class);
        // awaited: the dialer hears of the loss before the test's listener (told in order), so the answer can fail
        // a moment before that state is recorded; not the last state either, as the app may be connected again by
        // then (it retries after 200 ms)
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.states.subList(statesBefore, heard.states.size())
                .stream().anyMatch(state -> !(state instanceof ConnectionState.Connected)));
    }

    @Test
    void afterTheAccessTokenExpiredACallBackStillGoesThrough() throws Exception {
        connect(RunningServer.startWithTokenLifetime(db, LIFETIME));
        Instant firstExpiry = heard.await(ServerMessage.Authenticated.class).expiresAt();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(firstExpiry.plusSeconds(1)));

        dialer.callBack("+79271390907").get(20, TimeUnit.SECONDS);

        assertThat(heard.count(ServerMessage.Authenticated.class)).as("the socket was renewed, not replaced")
                .isGreaterThan(1);
    }
}
