package dev.zvonok.model.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changes of tiles and queues: only what changed travels, and applying it gives exactly what the server has. */
class BoardDeltaTest {

    private static final Instant AT = Instant.parse("2026-12-05T09:15:00Z");
    /** As both ends read the wire: a field left out is never taken for a primitive's default. */
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static BoardCall call(String id, BoardCallState state, int second) {
        return new BoardCall(id, CallDirection.INBOUND, "+79271390907",
                new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"),
                new LineView("Москва, реклама", "РК-12"), "support", null, state, AT.plusSeconds(second));
    }

    private static BoardOperator anna(OperatorState state, String reason, BoardCall... calls) {
        return new BoardOperator(7, "Анна", List.of("777"), List.of("Продажи"), state, AT, reason, List.of(calls), 0);
    }

    @Test
    void aCallAnsweredSendsTheStateAndThatCallOnly() throws Exception {
        BoardOperator ringing = anna(OperatorState.RINGING, null, call("c1", BoardCallState.RINGING, 0));
        BoardOperator talking = new BoardOperator(7, "Анна", List.of("777"), List.of("Продажи"),
                OperatorState.TALKING, AT.plusSeconds(4), null, List.of(call("c1", BoardCallState.TALKING, 4)), 0);

        OperatorChange change = OperatorChange.between(ringing, talking);

        assertThat(change.applyTo(ringing)).isEqualTo(talking);
        assertThat(change.calls()).as("the caller and line are there already").isEmpty();
        assertThat(change.callStates()).containsExactly(new CallStateChange("c1", BoardCallState.TALKING, AT.plusSeconds(4)));
        assertThat(change.name()).isNull();
        assertThat(change.teams()).isNull();
        String text = json.writeValueAsString(change);
        assertThat(text).doesNotContain("Анна", "Продажи", "Автодом", "callsGone", "extensions", "reason");
        assertThat(json.readValue(text, OperatorChange.class)).isEqualTo(change);
        assertThat(json.readValue(text, OperatorChange.class).applyTo(ringing)).isEqualTo(talking);
    }

    @Test
    void aBreakEndedClearsItsReasonAndAnEmptiedTeamListIsSaidSo() throws Exception {
        BoardOperator onBreak = anna(OperatorState.BREAK, "lunch");
        BoardOperator back = new BoardOperator(7, "Анна Петровна", List.of("777"), List.of(), OperatorState.AVAILABLE,
                AT.plusSeconds(60), null, List.of(), 0);

        OperatorChange change = json.readValue(json.writeValueAsString(OperatorChange.between(onBreak, back)),
                OperatorChange.class);

        assertThat(change.applyTo(onBreak)).isEqualTo(back);
        assertThat(change.teams()).as("no team now, not 'unchanged'").isEmpty();
        assertThat(change.extensions()).isNull();
    }

    @Test
    void callsEndedReorderedOrNewGiveTheServersOrderExactly() {
        BoardOperator before = anna(OperatorState.TALKING, null, call("c1", BoardCallState.TALKING, 0),
                call("c2", BoardCallState.RINGING, 5), call("c3", BoardCallState.RINGING, 6));
        BoardOperator gone = anna(OperatorState.TALKING, null, call("c1", BoardCallState.TALKING, 0),
                call("c3", BoardCallState.RINGING, 6), call("c4", BoardCallState.RINGING, 9));
        BoardOperator reordered = anna(OperatorState.TALKING, null, call("c3", BoardCallState.TALKING, 7),
                call("c1", BoardCallState.HOLD, 7));

        OperatorChange ended = OperatorChange.between(before, gone);
        assertThat(ended.callsGone()).containsExactly("c2");
        assertThat(ended.calls()).extracting(BoardCall::callId).containsExactly("c4");
        assertThat(ended.applyTo(before)).isEqualTo(gone);
        assertThat(OperatorChange.between(before, reordered).applyTo(before)).isEqualTo(reordered);
        BoardOperator passedOn = anna(OperatorState.TALKING, null, new BoardCall("c1", CallDirection.INBOUND,
                "+79271390907", CallerView.UNKNOWN, null, "support", "888", BoardCallState.TALKING, AT));
        OperatorChange transferred = OperatorChange.between(before, passedOn);
        assertThat(transferred.calls()).as("more than the state moved: whole").extracting(BoardCall::callId)
                .containsExactly("c1");
        assertThat(transferred.applyTo(before)).isEqualTo(passedOn);
        assertThat(OperatorChange.between(before, before).isEmpty()).isTrue();
    }

    @Test
    void aQueueOfAThousandMembersSendsTheOneThatChanged() throws Exception {
        List<QueueMember> members = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            members.add(new QueueMember("PJSIP/" + (1000 + i), (long) i, "Оператор " + i, MemberState.NOT_IN_USE,
                    false, null));
        }
        InboundCounters counts = InboundCounters.none(20);
        BoardQueue before = new BoardQueue("support",
                List.of(new WaitingCaller("w1", "+74993332211", CallerView.UNKNOWN, AT, 1),
                        new WaitingCaller("w2", "+74993332212", CallerView.UNKNOWN, AT, 2)), 30, members, counts);
        List<QueueMember> after = new ArrayList<>(members);
        after.set(500, new QueueMember("PJSIP/1500", 500L, "Оператор 500", MemberState.IN_USE, false, null));
        BoardQueue answered = new BoardQueue("support",
                List.of(new WaitingCaller("w2", "+74993332212", CallerView.UNKNOWN, AT, 1)), 31, after, counts);

        QueueChange change = QueueChange.between(before, answered);

        assertThat(change.members()).as("the operator and name are there already").isEmpty();
        assertThat(change.memberStates()).containsExactly(
                new MemberStateChange("PJSIP/1500", MemberState.IN_USE, false, null));
        assertThat(change.waitingGone()).containsExactly("w1");
        assertThat(change.waiting()).as("w2 only moved up: numbered by place on arrival").isEmpty();
        assertThat(change.waitingByPlace()).isTrue();
        assertThat(json.readValue(json.writeValueAsString(change), QueueChange.class)).isEqualTo(change);
        assertThat(change.counters()).as("unchanged").isNull();
        String text = json.writeValueAsString(change);
        assertThat(text.length()).isLessThan(250);
        assertThat(text).doesNotContain("Оператор", "+74993332212", "pausedReason", "userId");
        assertThat(json.readValue(text, QueueChange.class).applyTo(before)).isEqualTo(answered);
        assertThat(QueueChange.between(answered, answered).isEmpty()).isTrue();
    }

    @Test
    void aMemberJoiningInTheMiddleTravelsAloneWithTheNewOrderAsInterfaces() throws Exception {
        List<QueueMember> members = new ArrayList<>();
        for (int i = 0; i < 300; i += 2) {
            members.add(new QueueMember("PJSIP/" + (1000 + i), (long) i, "Оператор " + i, MemberState.NOT_IN_USE,
                    false, null));
        }
        InboundCounters counts = InboundCounters.none(20);
        BoardQueue before = new BoardQueue("sales", List.of(), 0, members, counts);
        List<QueueMember> after = new ArrayList<>(members);
        QueueMember joined = new QueueMember("PJSIP/1151", 151L, "Оператор 151", MemberState.NOT_IN_USE, false, null);
        after.add(76, joined); // sorted by interface, as the server sends them: between PJSIP/1150 and PJSIP/1152
        after.remove(0);
        BoardQueue joinedAndLeft = new BoardQueue("sales", List.of(), 0, after, counts);

        QueueChange change = QueueChange.between(before, joinedAndLeft);

        assertThat(change.members()).containsExactly(joined);
        assertThat(change.membersGone()).containsExactly("PJSIP/1000");
        assertThat(change.memberOrder()).hasSize(150).startsWith("PJSIP/1002").contains("PJSIP/1151");
        String text = json.writeValueAsString(change);
        assertThat(text).doesNotContain("Оператор 150", "Оператор 152");
        assertThat(json.readValue(text, QueueChange.class).applyTo(before)).isEqualTo(joinedAndLeft);
        assertThat(json.writeValueAsString(QueueChange.between(joinedAndLeft, joinedAndLeft))).doesNotContain("memberOrder");
        // a member who changed in place needs no order
        List<QueueMember> busy = new ArrayList<>(after);
        busy.set(3, new QueueMember(busy.get(3).memberInterface(), busy.get(3).userId(), busy.get(3).name(),
                MemberState.IN_USE, false, null));
        QueueChange inPlace = QueueChange.between(joinedAndLeft, new BoardQueue("sales", List.of(), 0, busy, counts));
        assertThat(inPlace.memberOrder()).isEmpty();
        assertThat(json.writeValueAsString(inPlace)).doesNotContain("memberOrder");
    }

    @Test
    void waitingCallersNumberedByPlaceTravelOnlyWhenTheyChangedBeyondTheirPosition() throws Exception {
        InboundCounters counts = InboundCounters.none(20);
        List<WaitingCaller> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(new WaitingCaller("w" + i, "+7499333220" + i, CallerView.UNKNOWN, AT.plusSeconds(i), i));
        }
        BoardQueue before = new BoardQueue("support", five, 30, List.of(), counts);
        // w1 and w3 answered, w4 now known by name, w6 joined: w2 and w5 only moved up
        CallerView known = new CallerView(CallerKind.COMPANY, "ООО «Ромашка»", null);
        BoardQueue after = new BoardQueue("support", List.of(
                new WaitingCaller("w2", "+74993332202", CallerView.UNKNOWN, AT.plusSeconds(2), 1),
                new WaitingCaller("w4", "+74993332204", known, AT.plusSeconds(4), 2),
                new WaitingCaller("w5", "+74993332205", CallerView.UNKNOWN, AT.plusSeconds(5), 3),
                new WaitingCaller("w6", "+74993332206", CallerView.UNKNOWN, AT.plusSeconds(6), 4)), 31, List.of(),
                counts);

        QueueChange change = json.readValue(json.writeValueAsString(QueueChange.between(before, after)),
                QueueChange.class);

        assertThat(change.waiting()).extracting(WaitingCaller::callId).containsExactly("w4", "w6");
        assertThat(change.waitingGone()).containsExactlyInAnyOrder("w1", "w3");
        assertThat(change.applyTo(before)).isEqualTo(after);
        // a caller put ahead of the others (a priority): the order moved, so all of them travel, numbered
        BoardQueue jumped = new BoardQueue("support", List.of(
                new WaitingCaller("w5", "+74993332205", CallerView.UNKNOWN, AT.plusSeconds(5), 1),
                new WaitingCaller("w2", "+74993332202", CallerView.UNKNOWN, AT.plusSeconds(2), 2)), 31, List.of(),
                counts);
        assertThat(QueueChange.between(after, jumped).applyTo(after)).isEqualTo(jumped);
    }

    @Test
    void waitingCallersNotNumberedByPlaceTravelWithTheirPositions() {
        InboundCounters counts = InboundCounters.none(20);
        BoardQueue before = new BoardQueue("support", List.of(
                new WaitingCaller("w1", "+74993332201", CallerView.UNKNOWN, AT, 2),
                new WaitingCaller("w2", "+74993332202", CallerView.UNKNOWN, AT, 3)), 30, List.of(), counts);
        BoardQueue after = new BoardQueue("support", List.of(
                new WaitingCaller("w2", "+74993332202", CallerView.UNKNOWN, AT, 2)), 30, List.of(), counts);
        BoardQueue numbered = new BoardQueue("support", List.of(
                new WaitingCaller("w1", "+74993332201", CallerView.UNKNOWN, AT, 1),
                new WaitingCaller("w2", "+74993332202", CallerView.UNKNOWN, AT, 2)), 30, List.of(), counts);

        QueueChange change = QueueChange.between(before, after);
        QueueChange renumbered = QueueChange.between(before, numbered);

        assertThat(change.waitingByPlace()).isNull();
        assertThat(change.waiting()).extracting(WaitingCaller::position).containsExactly(2);
        assertThat(change.applyTo(before)).isEqualTo(after);
        assertThat(renumbered.isEmpty()).as("the same callers in the same order, numbered anew").isFalse();
        assertThat(renumbered.applyTo(before)).isEqualTo(numbered);
    }

    @Test
    void aMemberWhoseOperatorOrNameChangedTravelsWhole() throws Exception {
        QueueMember anna = new QueueMember("PJSIP/777", 7L, "Анна", MemberState.NOT_IN_USE, false, null);
        BoardQueue before = new BoardQueue("support", List.of(), 0, List.of(anna), InboundCounters.none(20));
        QueueMember paused = new QueueMember("PJSIP/777", 7L, "Анна", MemberState.NOT_IN_USE, true, "lunch");
        QueueMember renamed = new QueueMember("PJSIP/777", 7L, "Анна Петровна", MemberState.IN_USE, false, null);
        BoardQueue onBreak = new BoardQueue("support", List.of(), 0, List.of(paused), InboundCounters.none(20));
        BoardQueue afterRename = new BoardQueue("support", List.of(), 0, List.of(renamed), InboundCounters.none(20));

        assertThat(QueueChange.between(before, onBreak).memberStates())
                .containsExactly(new MemberStateChange("PJSIP/777", MemberState.NOT_IN_USE, true, "lunch"));
        assertThat(json.readValue(json.writeValueAsString(QueueChange.between(before, onBreak)), QueueChange.class)
                .applyTo(before)).isEqualTo(onBreak);
        assertThat(QueueChange.between(before, afterRename).members()).containsExactly(renamed);
        assertThat(QueueChange.between(before, afterRename).memberStates()).isEmpty();
        assertThat(QueueChange.between(before, afterRename).applyTo(before)).isEqualTo(afterRename);
    }

    @Test
    void aReplicaFollowsChangesAndCallsAChangeOfATileItLacksAGap() throws Exception {
        BoardOperator ringing = anna(OperatorState.RINGING, null, call("c1", BoardCallState.RINGING, 0));
        BoardOperator talking = anna(OperatorState.TALKING, null, call("c1", BoardCallState.TALKING, 0));
        BoardQueue empty = new BoardQueue("support", List.of(), 0, List.of(), InboundCounters.none(20));
        BoardReplica replica = new BoardReplica();
        assertThat(replica.apply(new BoardChange(1, 2, AT, null, null, null, null, null, null, null, null)))
                .as("no snapshot yet").isEqualTo(BoardReplica.Applied.GAP);
        replica.reset(new BoardSnapshot(1, AT, AT, List.of(ringing), List.of(empty), InboundCounters.none(20)));

        BoardChange change = ((ServerMessage.BoardChanged) json.readValue(json.writeValueAsString(
                new ServerMessage.BoardChanged(new BoardChange(1, 2, AT, null,
                        List.of(OperatorChange.between(ringing, talking)), null, null, null, null, null, null))),
                ServerMessage.class)).change();
        assertThat(replica.apply(change)).isEqualTo(BoardReplica.Applied.APPLIED);
        assertThat(replica.operator(7)).isEqualTo(talking);
        assertThat(replica.version()).isEqualTo(2);

        OperatorChange ofAStranger = OperatorChange.between(
                new BoardOperator(9, "Борис", List.of("999"), List.of(), OperatorState.AVAILABLE, AT, null, List.of(), 0),
                new BoardOperator(9, "Борис", List.of("999"), List.of(), OperatorState.OFFLINE, AT, null, List.of(), 0));
        BoardChange partlyWrong = new BoardChange(2, 3, AT, null,
                List.of(OperatorChange.between(talking, ringing), ofAStranger), null, null, null, null, null, null);
        assertThat(replica.apply(partlyWrong)).isEqualTo(BoardReplica.Applied.GAP);
        assertThat(replica.operator(7)).as("nothing of it applied").isEqualTo(talking);
        assertThat(replica.version()).isEqualTo(2);
    }
}
