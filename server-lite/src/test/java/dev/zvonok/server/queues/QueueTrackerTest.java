package dev.zvonok.server.queues;

import dev.zvonok.server.queues.ami.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.MemberState;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.LibraryEventBuilder;
import org.junit.jupiter.api.Test;

/** The tracker fed with recorded event shapes, built into events by asterisk-java's own builder. */
class QueueTrackerTest {

    static final Instant T0 = Instant.parse("2026-12-04T16:57:20Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final LibraryEventBuilder builder = new LibraryEventBuilder();
    private final QueueEventMapper mapper = new QueueEventMapper(event -> now.get());
    private final QueueTracker tracker = new QueueTracker(now::get,
            TestPeople.OPERATORS_777_888, MemberInterfaces.defaults());

    @Test
    void aRecordedQueueCallWaitsWithItsPositionThenLeaves() {
        List<AmiMessage> events = events("/ami-traces/pjsip/05-pjsip-queue-answered-by-888.ami");
        int join = indexOf(events, "QueueCallerJoin");
        feed(events.subList(0, join + 1));
        now.set(T0.plusSeconds(7));

        BoardQueue support = tracker.queue("support").orElseThrow();
        assertThat(support.waiting()).singleElement().satisfies(caller -> {
            assertThat(caller.callId()).isEqualTo("1796403431.8");
            assertThat(caller.callerNumber()).isEqualTo("+79035550105");
            assertThat(caller.caller()).isEqualTo(TestPeople.DEALER);
            assertThat(caller.position()).isEqualTo(1);
            assertThat(caller.since()).isEqualTo(T0);
        });
        assertThat(support.longestWaitSeconds()).isEqualTo(7);

        feed(events.subList(join + 1, events.size()));
        assertThat(tracker.queue("support").orElseThrow().waiting()).isEmpty();
        assertThat(tracker.queue("support").orElseThrow().longestWaitSeconds()).isZero();
    }

    @Test
    void membersAreMatchedToOperatorsThroughTheirInterfaces() {
        feed(events("/ami-traces/pjsip/05-pjsip-queue-answered-by-888.ami"));

        assertThat(tracker.queue("support").orElseThrow().members()).extracting(QueueMember::memberInterface,
                QueueMember::userId, QueueMember::name, QueueMember::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PJSIP/777", 7L, "Anna Operator", MemberState.NOT_IN_USE),
                org.assertj.core.groups.Tuple.tuple("PJSIP/888", 8L, "Boris Operator", MemberState.NOT_IN_USE));
        assertThat(tracker.queue("sales").orElseThrow().members()).extracting(QueueMember::memberInterface,
                QueueMember::userId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Local/777@from-queue/n", 7L),
                org.assertj.core.groups.Tuple.tuple("Local/888@from-queue/n", 8L));
        assertThat(tracker.interfacesOf(8)).containsExactlyInAnyOrder("PJSIP/888", "Local/888@from-queue/n");
    }

    @Test
    void aMemberNobodyOwnsKeepsThePbxName() {
        apply(memberStatus("QueueMemberStatus", "support", "PJSIP/999", "Night desk", 5, false, ""));

        QueueMember member = tracker.queue("support").orElseThrow().members().getFirst();
        assertThat(member.userId()).isNull();
        assertThat(member.name()).isEqualTo("Night desk");
        assertThat(member.state()).isEqualTo(MemberState.UNAVAILABLE);
    }

    @Test
    void callersBehindMoveUpWhenOneAbandons() {
        apply(join("support", "1.1", "+79035550101", 1));
        now.set(T0.plusSeconds(3));
        apply(join("support", "1.2", "+79035550102", 2));
        apply(join("support", "1.3", "+79035550103", 3));
        // QueueCallerAbandon as Asterisk 22 documents it: the channel, Queue, Position, OriginalPosition, HoldTime
        apply(AmiMessage.builder().add("Event", "QueueCallerAbandon").add("Privilege", "agent,all")
                .add("Channel", "PJSIP/trunk-1").add("CallerIDNum", "+79035550101").add("Uniqueid", "1.1")
                .add("Linkedid", "1.1").add("Queue", "support").add("Position", "1").add("OriginalPosition", "1")
                .add("HoldTime", "3").build());

        BoardQueue support = tracker.queue("support").orElseThrow();
        assertThat(support.waiting()).extracting(w -> w.callId() + "@" + w.position())
                .containsExactly("1.2@1", "1.3@2");
        assertThat(support.longestWaitSeconds()).isZero();
    }

    @Test
    void aPauseFromThePhoneIsShownAndReportedWithTheOperator() {
        List<QueueTracker.MemberPause> pauses = new ArrayList<>();
        tracker.onMemberPause(pauses::add);
        apply(memberStatus("QueueMemberStatus", "support", "PJSIP/777", "Operator 777", 1, false, ""));

        apply(memberStatus("QueueMemberPause", "support", "PJSIP/777", "Operator 777", 1, true, "lunch"));

        QueueMember member = tracker.queue("support").orElseThrow().members().getFirst();
        assertThat(member.paused()).isTrue();
        assertThat(member.pausedReason()).isEqualTo("lunch");
        assertThat(pauses).singleElement().satisfies(pause -> {
            assertThat(pause.userId()).isEqualTo(7);
            assertThat(pause.operatorName()).isEqualTo("Anna Operator");
            assertThat(pause.paused()).isTrue();
            assertThat(pause.reason()).isEqualTo("lunch");
        });

        apply(memberStatus("QueueMemberPause", "support", "PJSIP/777", "Operator 777", 1, false, ""));
        assertThat(tracker.queue("support").orElseThrow().members().getFirst().pausedReason()).isNull();
        assertThat(pauses).last().satisfies(pause -> assertThat(pause.paused()).isFalse());
    }

    @Test
    void aQueueStatusAnswerReplacesEverythingKnown() {
        apply(join("support", "9.9", "+79035550109", 1)); // gone while we were away
        apply(memberStatus("QueueMemberStatus", "support", "PJSIP/777", "Operator 777", 1, false, ""));
        List<Set<String>> changes = new ArrayList<>();
        tracker.onChange(changes::add);

        // recording 13's QueueStatus answer (chan_sip), plus a QueueEntry as Asterisk 22 lists a waiting caller
        List<AmiMessage> answer = listItems("/ami-traces/13-resync-coreshowchannels-status.ami", "resync-3");
        answer.add(answer.size() - 1, AmiMessage.builder().add("Event", "QueueEntry").add("Queue", "support")
                .add("Position", "1").add("Channel", "SIP/trunk-00000030").add("Uniqueid", "1795288900.50")
                .add("CallerIDNum", "+79035550110").add("CallerIDName", "unknown").add("ConnectedLineNum", "unknown")
                .add("ConnectedLineName", "unknown").add("Wait", "12").add("Priority", "0")
                .add("ActionID", "resync-3").build());
        answer.forEach(this::apply);

        BoardQueue support = tracker.queue("support").orElseThrow();
        assertThat(support.members()).extracting(QueueMember::memberInterface, QueueMember::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SIP/777", MemberState.IN_USE),
                org.assertj.core.groups.Tuple.tuple("SIP/888", MemberState.RINGING));
        assertThat(support.waiting()).singleElement().satisfies(caller -> {
            assertThat(caller.callId()).isEqualTo("1795288900.50");
            assertThat(caller.since()).isEqualTo(T0.minusSeconds(12));
        });
        assertThat(support.longestWaitSeconds()).isEqualTo(12);
        assertThat(changes).containsExactly(Set.of("support"));
    }

    @Test
    void eventsBetweenAQueuesItemsAndTheEndOfTheAnswerAreKept() {
        List<AmiMessage> answer = listItems("/ami-traces/13-resync-coreshowchannels-status.ami", "resync-3");
        answer.subList(0, answer.size() - 1).forEach(this::apply);
        // "support" is listed; a caller joins it and 888 changes before the list's end arrives
        apply(join("support", "7.7", "+79035550107", 1));
        apply(memberStatus("QueueMemberStatus", "support", "SIP/888", "Operator 888", 2, false, ""));
        // a queue not listed yet: its own items will tell
        apply(join("sales", "8.8", "+79035550108", 1));
        apply(answer.getLast());

        BoardQueue support = tracker.queue("support").orElseThrow();
        assertThat(support.waiting()).extracting(w -> w.callId()).containsExactly("7.7");
        assertThat(support.members()).extracting(QueueMember::state)
                .containsExactly(MemberState.IN_USE, MemberState.IN_USE);
        assertThat(tracker.queue("sales")).isEmpty();
    }

    @Test
    void anEmptyQueueStatusAnswerForgetsEveryQueue() {
        apply(join("support", "9.9", "+79035550109", 1));

        apply(AmiMessage.builder().add("Event", "QueueStatusComplete").add("ActionID", "q-1")
                .add("EventList", "Complete").add("ListItems", "0").build());

        assertThat(tracker.queues()).isEmpty();
    }

    @Test
    void templatesTellTheExtensionBehindAnInterface() {
        MemberInterfaces templates = new MemberInterfaces(List.of("PJSIP/{ext}", "Local/{ext}@from-queue/n"));
        assertThat(templates.extensionOf("PJSIP/777")).contains("777");
        assertThat(templates.extensionOf("pjsip/777")).contains("777");
        assertThat(templates.extensionOf("Local/888@from-queue/n")).contains("888");
        assertThat(templates.extensionOf("Local/888@from-internal/n")).isEmpty();
        assertThat(templates.extensionOf("SIP/777")).isEmpty();
        assertThat(MemberInterfaces.defaults().extensionOf("Local/888@from-internal/n")).contains("888");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static List<AmiMessage> events(String resource) {
        return AmiTrace.loadResource(resource).entries().stream().filter(e -> e.kind() == AmiTrace.Kind.EVENT)
                .map(AmiTrace.Entry::message).toList();
    }

    static List<AmiMessage> listItems(String resource, String actionId) {
        return new ArrayList<>(events(resource).stream().filter(m -> actionId.equals(m.actionId())).toList());
    }

    private static int indexOf(List<AmiMessage> events, String name) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).isEvent(name)) {
                return i;
            }
        }
        throw new AssertionError("no " + name);
    }

    private void feed(List<AmiMessage> events) {
        events.forEach(this::apply);
    }

    private void apply(AmiMessage message) {
        ManagerEvent event = builder.build(this, message);
        if (event != null) {
            QueueEvent mapped = mapper.map(event);
            if (mapped != null) {
                tracker.accept(mapped);
            }
        }
    }

    static AmiMessage join(String queue, String uniqueId, String number, int position) {
        return AmiMessage.builder().add("Event", "QueueCallerJoin").add("Privilege", "agent,all")
                .add("Channel", "PJSIP/trunk-" + uniqueId).add("ChannelState", "6").add("ChannelStateDesc", "Up")
                .add("CallerIDNum", number).add("CallerIDName", number).add("Uniqueid", uniqueId)
                .add("Linkedid", uniqueId).add("Queue", queue).add("Position", position).add("Count", position)
                .build();
    }

    /** A member event in QueueMemberStatus's layout (QueueMemberPause and QueueMemberAdded share it). */
    static AmiMessage memberStatus(String event, String queue, String memberInterface, String name, int status,
                                   boolean paused, String reason) {
        return AmiMessage.builder().add("Event", event).add("Privilege", "agent,all").add("Queue", queue)
                .add("MemberName", name).add("Interface", memberInterface).add("StateInterface", memberInterface)
                .add("Membership", "static").add("Penalty", "0").add("CallsTaken", "0").add("LastCall", "0")
                .add("LastPause", "0").add("LoginTime", "1796403385").add("InCall", "0").add("Status", status)
                .add("Paused", paused ? "1" : "0").add("PausedReason", reason).add("Ringinuse", "0")
                .add("Wrapuptime", "0").build();
    }

    /** Operators 777 and 888, and a dealer calling from +79035550105. */
    static final class TestPeople {
        static final CallerView DEALER = new CallerView(CallerKind.DEALER, "Ivan Dealer", "Auto LLC");
        static final QueueDirectory OPERATORS_777_888 = new QueueDirectory() {
            private final Map<String, Operator> operators = Map.of("777", new Operator(7, "Anna Operator"),
                    "888", new Operator(8, "Boris Operator"));

            @Override
            public Optional<Operator> operatorOf(String extension) {
                return Optional.ofNullable(operators.get(extension));
            }

            @Override
            public CallerView caller(String number) {
                return "+79035550105".equals(number) ? DEALER : CallerView.UNKNOWN;
            }

            @Override
            public String number(String asThePbxSaysIt) {
                return asThePbxSaysIt;
            }
        };

        private TestPeople() {
        }
    }
}
