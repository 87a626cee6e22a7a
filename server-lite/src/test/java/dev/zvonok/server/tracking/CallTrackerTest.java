package dev.zvonok.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.tracking.CallEvent.CallEnded;
import dev.zvonok.server.tracking.CallEvent.OfferEnded;
import dev.zvonok.server.tracking.CallEvent.OfferRinging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes and accidents the recordings do not show, written event by event. */
class CallTrackerTest {

    private final List<CallEvent> events = new ArrayList<>();
    private final CallTracker tracker =
            new CallTracker(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(), events::add);
    private final ScriptedPbx pbx = new ScriptedPbx(tracker::accept);

    @Test
    void consultationCallFromThePhoneMergesIntoTheCustomersCallOnAttendedTransfer() {
        ChannelRef customer = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        ChannelRef ivanov = pbx.leg(customer, "SIP/777-00000002");
        pbx.dial(customer, ivanov).state(ivanov, ChannelState.RINGING).afterSeconds(2).answer(customer, ivanov);
        // Ivanov presses "transfer" on the phone and dials 888: a second call with its own Linkedid
        ChannelRef consult = pbx.firstLeg("SIP/777-00000003", "777", "888");
        ChannelRef petrov = pbx.leg(consult, "SIP/888-00000004");
        pbx.dial(consult, petrov).state(petrov, ChannelState.RINGING).afterSeconds(3).answer(consult, petrov);
        pbx.afterSeconds(5).emit(new PbxEvent.AttendedTransferred(pbx.tick(), true, ivanov, consult, customer, petrov));
        pbx.hangup(ivanov, 16).hangup(consult, 16);
        pbx.afterSeconds(20).hangupRequest(customer).hangup(customer, 16).hangup(petrov, 16);

        assertThat(events).filteredOn(CallEvent.CallsMerged.class::isInstance).hasSize(1);
        List<CallRecord> calls = endedCalls();
        assertThat(calls).as("the consultation is not a call of its own").hasSize(1);
        CallRecord call = calls.getFirst();
        assertThat(call.linkedid()).isEqualTo(customer.linkedId());
        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.caller()).isEqualTo("+79271390907");
        assertThat(call.answeredBy()).isEqualTo("777");
        assertThat(call.transfers()).extracting(TransferRecord::from, TransferRecord::to, TransferRecord::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("777", "888", TransferKind.ATTENDED));
        assertThat(call.offers()).extracting(OfferRecord::extension, OfferRecord::result, OfferRecord::transferredFrom)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("777", OfferResult.TRANSFERRED, null),
                        org.assertj.core.groups.Tuple.tuple("888", OfferResult.ANSWERED, "777"));
        assertThat(call.hangupSide()).isEqualTo(HangupSide.CALLER);
        assertThat(tracker.activeCallCount()).isZero();
    }

    @Test
    void operatorWhoLeavesTheCallToAnotherPhoneWithoutTransferEventIsRecordedAsBlindTransfer() {
        // an AMI Redirect moves the caller on and hangs up the operator's leg: Asterisk raises no transfer event
        ChannelRef customer = pbx.firstLeg("SIP/trunk-00000001", "+79991234567", "74951234567");
        ChannelRef ivanov = pbx.leg(customer, "SIP/777-00000002");
        pbx.dial(customer, ivanov).afterSeconds(2).answer(customer, ivanov);
        pbx.afterSeconds(10).hangup(ivanov, 16);
        ChannelRef petrov = pbx.leg(customer, "SIP/888-00000003");
        pbx.dial(customer, petrov).afterSeconds(2).answer(customer, petrov);
        pbx.afterSeconds(30).hangup(petrov, 16).hangup(customer, 16);

        CallRecord call = endedCalls().getFirst();
        assertThat(call.transfers()).extracting(TransferRecord::from, TransferRecord::to, TransferRecord::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("777", "888", TransferKind.BLIND));
        assertThat(offer(call, "777").result()).isEqualTo(OfferResult.TRANSFERRED);
        assertThat(offer(call, "888").transferredFrom()).isEqualTo("777");
        assertThat(ringing("888")).extracting(OfferRinging::transferredFrom).containsExactly("777");
    }

    @Test
    void everySignalOfOneRingMakesOneOffer() {
        ChannelRef customer = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "74951234567");
        ChannelRef ivanov = pbx.leg(customer, "SIP/777-00000002");
        pbx.emit(new PbxEvent.ChannelCreated(pbx.tick(), ivanov, ChannelState.DOWN, null, null, null)); // repeated
        pbx.emit(new PbxEvent.QueueMemberEvent(pbx.tick(), PbxEvent.QueueMemberEvent.Kind.CALLED, customer, ivanov,
                "support", "SIP/777"));
        pbx.dial(customer, ivanov).dial(customer, ivanov).state(ivanov, ChannelState.RINGING);
        pbx.emit(new PbxEvent.DialProgressed(pbx.tick(), customer, ivanov, DialStatus.RINGING));
        pbx.afterSeconds(2).answer(customer, ivanov);
        pbx.emit(new PbxEvent.QueueMemberEvent(pbx.tick(), PbxEvent.QueueMemberEvent.Kind.CONNECTED, customer, ivanov,
                "support", "SIP/777"));
        pbx.afterSeconds(5).hangup(ivanov, 16).hangup(customer, 16);

        assertThat(ringing("777")).hasSize(1);
        assertThat(events).filteredOn(CallEvent.OfferAnswered.class::isInstance).hasSize(1);
        assertThat(endedCalls()).singleElement()
                .satisfies(call -> assertThat(call.disposition()).isEqualTo(CallDisposition.ANSWERED));
    }

    @Test
    void aQueueRingingTheSameOperatorAgainReusesTheOfferAndAnnouncesTheNewRing() {
        ChannelRef customer = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "74951234567");
        pbx.emit(new PbxEvent.QueueJoined(pbx.tick(), customer, "support", 1));
        ChannelRef firstRing = pbx.leg(customer, "SIP/777-00000002");
        pbx.dial(customer, firstRing).state(firstRing, ChannelState.RINGING).afterSeconds(15);
        pbx.dialEnd(customer, firstRing, DialStatus.NOANSWER).hangup(firstRing, 16);
        ChannelRef secondRing = pbx.leg(customer, "SIP/777-00000003");
        pbx.afterSeconds(2).dial(customer, secondRing).state(secondRing, ChannelState.RINGING);
        pbx.afterSeconds(4).answer(customer, secondRing).afterSeconds(30).hangup(secondRing, 16).hangup(customer, 16);

        assertThat(ringing("777")).as("one ring, one announcement").hasSize(2);
        CallRecord call = endedCalls().getFirst();
        assertThat(call.offers()).singleElement().satisfies(offer -> {
            assertThat(offer.result()).isEqualTo(OfferResult.ANSWERED);
            assertThat(offer.ringAt()).isBefore(offer.answerAt());
        });
        assertThat(call.queue()).isEqualTo("support");
        assertThat(call.disposition()).isEqualTo(CallDisposition.ANSWERED);
    }

    @Test
    void ringResultComesFromTheHangupCauseWhenTheDialEndWasLost() {
        ChannelRef customer = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "74951234500");
        ChannelRef a = pbx.leg(customer, "SIP/777-00000002");
        ChannelRef b = pbx.leg(customer, "SIP/888-00000003");
        ChannelRef c = pbx.leg(customer, "SIP/999-00000004");
        ChannelRef d = pbx.leg(customer, "SIP/555-00000005");
        pbx.dial(customer, a).dial(customer, b).dial(customer, c).dial(customer, d);
        pbx.state(a, ChannelState.RINGING).state(b, ChannelState.RINGING);
        pbx.afterSeconds(1).hangup(c, 17);            // busy, never rang
        pbx.hangup(b, 21);                            // declined
        pbx.afterSeconds(2).answer(customer, a);
        pbx.hangup(d, 26);                            // answered elsewhere
        pbx.afterSeconds(9).hangup(a, 16).hangup(customer, 16);

        CallRecord call = endedCalls().getFirst();
        assertThat(offer(call, "999").result()).isEqualTo(OfferResult.BUSY);
        assertThat(offer(call, "888").result()).isEqualTo(OfferResult.REJECTED);
        assertThat(offer(call, "555").result()).isEqualTo(OfferResult.ANSWERED_ELSEWHERE);
        assertThat(offer(call, "777").result()).isEqualTo(OfferResult.ANSWERED);
        assertThat(events).filteredOn(OfferEnded.class::isInstance).map(e -> (OfferEnded) e)
                .filteredOn(e -> e.result() == OfferResult.ANSWERED_ELSEWHERE)
                .extracting(OfferEnded::answeredBy).containsExactly("777");
    }

    @Test
    void eventsAboutUnknownLegsAreCountedAndNeverCreateDuplicates() {
        ChannelRef customer = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        ChannelRef ghost = new ChannelRef("1795999999.1", "1795999999.1", "SIP/777-000000ff");
        pbx.hangup(ghost, 16).dialEnd(customer, ghost, DialStatus.ANSWER);
        pbx.emit(new PbxEvent.HoldChanged(pbx.tick(), ghost, true));
        pbx.emit(new PbxEvent.BlindTransferred(pbx.tick(), true, ghost, customer, "888"));
        // the phone's Newchannel was lost: DialBegin must still make the offer
        ChannelRef phone = pbx.unseenLeg(customer, "SIP/777-00000002");
        pbx.dial(customer, phone).afterSeconds(2).answer(customer, phone).afterSeconds(4);
        pbx.hangup(phone, 16).hangup(customer, 16);
        pbx.hangup(customer, 16); // a repeated Hangup of a leg already gone

        assertThat(endedCalls()).singleElement().satisfies(call -> {
            assertThat(call.answeredBy()).isEqualTo("777");
            assertThat(call.offers()).hasSize(1);
        });
        assertThat(tracker.stats().unknownChannel()).isGreaterThanOrEqualTo(5);
        assertThat(tracker.stats().failures()).isZero();
    }

    @Test
    void resyncClosesWhatEndedDuringTheOutageLearnsWhatBeganAndNoticesAnswers() {
        ChannelRef endedWhileAway = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        ChannelRef ivanov = pbx.leg(endedWhileAway, "SIP/777-00000002");
        pbx.dial(endedWhileAway, ivanov).afterSeconds(1).answer(endedWhileAway, ivanov);
        ChannelRef answeredWhileAway = pbx.firstLeg("SIP/trunk-00000003", "+79991234567", "888");
        ChannelRef petrov = pbx.leg(answeredWhileAway, "SIP/888-00000004");
        pbx.dial(answeredWhileAway, petrov).state(petrov, ChannelState.RINGING);
        // AMI drops for 30 s; meanwhile the first call ends, Petrov answers and a third call starts ringing 999
        pbx.afterSeconds(30);
        ChannelRef newCaller = new ChannelRef("1795000100.0", "1795000100.0", "SIP/trunk-00000005");
        ChannelRef sidorov = new ChannelRef("1795000100.1", "1795000100.0", "SIP/999-00000006");
        String list = "resync-7";
        pbx.emit(snapshot(list, petrov, ChannelState.UP, "+79991234567", "bridge-b", 25));
        pbx.emit(snapshot(list, sidorov, ChannelState.RINGING, "89271390907", "", 4));
        java.time.Instant sidorovListedAt = pbx.now();
        pbx.emit(snapshot(list, answeredWhileAway, ChannelState.UP, "+79991234567", "bridge-b", 31));
        pbx.emit(snapshot(list, newCaller, ChannelState.RING, "84951112233", "", 5));
        pbx.emit(new PbxEvent.SnapshotComplete(pbx.tick(), list, 4));

        assertThat(endedCalls()).singleElement().satisfies(call -> {
            assertThat(call.linkedid()).isEqualTo(endedWhileAway.linkedId());
            assertThat(call.disposition()).isEqualTo(CallDisposition.ANSWERED);
        });
        assertThat(events).filteredOn(CallEvent.OfferAnswered.class::isInstance).map(e -> (CallEvent.OfferAnswered) e)
                .extracting(CallEvent.OfferAnswered::extension).containsExactly("777", "888");
        assertThat(ringing("999")).singleElement().satisfies(ring -> {
            assertThat(ring.call().callerNumber()).isEqualTo("+74951112233");
            assertThat(ring.at()).isEqualTo(sidorovListedAt.minusSeconds(4));
        });
        assertThat(tracker.activeCallCount()).isEqualTo(2);

        // a second resync that lists the same legs changes nothing
        int before = events.size();
        pbx.emit(snapshot("resync-8", petrov, ChannelState.UP, "+79991234567", "bridge-b", 26));
        pbx.emit(snapshot("resync-8", sidorov, ChannelState.RINGING, "89271390907", "", 5));
        pbx.emit(snapshot("resync-8", answeredWhileAway, ChannelState.UP, "+79991234567", "bridge-b", 32));
        pbx.emit(snapshot("resync-8", newCaller, ChannelState.RING, "84951112233", "", 6));
        pbx.emit(new PbxEvent.SnapshotComplete(pbx.tick(), "resync-8", 4));
        assertThat(events).hasSize(before);
    }

    @Test
    void listenersLearnWhichCallsAreInProgressAfterEachReconciliation() {
        List<java.util.Set<String>> reconciled = new ArrayList<>();
        CallTracker watched = new CallTracker(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(),
                new CallEventListener() {
                    @Override
                    public void onCallEvent(CallEvent event) {
                    }

                    @Override
                    public void onReconciled(java.time.Instant at, java.util.Set<String> callsInProgress) {
                        reconciled.add(callsInProgress);
                    }
                });
        ScriptedPbx script = new ScriptedPbx(watched::accept);
        ChannelRef customer = script.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        script.emit(new PbxEvent.ChannelSnapshot(script.tick(), "resync-1", customer, ChannelState.RING,
                "89271390907", null, "from-trunk", "777", "", Duration.ofSeconds(1), null));
        script.emit(new PbxEvent.SnapshotComplete(script.tick(), "resync-1", 1));
        script.emit(new PbxEvent.SnapshotComplete(script.tick(), "resync-2", 0));

        assertThat(reconciled).containsExactly(java.util.Set.of(customer.linkedId()), java.util.Set.of());
    }

    @Test
    void emptyResyncEndsEveryCallLeftOpenWithoutGuessingHowARingEnded() {
        ChannelRef customer = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        ChannelRef ivanov = pbx.leg(customer, "SIP/777-00000002");
        pbx.dial(customer, ivanov).state(ivanov, ChannelState.RINGING);
        pbx.afterSeconds(60).emit(new PbxEvent.SnapshotComplete(pbx.tick(), "resync-1", 0));

        // answered, missed or abandoned while nobody watched: it is not ours to say
        assertThat(endedCalls()).singleElement().satisfies(call -> {
            assertThat(call.disposition()).isEqualTo(CallDisposition.UNKNOWN);
            assertThat(call.answeredBy()).isNull();
            assertThat(call.offers()).singleElement().extracting(OfferRecord::result).isEqualTo(OfferResult.UNKNOWN);
            assertThat(call.hangupCauseText()).isEqualTo(CallTracker.UNOBSERVED_END);
            assertThat(call.endAt()).isEqualTo(pbx.now());
        });
        assertThat(tracker.liveChannelCount()).isZero();
    }

    @Test
    void whatWasSeenBeforeTheOutageStays() {
        ChannelRef answered = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        ChannelRef ivanov = pbx.leg(answered, "SIP/777-00000002");
        pbx.dial(answered, ivanov).afterSeconds(2).answer(answered, ivanov);
        ChannelRef missed = pbx.firstLeg("SIP/trunk-00000003", "+79991234567", "888");
        ChannelRef petrov = pbx.leg(missed, "SIP/888-00000004");
        pbx.dial(missed, petrov).state(petrov, ChannelState.RINGING).afterSeconds(6)
                .dialEnd(missed, petrov, DialStatus.NOANSWER);
        pbx.afterSeconds(30).emit(new PbxEvent.SnapshotComplete(pbx.tick(), "resync-1", 0));

        assertThat(endedCalls()).extracting(CallRecord::caller, CallRecord::disposition).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("+79271390907", CallDisposition.ANSWERED),
                org.assertj.core.groups.Tuple.tuple("+79991234567", CallDisposition.MISSED));
    }

    @Test
    void aBlindTransferMadeWhileAmiWasDownIsRecordedWithTheTalkTimesThePbxReports() {
        ChannelRef customer = pbx.firstLeg("PJSIP/trunk-00000001", "89271390907", "777");
        ChannelRef ivanov = pbx.leg(customer, "PJSIP/777-00000002");
        pbx.dial(customer, ivanov).afterSeconds(2).answer(customer, ivanov);
        // the link is cut; Ivanov transfers to Petrov, who answers; the resync lists the customer and Petrov only
        pbx.afterSeconds(20);
        ChannelRef petrov = new ChannelRef("1795000200.7", customer.linkedId(), "PJSIP/888-00000009");
        pbx.emit(new PbxEvent.ChannelSnapshot(pbx.tick(), "resync-3", customer, ChannelState.UP, "89271390907", null,
                "from-trunk", "777", "bridge-c", Duration.ofSeconds(22), Duration.ofSeconds(4)));
        java.time.Instant listedAt = pbx.now();
        pbx.emit(new PbxEvent.ChannelSnapshot(pbx.tick(), "resync-3", petrov, ChannelState.UP, "888", null,
                "from-internal", "888", "bridge-c", Duration.ofSeconds(9), Duration.ofSeconds(4)));
        pbx.emit(new PbxEvent.SnapshotComplete(pbx.tick(), "resync-3", 2));
        pbx.afterSeconds(10).hangup(petrov, 16).hangup(customer, 16);

        CallRecord call = endedCalls().getFirst();
        assertThat(call.disposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(call.answeredBy()).isEqualTo("777");
        assertThat(call.offers()).extracting(OfferRecord::extension, OfferRecord::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("777", OfferResult.TRANSFERRED),
                org.assertj.core.groups.Tuple.tuple("888", OfferResult.ANSWERED));
        assertThat(call.transfers()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo("777");
            assertThat(t.to()).isEqualTo("888");
        });
        OfferRecord petrovs = call.offers().get(1);
        assertThat(petrovs.ringAt()).isEqualTo(listedAt.plusMillis(1).minusSeconds(9));
        assertThat(petrovs.answerAt()).isEqualTo(listedAt.plusMillis(1).minusSeconds(4));
    }

    @Test
    void outboundCallsEndAnsweredBusyOrFailedByTheCalledParty() {
        ChannelRef ivanov = pbx.firstLeg("SIP/777-00000001", "777", "89161234567");
        ChannelRef line = pbx.leg(ivanov, "SIP/trunk-00000002");
        pbx.dial(ivanov, line, "89161234567").afterSeconds(3).dialEnd(ivanov, line, DialStatus.BUSY);
        pbx.hangup(line, 17).hangup(ivanov, 17);

        ChannelRef petrov = pbx.firstLeg("SIP/888-00000003", "888", "+79161234567");
        ChannelRef line2 = pbx.leg(petrov, "SIP/trunk-00000004");
        pbx.dial(petrov, line2, "+79161234567").afterSeconds(30).dialEnd(petrov, line2, DialStatus.NOANSWER);
        pbx.hangup(line2, 16).hangup(petrov, 16);

        ChannelRef sidorov = pbx.firstLeg("SIP/999-00000005", "999", "9161234567");
        ChannelRef line3 = pbx.leg(sidorov, "SIP/trunk-00000006");
        pbx.dial(sidorov, line3, "9161234567").afterSeconds(5).answer(sidorov, line3);
        pbx.afterSeconds(60).hangupRequest(line3).hangup(line3, 16).hangup(sidorov, 16);

        assertThat(endedCalls())
                .extracting(CallRecord::direction, CallRecord::caller, CallRecord::dialed, CallRecord::disposition,
                        CallRecord::hangupSide)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CallDirection.OUTBOUND, "777", "+79161234567",
                                CallDisposition.BUSY, HangupSide.PBX),
                        org.assertj.core.groups.Tuple.tuple(CallDirection.OUTBOUND, "888", "+79161234567",
                                CallDisposition.FAILED, HangupSide.PBX),
                        org.assertj.core.groups.Tuple.tuple(CallDirection.OUTBOUND, "999", "+79161234567",
                                CallDisposition.ANSWERED, HangupSide.CALLEE));
        assertThat(endedCalls().get(2).answerAt()).isNotNull();
    }

    @Test
    void aLinkedidSeenAgainAfterItsCallEndedStartsASeparateCall() {
        ChannelRef first = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        pbx.hangup(first, 16);
        ChannelRef late = new ChannelRef("1795777777.5", first.linkedId(), "SIP/888-00000002");
        pbx.emit(new PbxEvent.ChannelCreated(pbx.tick(), late, ChannelState.DOWN, null, null, null));
        pbx.hangup(late, 16);

        assertThat(endedCalls()).extracting(CallRecord::linkedid).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void aFailingListenerDoesNotStopTracking() {
        List<CallEvent> seen = new ArrayList<>();
        CallTracker fragile = new CallTracker(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(), event -> {
            seen.add(event);
            if (event instanceof OfferRinging) {
                throw new IllegalStateException("listener bug");
            }
        });
        ScriptedPbx script = new ScriptedPbx(fragile::accept);
        ChannelRef customer = script.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        ChannelRef ivanov = script.leg(customer, "SIP/777-00000002");
        script.dial(customer, ivanov).answer(customer, ivanov).hangup(ivanov, 16).hangup(customer, 16);

        assertThat(seen).filteredOn(CallEnded.class::isInstance).hasSize(1);
        assertThat(fragile.stats().failures()).isEqualTo(1);
    }

    @Test
    void holdAndResumeAreReportedOncePerChange() {
        ChannelRef customer = pbx.firstLeg("SIP/trunk-00000001", "89271390907", "777");
        ChannelRef ivanov = pbx.leg(customer, "SIP/777-00000002");
        pbx.dial(customer, ivanov).answer(customer, ivanov);
        pbx.emit(new PbxEvent.HoldChanged(pbx.tick(), ivanov, false)); // Unhold without Hold: nothing
        pbx.emit(new PbxEvent.HoldChanged(pbx.tick(), ivanov, true));
        pbx.emit(new PbxEvent.HoldChanged(pbx.tick(), ivanov, true));
        pbx.after(Duration.ofSeconds(20)).emit(new PbxEvent.HoldChanged(pbx.tick(), ivanov, false));

        assertThat(events).filteredOn(e -> e instanceof CallEvent.CallHeld || e instanceof CallEvent.CallResumed)
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("CallHeld", "CallResumed");
    }

    private PbxEvent.ChannelSnapshot snapshot(String list, ChannelRef leg, ChannelState state, String caller,
                                              String bridge, long ageSeconds) {
        return new PbxEvent.ChannelSnapshot(pbx.tick(), list, leg, state, caller, null, "from-trunk", null, bridge,
                Duration.ofSeconds(ageSeconds), null);
    }

    private List<CallRecord> endedCalls() {
        return events.stream().filter(CallEnded.class::isInstance).map(e -> ((CallEnded) e).record()).toList();
    }

    private List<OfferRinging> ringing(String extension) {
        return events.stream().filter(OfferRinging.class::isInstance).map(OfferRinging.class::cast)
                .filter(e -> e.extension().equals(extension)).toList();
    }

    private static OfferRecord offer(CallRecord call, String extension) {
        return call.offers().stream().filter(o -> o.extension().equals(extension)).findFirst().orElseThrow();
    }
}
