package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardReplica;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.OperatorChange;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.BoardChanged;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.model.ws.ServerMessage.WorkStatusChanged;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.TeamDetails;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The supervisors' board and the operators' work status through the whole server: real PostgreSQL, a recorded PBX,
 * the WebSocket and {@code GET /api/board}.
 */
class BoardOverWebSocketTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final ReplayedServer replayed = new ReplayedServer(db);

    private long idOf(String login) {
        return replayed.server().server.users().findByLogin(login).orElseThrow().id();
    }

    @Test
    void anOperatorsBreakReachesEveryAppOfTheirsIsLoggedAndItsStretchEndsWithTheLastApp() throws Exception {
        long ivanov = idOf("ivanov");
        try (OperatorClient desk = replayed.server().operator("ivanov"); OperatorClient laptop = replayed.server().operator("ivanov")) {
            assertThat(desk.workStatus.status()).isEqualTo(WorkStatus.AVAILABLE);
            assertThat(desk.workStatus.breakReasons()).containsExactly("lunch", "training", "meeting", "other");

            desk.send(new ClientMessage.SetWorkStatus("b1", WorkStatus.BREAK, "lunch"));
            for (OperatorClient app : List.of(desk, laptop)) {
                WorkStatusChanged changed = app.await(WorkStatusChanged.class, w -> "b1".equals(w.ref()));
                assertThat(changed.status()).isEqualTo(WorkStatus.BREAK);
                assertThat(changed.reason()).isEqualTo("lunch");
                assertThat(changed.pbxProblem()).as("no queues to pause: nothing to do").isNull();
            }
            desk.send(new ClientMessage.SetWorkStatus("b2", WorkStatus.BREAK, "nap"));
            ServerMessage.Error refused = desk.await(ServerMessage.Error.class, e -> "b2".equals(e.ref()));
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD.wireName());
            assertThat(refused.message()).contains("lunch, training, meeting, other");

            var rows = db.dsl().selectFrom(WORK_STATUS_LOG).where(WORK_STATUS_LOG.USER_ID.eq(ivanov))
                    .orderBy(WORK_STATUS_LOG.ID).fetch();
            assertThat(rows).extracting(r -> r.getStatus(), r -> r.getReason(), r -> r.getSource(),
                            r -> r.getEndedAt() == null)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("available", null, "login", false),
                            org.assertj.core.groups.Tuple.tuple("break", "lunch", "app", true));

            desk.close();
            laptop.drainUntilPong();
            assertThat(db.dsl().fetchCount(WORK_STATUS_LOG, WORK_STATUS_LOG.USER_ID.eq(ivanov),
                    WORK_STATUS_LOG.ENDED_AT.isNull())).as("the laptop is still connected").isOne();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> db.dsl().fetchCount(WORK_STATUS_LOG,
                WORK_STATUS_LOG.USER_ID.eq(ivanov), WORK_STATUS_LOG.ENDED_AT.isNull()) == 0);

        try (OperatorClient back = replayed.server().operator("ivanov")) {
            assertThat(back.workStatus.status()).as("back within minutes: still at lunch, the queues stay paused")
                    .isEqualTo(WorkStatus.BREAK);
            assertThat(back.workStatus.reason()).isEqualTo("lunch");
        }
    }

    @Test
    void onlySupervisorsAndAdminsGetTheBoard() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(getBoard(http, "ivanov").statusCode()).isEqualTo(403);
        HttpResponse<String> supervisors = getBoard(http, "supervisor");
        assertThat(supervisors.statusCode()).isEqualTo(200);
        BoardSnapshot board = Json.mapper().readValue(supervisors.body(), BoardSnapshot.class);
        assertThat(board.operators()).as("no teams yet: everyone is in one")
                .extracting(BoardOperator::name).containsExactly("Иван Иванов", "Пётр Петров", "Сидор Сидоров");
        assertThat(board.operators()).allMatch(o -> o.state() == OperatorState.OFFLINE);

        try (OperatorClient ivanov = replayed.server().operator("ivanov")) {
            ivanov.send(new ClientMessage.SubscribeBoard("s1"));
            assertThat(ivanov.await(ServerMessage.Error.class, e -> "s1".equals(e.ref())).code())
                    .isEqualTo(ErrorCode.FORBIDDEN.wireName());
            ivanov.send(new ClientMessage.SetWorkStatus("w1", WorkStatus.AVAILABLE, null));
            ivanov.await(WorkStatusChanged.class, w -> "w1".equals(w.ref()));
        }
        try (OperatorClient supervisor = replayed.server().operator("supervisor")) {
            supervisor.send(new ClientMessage.SetWorkStatus("w2", WorkStatus.BREAK, "lunch"));
            assertThat(supervisor.await(ServerMessage.Error.class, e -> "w2".equals(e.ref())).code())
                    .isEqualTo(ErrorCode.FORBIDDEN.wireName());
        }
    }

    private HttpResponse<String> getBoard(HttpClient http, String login) throws Exception {
        String token = OperatorClient.login(replayed.server().port(), login).accessToken();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replayed.server().port() + "/api/board"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theBoardFollowsACallThroughWrapUpAndTheOperatorsBreakInConsecutiveVersions() throws Exception {
        long ivanovId = idOf("ivanov");
        try (OperatorClient supervisor = replayed.server().operator("supervisor");
             OperatorClient ivanov = replayed.server().operator("ivanov")) {
            Board watched = Board.subscribe(supervisor, "s1");
            watched.until(board -> board.state(ivanovId) == OperatorState.AVAILABLE);

            replayed.play("01-inbound-answered-caller-hangup");
            String callId = ivanov.await(IncomingCall.class).callId();
            BoardOperator wrapUp = watched.until(board -> board.state(ivanovId) == OperatorState.WRAPUP)
                    .tile(ivanovId);
            assertThat(wrapUp.calls()).singleElement().satisfies(call -> {
                assertThat(call.callId()).isEqualTo(callId);
                assertThat(call.callerNumber()).isEqualTo("+79271390907");
                assertThat(call.caller().name()).isEqualTo("Автодом Волга");
            });
            assertThat(watched.states(ivanovId)).as("what the supervisor saw, at most one frame per window")
                    .endsWith(OperatorState.WRAPUP).doesNotContain(OperatorState.OFFLINE);

            ivanov.send(new ClientMessage.FinishCall("f1", callId));
            ivanov.await(ServerMessage.CallFinished.class);
            assertThat(watched.until(board -> board.state(ivanovId) == OperatorState.AVAILABLE).tile(ivanovId).calls())
                    .isEmpty();

            ivanov.send(new ClientMessage.SetWorkStatus("b1", WorkStatus.BREAK, "training"));
            assertThat(watched.until(board -> board.state(ivanovId) == OperatorState.BREAK).tile(ivanovId).reason())
                    .isEqualTo("training");
            ivanov.close();
            watched.until(board -> board.state(ivanovId) == OperatorState.OFFLINE);

            supervisor.send(new ClientMessage.UnsubscribeBoard("u1"));
            assertThat(supervisor.await(ServerMessage.Subscribed.class, s -> "u1".equals(s.ref())).scope())
                    .isEqualTo("none");
            assertThat(supervisor.drainUntilPong()).noneMatch(BoardChanged.class::isInstance);
            Board again = Board.subscribe(supervisor, "s2");
            assertThat(again.snapshot.version()).as("a fresh snapshot").isOne();
            assertThat(again.state(ivanovId)).isEqualTo(OperatorState.OFFLINE);
        }
    }

    @Test
    void aSupervisorOfTeamANeverReceivesAnythingOfTeamB() throws Exception {
        long ivanovId = idOf("ivanov");
        long petrovId = idOf("petrov");
        replayed.server().server.teams().create(new TeamDetails("A", null), List.of(idOf("supervisor"), ivanovId),
                ChangeRecorder.none());
        replayed.server().server.teams().create(new TeamDetails("B", null), List.of(petrovId), ChangeRecorder.none());

        try (OperatorClient supervisor = replayed.server().operator("supervisor");
             OperatorClient admin = replayed.server().operator("admin");
             OperatorClient ivanov = replayed.server().operator("ivanov");
             OperatorClient petrov = replayed.server().operator("petrov")) {
            Board teamA = Board.subscribe(supervisor, "a");
            Board everything = Board.subscribe(admin, "all");
            assertThat(teamA.snapshot.operators()).extracting(BoardOperator::userId).containsExactly(ivanovId);
            assertThat(everything.snapshot.operators()).extracting(BoardOperator::userId).contains(ivanovId, petrovId);

            // Ivanov (team A) passes the call to Petrov (team B): the call moves out of the supervisor's sight
            replayed.play("07-inbound-blind-transfer-777-to-888");
            petrov.await(ServerMessage.CallEnded.class);
            everything.until(board -> board.state(petrovId) == OperatorState.WRAPUP
                    && board.state(ivanovId) == OperatorState.WRAPUP);
            // a barrier: the board handled Petrov's whole call before this, and its frames go out in order
            ivanov.send(new ClientMessage.SetWorkStatus("b1", WorkStatus.BREAK, "meeting"));
            teamA.until(board -> board.state(ivanovId) == OperatorState.BREAK);
            teamA.rest(supervisor.drainUntilPong());

            assertThat(teamA.changes).as("frames").isNotEmpty();
            assertThat(teamA.changes).flatExtracting(BoardChange::operators).as("Ivanov's tile came whole before")
                    .isEmpty();
            assertThat(teamA.changes).flatExtracting(BoardChange::operatorChanges)
                    .extracting(OperatorChange::userId).containsOnly(ivanovId);
            assertThat(teamA.changes).allSatisfy(change -> assertThat(change.operatorsGone()).isEmpty());
            assertThat(teamA.everything).as("nothing names Petrov")
                    .noneMatch(message -> message.toString().contains("Пётр Петров"));
            assertThat(teamA.states(ivanovId)).as("Ivanov's part of the call").contains(OperatorState.WRAPUP);
            assertThat(everything.states(petrovId)).as("the admin saw Petrov's").contains(OperatorState.WRAPUP);
        }
    }

    @Test
    void aQueuesWaitingCallerItsMembersPausesAndTodaysCountersFollowTheRecordedQueueCall() throws Exception {
        long ivanovId = idOf("ivanov");
        try (OperatorClient admin = replayed.server().operator("admin"); OperatorClient ivanov = replayed.server().operator("ivanov")) {
            Board board = Board.subscribe(admin, "all");
            assertThat(board.snapshot.counters().total()).isZero();

            replayed.play("05-inbound-queue-answered-by-888");
            BoardQueue waiting = board.until(b -> b.queue("support") != null && !b.queue("support").waiting().isEmpty())
                    .queue("support");
            assertThat(waiting.waiting()).singleElement().satisfies(caller -> {
                assertThat(caller.callId()).isEqualTo("1795288692.8");
                assertThat(caller.callerNumber()).isEqualTo("+79271390907");
                assertThat(caller.caller().name()).as("identified as the cards identify").isEqualTo("Автодом Волга");
                assertThat(caller.position()).isOne();
            });
            assertThat(waiting.members()).extracting(QueueMember::memberInterface).contains("SIP/777", "SIP/888");

            // Petrov (888) answers; once the recorder has written the call, today's counters say so
            board.until(b -> b.counters != null && b.counters.answered() == 1);
            assertThat(board.queue("support").waiting()).as("the caller left the queue").isEmpty();
            assertThat(board.counters.total()).isOne();
            assertThat(board.queue("support").counters().answered()).isOne();

            // a break pauses Ivanov in the PBX's queues, which the board shows as the PBX reports it
            ivanov.send(new ClientMessage.SetWorkStatus("b1", WorkStatus.BREAK, "lunch"));
            assertThat(ivanov.await(WorkStatusChanged.class, w -> "b1".equals(w.ref())).pbxProblem())
                    .as("the PBX paused the queues").isNull();
            QueueMember paused = board.until(b -> b.member("support", "SIP/777").paused()).member("support", "SIP/777");
            assertThat(paused.userId()).isEqualTo(ivanovId);
            assertThat(paused.pausedReason()).isEqualTo("lunch");
            assertThat(board.state(ivanovId)).isEqualTo(OperatorState.BREAK);
        }
    }

    /** One subscription as a client keeps it: the snapshot, then every change applied, versions checked. */
    private static final class Board {
        final OperatorClient client;
        final BoardSnapshot snapshot;
        final List<BoardChange> changes = new ArrayList<>();
        final List<ServerMessage> everything = new ArrayList<>();
        final BoardReplica replica = new BoardReplica();
        final java.util.Map<Long, List<OperatorState>> seen = new java.util.HashMap<>();
        InboundCounters counters;
        long version;

        private Board(OperatorClient client, ServerMessage.Board first) {
            this.client = client;
            this.snapshot = first.board();
            this.version = snapshot.version();
            everything.add(first);
            replica.reset(snapshot);
            snapshot.operators().forEach(this::saw);
            counters = snapshot.counters();
        }

        static Board subscribe(OperatorClient client, String ref) throws Exception {
            client.send(new ClientMessage.SubscribeBoard(ref));
            return new Board(client, client.await(ServerMessage.Board.class, b -> ref.equals(b.ref())));
        }

        /** Applies board frames until {@code done} holds. */
        Board until(Predicate<Board> done) throws Exception {
            while (!done.test(this)) {
                apply(client.await(BoardChanged.class));
            }
            return this;
        }

        /** Frames received after the last awaited one. */
        void rest(List<ServerMessage> messages) {
            for (ServerMessage message : messages) {
                if (message instanceof BoardChanged changed) {
                    apply(changed);
                } else {
                    everything.add(message);
                }
            }
        }

        private void apply(BoardChanged message) {
            BoardChange change = message.change();
            assertThat(change.baseVersion()).as("no gap").isEqualTo(version);
            assertThat(change.version()).as("consecutive").isEqualTo(version + 1);
            assertThat(change.isEmpty()).as("an empty change is never sent").isFalse();
            version = change.version();
            changes.add(change);
            everything.add(message);
            assertThat(replica.apply(change)).as("every change fits the board").isEqualTo(BoardReplica.Applied.APPLIED);
            change.operators().forEach(this::saw);
            change.operatorChanges().forEach(tileChange -> saw(replica.operator(tileChange.userId())));
            counters = replica.counters();
        }

        BoardQueue queue(String name) {
            return replica.queue(name);
        }

        QueueMember member(String queue, String memberInterface) {
            return replica.queue(queue).members().stream()
                    .filter(member -> member.memberInterface().equals(memberInterface)).findFirst().orElseThrow();
        }

        private void saw(BoardOperator tile) {
            List<OperatorState> states = seen.computeIfAbsent(tile.userId(), id -> new ArrayList<>());
            if (states.isEmpty() || states.getLast() != tile.state()) {
                states.add(tile.state());
            }
        }

        OperatorState state(long userId) {
            BoardOperator tile = replica.operator(userId);
            return tile == null ? null : tile.state();
        }

        BoardOperator tile(long userId) {
            return replica.operator(userId);
        }

        List<OperatorState> states(long userId) {
            return seen.getOrDefault(userId, List.of());
        }
    }
}
