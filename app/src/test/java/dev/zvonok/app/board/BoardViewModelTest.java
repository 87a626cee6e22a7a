package dev.zvonok.app.board;

import static dev.zvonok.app.board.Boards.T0;
import static dev.zvonok.app.board.Boards.call;
import static dev.zvonok.app.board.Boards.change;
import static dev.zvonok.app.board.Boards.counters;
import static dev.zvonok.app.board.Boards.operator;
import static dev.zvonok.app.board.Boards.queue;
import static dev.zvonok.app.board.Boards.queuesChanged;
import static dev.zvonok.app.board.Boards.snapshot;
import static dev.zvonok.app.board.Boards.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.OperatorChange;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoardViewModelTest {

    private final MutableClock clock = new MutableClock(T0, Boards.ZONE);
    private final RecordingSubscription server = new RecordingSubscription();
    private final BoardViewModel board = new BoardViewModel(server, clock, BoardThresholds.defaults(),
            number -> "tel:" + number);

    private final BoardOperator anna = operator(1, "Анна Смирнова", "701", "Sales", OperatorState.AVAILABLE,
            T0.minusSeconds(30));
    private final BoardOperator boris = operator(2, "Борис Иванов", "702", "Service", OperatorState.TALKING,
            T0.minusSeconds(125), call("c-1", "+74951234567", "ООО Ромашка", "Main line", BoardCallState.TALKING,
                    T0.minusSeconds(125)));
    private final BoardOperator vera = operator(3, "Вера Петрова", "703", "Sales", OperatorState.BREAK,
            T0.minusSeconds(600));

    @BeforeEach
    void connected() {
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
    }

    @Test
    void aSnapshotBecomesRowsWithTheTimeInStateByTheClock() {
        board.accept(snapshot(10, List.of(anna, boris, vera), List.of(), counters(12, 9, 2, 1)));
        clock.advance(Duration.ofSeconds(5));
        board.tick();

        assertThat(rows()).extracting(OperatorRow::name)
                .containsExactly("Борис Иванов", "Анна Смирнова", "Вера Петрова"); // talking, available, break
        OperatorRow talking = rows().getFirst();
        assertThat(talking.timeInState()).isEqualTo(Duration.ofSeconds(130));
        assertThat(talking.caller()).isEqualTo("ООО Ромашка");
        assertThat(talking.line()).isEqualTo("Main line");
        assertThat(talking.extensions()).isEqualTo("702");
        assertThat(board.countersProperty().get().answered()).isEqualTo(9);
        assertThat(board.currentProperty().get()).isTrue();
        assertThat(server.subscribed).containsExactly("subscribe-board-1");
    }

    @Test
    void theBoardSaysWhileTheStatisticsAreRecomputedAndStopsWhenTheServerSaysTheyAreBack() {
        board.accept(Boards.wire(new ServerMessage.Board("subscribe-board-1", new BoardSnapshot(10, T0,
                T0.minusSeconds(9 * 3600), List.of(anna), List.of(), null, StatisticsState.RECOMPUTING))));
        board.tick();
        assertThat(board.statisticsRecomputingProperty().get()).isTrue();
        assertThat(board.countersProperty().get()).as("blank, not zeros").isNull();

        board.accept(change(10, 11, List.of(), List.of())); // a call meanwhile: the recompute goes on
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.statisticsRecomputingProperty().get()).isTrue();

        board.accept(Boards.wire(new ServerMessage.BoardChanged(new BoardChange(11, 12, T0, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), counters(12, 9, 2, 1), null, StatisticsState.READY))));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.statisticsRecomputingProperty().get()).isFalse();
        assertThat(board.countersProperty().get().total()).isEqualTo(12);
        assertThat(board.gaps()).isZero();
    }

    @Test
    void aBoardFromAServerThatDoesNotSayIsReady() {
        board.accept(snapshot(10, List.of(anna), List.of(), counters(12, 9, 2, 1)));
        board.tick();
        assertThat(board.statisticsRecomputingProperty().get()).isFalse();
    }

    @Test
    void aDeltaReplacesWholeTilesAndRemovesTheGoneOnes() {
        board.accept(snapshot(10, List.of(anna, boris, vera), List.of(), counters(12, 9, 2, 1)));
        BoardOperator annaRinging = operator(1, "Анна Смирнова", "701", "Sales", OperatorState.RINGING, T0,
                call("c-2", "+74957654321", null, null, BoardCallState.RINGING, T0));
        board.accept(change(10, 11, List.of(annaRinging), List.of(3L)));
        board.tick();

        assertThat(rows()).extracting(OperatorRow::name, OperatorRow::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Анна Смирнова", OperatorState.RINGING),
                org.assertj.core.groups.Tuple.tuple("Борис Иванов", OperatorState.TALKING));
        assertThat(rows().getFirst().caller()).as("no name known: the number, as the app shows numbers")
                .isEqualTo("tel:+74957654321");
        assertThat(board.gaps()).isZero();
    }

    @Test
    void aPassWithOneChangedTileKeepsTheOtherRowsAndTellsTheTableOnlyAboutThePlacesThatMoved() {
        BoardOperator gleb = operator(4, "Глеб Орлов", "704", "Sales", OperatorState.AVAILABLE, T0.minusSeconds(5));
        board.accept(snapshot(10, List.of(anna, boris, vera, gleb), List.of(), null));
        board.tick();
        assertThat(names()).containsExactly("Борис Иванов", "Анна Смирнова", "Глеб Орлов", "Вера Петрова");
        OperatorRow annaRow = row("Анна Смирнова");
        OperatorRow borisRow = row("Борис Иванов");
        OperatorRow glebRow = row("Глеб Орлов");
        OperatorRow veraRow = row("Вера Петрова");
        List<ListChangeListener.Change<?>> told = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        board.lines().addListener((ListChangeListener<BoardLine>) change -> {
            told.add(change);
            while (change.next()) {
                places.add(new int[] {change.getFrom(), change.getTo()});
            }
        });

        // nothing changed: the times move in the same rows, the table hears nothing
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(told).isEmpty();
        assertThat(row("Анна Смирнова")).isSameAs(annaRow);
        assertThat(annaRow.timeInState()).isEqualTo(Duration.ofSeconds(31));

        // Vera comes back from her break: her row is made anew and moves up among the available, by name
        board.accept(change(10, 11, List.of(operator(3, "Вера Петрова", "703", "Sales", OperatorState.AVAILABLE,
                T0.plusSeconds(1))), List.of()));
        clock.advance(Duration.ofSeconds(1));
        board.tick();

        assertThat(names()).containsExactly("Борис Иванов", "Анна Смирнова", "Вера Петрова", "Глеб Орлов");
        assertThat(row("Борис Иванов")).isSameAs(borisRow);
        assertThat(row("Анна Смирнова")).isSameAs(annaRow);
        assertThat(row("Глеб Орлов")).isSameAs(glebRow);
        assertThat(row("Вера Петрова")).isNotSameAs(veraRow);
        assertThat(row("Вера Петрова").state()).isEqualTo(OperatorState.AVAILABLE);
        assertThat(borisRow.timeInState()).isEqualTo(Duration.ofSeconds(127));
        assertThat(told).as("one change event for the pass").hasSize(1);
        assertThat(places).as("only the two places below the unchanged top rows")
                .allSatisfy(place -> assertThat(place[0]).isGreaterThanOrEqualTo(2))
                .extracting(place -> place[1]).allSatisfy(to -> assertThat(to).isLessThanOrEqualTo(4));
    }

    @Test
    void aDeltaForAnotherVersionIsNeverAppliedAndAsksForAFreshSnapshot() {
        board.accept(snapshot(10, List.of(anna), List.of(), null));
        board.accept(change(11, 12, List.of(operator(1, "Анна Смирнова", "701", "Sales", OperatorState.BREAK, T0)),
                List.of()));
        board.tick();

        assertThat(rows()).extracting(OperatorRow::state).containsExactly(OperatorState.AVAILABLE);
        assertThat(board.gaps()).isEqualTo(1);
        assertThat(server.subscribed).containsExactly("subscribe-board-1", "subscribe-board-2");

        // deltas in flight before the fresh snapshot do not ask again, and are not applied
        board.accept(change(12, 13, List.of(operator(1, "Анна Смирнова", "701", "Sales", OperatorState.OFFLINE, T0)),
                List.of()));
        assertThat(server.subscribed).hasSize(2);

        board.accept(snapshot(13, List.of(operator(1, "Анна Смирнова", "701", "Sales", OperatorState.BREAK, T0)),
                List.of(), null));
        board.accept(change(13, 14, List.of(boris), List.of()));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(rows()).extracting(OperatorRow::name).containsExactly("Борис Иванов", "Анна Смирнова");
        assertThat(board.gaps()).isEqualTo(1);
    }

    @Test
    void aReconnectSubscribesAgainAndTheBoardIsNotCurrentMeanwhile() {
        board.accept(snapshot(10, List.of(anna), List.of(), null));
        board.tick();
        assertThat(board.currentProperty().get()).isTrue();

        board.connectionChanged(new ConnectionState.Reconnecting(T0.plusSeconds(2), "lost"));
        board.accept(change(10, 11, List.of(boris), List.of())); // a late frame of the old socket
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.currentProperty().get()).isFalse();
        assertThat(rows()).as("the last board stays on screen, marked as not current").hasSize(1);

        board.connectionChanged(new ConnectionState.Connected());
        assertThat(server.subscribed).containsExactly("subscribe-board-1", "subscribe-board-2");
        board.accept(snapshot(20, List.of(anna, boris), List.of(), null));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.currentProperty().get()).isTrue();
        assertThat(rows()).hasSize(2);
    }

    @Test
    void manyDeltasReachTheScreenInOnePassAtMostOnceASecond() {
        List<Integer> listChanges = new ArrayList<>();
        board.lines().addListener((ListChangeListener<BoardLine>) c -> listChanges.add(1));
        board.accept(snapshot(1, List.of(anna), List.of(), null));
        board.tick();
        int passes = board.passesProperty().get();
        int changes = listChanges.size();

        for (int v = 1; v <= 50; v++) {
            board.accept(change(v, v + 1, List.of(operator(1, "Анна Смирнова", "701", "Sales",
                    v % 2 == 0 ? OperatorState.TALKING : OperatorState.RINGING, T0)), List.of()));
            clock.advance(Duration.ofMillis(10)); // 50 deltas in half a second, ticks after each
            board.tick();
        }
        assertThat(board.passesProperty().get()).as("nothing on screen before the second is up").isEqualTo(passes);
        assertThat(listChanges).hasSize(changes);
        assertThat(rows().getFirst().state()).isEqualTo(OperatorState.AVAILABLE);

        clock.set(T0.plus(BoardViewModel.PASS_INTERVAL));
        board.tick();
        board.tick();
        assertThat(board.passesProperty().get()).isEqualTo(passes + 1);
        assertThat(listChanges).as("one change of the list for all 50 deltas").hasSize(changes + 1);
        assertThat(rows().getFirst().state()).isEqualTo(OperatorState.TALKING); // the 50th delta
    }

    @Test
    void aTickALittleEarlyMakesThePassDueAndOneHalfASecondEarlyDoesNot() {
        board.accept(snapshot(1, List.of(vera), List.of(), null));
        board.tick();
        int passes = board.passesProperty().get();

        clock.advance(Duration.ofMillis(500));
        board.tick();
        assertThat(board.passesProperty().get()).isEqualTo(passes);
        clock.advance(Duration.ofMillis(497)); // the fourth 250 ms tick, delivered 3 ms early
        board.tick();
        assertThat(board.passesProperty().get()).as("not left for the next tick, 250 ms later").isEqualTo(passes + 1);
        clock.advance(Duration.ofMillis(250));
        board.tick();
        assertThat(board.passesProperty().get()).isEqualTo(passes + 1);
    }

    @Test
    void theTimesMoveEverySecondWithoutAnyDelta() {
        board.accept(snapshot(1, List.of(vera), List.of(), null));
        board.tick();
        assertThat(rows().getFirst().timeInState()).isEqualTo(Duration.ofSeconds(600));
        clock.advance(Duration.ofSeconds(61));
        board.tick();
        assertThat(rows().getFirst().timeInState()).isEqualTo(Duration.ofSeconds(661));
    }

    @Test
    void filtersByStateTeamAndSearch() {
        board.accept(snapshot(1, List.of(anna, boris, vera), List.of(), null));
        board.tick();
        assertThat(board.teams()).containsExactly("Sales", "Service");

        board.teamFilterProperty().set("Sales");
        assertThat(names()).containsExactly("Анна Смирнова", "Вера Петрова");
        board.stateFilterProperty().set(OperatorState.BREAK);
        assertThat(names()).containsExactly("Вера Петрова");
        assertThat(board.shownProperty().get()).isEqualTo(1);
        assertThat(board.totalProperty().get()).isEqualTo(3);

        board.teamFilterProperty().set(null);
        board.stateFilterProperty().set(null);
        board.searchProperty().set("ромашка");
        assertThat(names()).as("by the caller's name").containsExactly("Борис Иванов");
        board.searchProperty().set("703");
        assertThat(names()).as("by the extension").containsExactly("Вера Петрова");
        board.searchProperty().set("495 123");
        assertThat(names()).as("by the caller's number, spaced as people type it").containsExactly("Борис Иванов");
        board.searchProperty().set("анна");
        assertThat(names()).containsExactly("Анна Смирнова");
    }

    @Test
    void sortsByStateNameOrTimeInState() {
        board.accept(snapshot(1, List.of(anna, boris, vera), List.of(), null));
        board.tick();
        board.sortProperty().set(OperatorSort.NAME);
        assertThat(names()).containsExactly("Анна Смирнова", "Борис Иванов", "Вера Петрова");
        board.sortProperty().set(OperatorSort.TIME_IN_STATE);
        assertThat(names()).containsExactly("Вера Петрова", "Борис Иванов", "Анна Смирнова");
        board.sortProperty().set(OperatorSort.STATE);
        assertThat(names()).containsExactly("Борис Иванов", "Анна Смирнова", "Вера Петрова");
    }

    @Test
    void groupsByTeamWithAHeadingEachAndTheTeamlessLast() {
        BoardOperator gleb = operator(4, "Глеб Орлов", "704", null, OperatorState.AVAILABLE, T0);
        board.accept(snapshot(1, List.of(anna, boris, vera, gleb), List.of(), null));
        board.groupByTeamProperty().set(true);
        board.tick();

        assertThat(board.lines()).containsExactly(
                new TeamHeading("Sales", 2, 1),
                row("Анна Смирнова"), row("Вера Петрова"),
                new TeamHeading("Service", 1, 0),
                row("Борис Иванов"),
                new TeamHeading(null, 1, 1),
                row("Глеб Орлов"));
    }

    @Test
    void queuesShowTheirWaitingCallersAndAlarmPastTheThresholds() {
        board.thresholdsProperty().set(new BoardThresholds(Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(90), Duration.ofMinutes(3), 3));
        board.accept(snapshot(1, List.of(), List.of(
                queue("sales", List.of(waiting("w-1", "+74950000001", T0.minusSeconds(15), 1),
                        waiting("w-2", "+74950000002", T0.minusSeconds(5), 2)), 1, 2),
                queue("service", List.of(), 0, 1)), counters(3, 2, 1, 0)));
        board.tick();

        QueueRow sales = board.queues().getFirst();
        assertThat(sales.waiting()).extracting(WaitingRow::caller).containsExactly("tel:+74950000001",
                "tel:+74950000002");
        assertThat(sales.longestWait()).isEqualTo(Duration.ofSeconds(15));
        assertThat(sales.alarm()).isEqualTo(AlarmLevel.CALM);
        assertThat(sales.free()).isEqualTo(1);
        assertThat(sales.members()).isEqualTo(3);
        assertThat(board.queues().get(1).longestWait()).isZero();

        clock.advance(Duration.ofSeconds(5));
        board.tick();
        assertThat(board.queues().getFirst().alarm()).isEqualTo(AlarmLevel.WARNING);
        clock.advance(Duration.ofSeconds(40));
        board.tick();
        assertThat(board.queues().getFirst().alarm()).isEqualTo(AlarmLevel.CRITICAL);
        assertThat(board.queues().getFirst().waiting()).extracting(WaitingRow::alarm)
                .containsExactly(AlarmLevel.CRITICAL, AlarmLevel.WARNING);

        board.accept(queuesChanged(1, 2, List.of(queue("sales", List.of(), 0, 3)), List.of("service"),
                counters(5, 4, 1, 0)));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.queues()).extracting(QueueRow::name, QueueRow::alarm)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sales", AlarmLevel.CALM));
        assertThat(board.countersProperty().get().total()).isEqualTo(5);
    }

    @Test
    void aCallerWaitingTooLongRaisesOneAlertThatGoesWhenAnswered() {
        board.thresholdsProperty().set(new BoardThresholds(Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofMinutes(3), 3));
        board.accept(snapshot(1, List.of(), List.of(queue("sales",
                List.of(waiting("w-1", "+74950000001", T0.minusSeconds(25), 1)), 0, 1)), null));
        board.tick();
        assertThat(board.alerts()).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        board.tick();
        assertThat(board.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.CALLER_WAITING);
            assertThat(alert.subject()).isEqualTo("tel:+74950000001");
            assertThat(alert.where()).isEqualTo("sales");
            assertThat(alert.since()).isEqualTo(T0.minusSeconds(25));
        });
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.alerts()).as("raised once, not once a second").hasSize(1);

        board.dismiss(board.alerts().getFirst());
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.alerts()).as("a dismissed alert does not come back").isEmpty();

        board.accept(queuesChanged(1, 2, List.of(queue("sales", List.of(), 0, 1)), List.of(), null));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.alerts()).isEmpty();
    }

    @Test
    void aLongWrapUpRaisesAnAlertUnlessMuted() {
        BoardOperator wrapping = operator(5, "Дарья Котова", "705", "Sales", OperatorState.WRAPUP,
                T0.minusSeconds(170));
        board.accept(snapshot(1, List.of(wrapping), List.of(), null));
        board.tick();
        assertThat(board.alerts()).isEmpty();

        board.mutedProperty(AlertKind.LONG_WRAPUP).set(true);
        clock.advance(Duration.ofSeconds(10));
        board.tick();
        assertThat(board.alerts()).as("muted").isEmpty();

        board.mutedProperty(AlertKind.LONG_WRAPUP).set(false);
        assertThat(board.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.LONG_WRAPUP);
            assertThat(alert.subject()).isEqualTo("Дарья Котова");
        });

        board.mutedProperty(AlertKind.LONG_WRAPUP).set(true);
        assertThat(board.alerts()).as("muting takes the shown ones away too").isEmpty();
    }

    @Test
    void aChangeOfATileMovesOnlyWhatItNamesAndAChangeOfAnUnknownTileAsksForASnapshot() {
        board.accept(snapshot(1, List.of(anna, boris), List.of(), null));
        BoardOperator annaRinging = operator(1, "Анна Смирнова", "701", "Sales", OperatorState.RINGING, T0,
                call("c-2", "+74950000009", null, "Main line", BoardCallState.RINGING, T0));
        OperatorChange ringing = OperatorChange.between(anna, annaRinging);
        board.accept(Boards.wire(new ServerMessage.BoardChanged(new BoardChange(1, 2, T0, null,
                List.of(ringing), null, null, null, null, null, null))));
        board.tick();
        assertThat(rows()).filteredOn(row -> row.userId() == 1).singleElement().satisfies(row -> {
            assertThat(row.name()).as("kept from the snapshot").isEqualTo("Анна Смирнова");
            assertThat(row.state()).isEqualTo(OperatorState.RINGING);
            assertThat(row.callerNumber()).isEqualTo("+74950000009");
        });
        assertThat(board.gaps()).isZero();

        OperatorChange ofAStranger = OperatorChange.between(vera, operator(3, "Вера Петрова", "703", "Sales",
                OperatorState.AVAILABLE, T0));
        board.accept(Boards.wire(new ServerMessage.BoardChanged(new BoardChange(2, 3, T0, null,
                List.of(ofAStranger), null, null, null, null, null, null))));
        assertThat(board.gaps()).isEqualTo(1);
        assertThat(server.subscribed).hasSize(2);
    }

    @Test
    void callsLetRingInARowRaiseAnAlertPastTheThresholdUntilTheOperatorAnswers() {
        BoardOperator twice = withUnanswered(operator(5, "Дарья Котова", "705", "Sales", OperatorState.AVAILABLE,
                T0.minusSeconds(30)), 2);
        board.accept(snapshot(1, List.of(twice), List.of(), null));
        board.tick();
        assertThat(board.alerts()).as("2 of 3").isEmpty();

        board.accept(change(1, 2, List.of(withUnanswered(twice, 3)), List.of()));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.UNANSWERED_RINGS);
            assertThat(alert.subject()).isEqualTo("Дарья Котова");
            assertThat(alert.count()).isEqualTo(3);
        });

        board.mutedProperty(AlertKind.UNANSWERED_RINGS).set(true);
        assertThat(board.alerts()).as("muted").isEmpty();
        board.mutedProperty(AlertKind.UNANSWERED_RINGS).set(false);
        board.thresholdsProperty().set(board.thresholdsProperty().get().withUnansweredRingsAlert(4));
        assertThat(board.alerts()).as("past the new threshold only").isEmpty();
        board.thresholdsProperty().set(board.thresholdsProperty().get().withUnansweredRingsAlert(3));
        assertThat(board.alerts()).hasSize(1);

        board.accept(change(2, 3, List.of(withUnanswered(twice, 0)), List.of()));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.alerts()).as("answered a call").isEmpty();
    }

    private static BoardOperator withUnanswered(BoardOperator tile, int count) {
        return new BoardOperator(tile.userId(), tile.name(), tile.extensions(), tile.teams(), tile.state(),
                tile.since(), tile.reason(), tile.calls(), count);
    }

    @Test
    void theServersRefusalIsShownAndNotRetried() {
        board.accept(Boards.wire(ServerMessage.Error.of(ErrorCode.MALFORMED_MESSAGE, "unknown message type",
                "subscribe-board-1")));
        board.tick();
        assertThat(board.problemProperty().get()).isEqualTo("unknown message type");
        assertThat(server.subscribed).hasSize(1);
        assertThat(board.currentProperty().get()).isFalse();
    }

    @Test
    void stoppingUnsubscribesAndIgnoresLateDeltas() {
        board.accept(snapshot(1, List.of(anna), List.of(), null));
        board.stop();
        board.accept(change(1, 2, List.of(boris), List.of()));
        assertThat(server.unsubscribed).hasSize(1);
        assertThat(board.gaps()).isZero();
        board.connectionChanged(new ConnectionState.Reconnecting(T0, "lost"));
        board.connectionChanged(new ConnectionState.Connected());
        assertThat(server.subscribed).as("not wanted any more: not asked for again").hasSize(1);
    }

    private List<OperatorRow> rows() {
        return board.lines().stream().filter(OperatorRow.class::isInstance).map(OperatorRow.class::cast).toList();
    }

    private List<String> names() {
        return rows().stream().map(OperatorRow::name).toList();
    }

    private OperatorRow row(String name) {
        return rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    static final class RecordingSubscription implements BoardSubscription {
        final List<String> subscribed = new ArrayList<>();
        final List<String> unsubscribed = new ArrayList<>();

        @Override
        public boolean subscribe(String ref) {
            subscribed.add(ref);
            return true;
        }

        @Override
        public void unsubscribe(String ref) {
            unsubscribed.add(ref);
        }
    }
}
