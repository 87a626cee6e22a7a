package dev.zvonok.server.calls;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static dev.zvonok.server.calls.CallScenarios.at;
import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_MERGES;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.CALL_TRANSFERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.CallOffersRecord;
import dev.zvonok.server.db.schema.tables.records.CallsRecord;
import dev.zvonok.server.directory.DealerDetails;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallRecorderTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private RecorderFixture fixture;
    private CallRecorder recorder;

    @BeforeEach
    void setUp() {
        db.clean();
        fixture = new RecorderFixture(db.dsl());
        recorder = new CallRecorder(db.dsl(), fixture.directory).start();
    }

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    private void record(List<CallEvent> events) throws InterruptedException {
        events.forEach(recorder::onCallEvent);
        assertThat(recorder.awaitIdle(Duration.ofSeconds(20))).as("all written").isTrue();
    }

    @Test
    void directAnsweredCall() throws Exception {
        record(CallScenarios.directAnswered("1795288001.1", T0, DEALER));

        CallsRecord call = fixture.call("1795288001.1");
        assertThat(call.getDirection()).isEqualTo("inbound");
        assertThat(call.getCallerNumber()).isEqualTo("89271390907");
        assertThat(call.getCallerNormalized()).isEqualTo("+79271390907");
        assertThat(call.getDialedNumber()).isEqualTo("777");
        assertThat(call.getCallerKind()).isEqualTo("dealer");
        assertThat(call.getCallerName()).isEqualTo("Автодом Волга");
        assertThat(call.getCallerCompany()).isEqualTo("ООО «Волга-Авто»");
        assertThat(call.getCallerDealerId()).isNotNull();
        assertThat(call.getCallerCompanyId()).isNotNull();
        assertThat(call.getDisposition()).isEqualTo("answered");
        assertThat(call.getAnsweredByExtension()).isEqualTo("777");
        assertThat(call.getAnsweredByUserId()).isEqualTo(fixture.userId("ivanov"));
        assertThat(call.getStartedAt().toInstant()).isEqualTo(T0);
        assertThat(call.getAnsweredAt().toInstant()).isEqualTo(at(T0, 3));
        assertThat(call.getEndedAt().toInstant()).isEqualTo(at(T0, 63));
        assertThat(call.getRingMs()).isEqualTo(3_000);
        assertThat(call.getTalkMs()).isEqualTo(60_000);
        assertThat(call.getHangupSide()).isEqualTo("caller");
        assertThat(call.getHangupCause()).isEqualTo(16);
        assertThat(call.getHangupCauseText()).isEqualTo("Normal Clearing");

        CallOffersRecord offer = fixture.offer("1795288001.1", "777");
        assertThat(offer.getUserId()).isEqualTo(fixture.userId("ivanov"));
        assertThat(offer.getResult()).isEqualTo("answered");
        assertThat(offer.getRingAt().toInstant()).isEqualTo(at(T0, 0.1));
        assertThat(offer.getRingMs()).isEqualTo(2_900);
        assertThat(offer.getTalkMs()).isEqualTo(60_000);
        assertThat(fixture.count(CALLS)).isEqualTo(1);
        assertThat(fixture.count(CALL_OFFERS)).isEqualTo(1);
        assertThat(recorder.stats()).isEqualTo(new RecorderStats(5, 5, 0, 0, 0));
    }

    @Test
    void liveEventsShowTheCallWhileItRings() throws Exception {
        record(CallScenarios.directAnswered("1795288002.1", T0, DEALER).subList(0, 2));

        CallsRecord call = fixture.call("1795288002.1");
        assertThat(call.getDisposition()).isNull();
        assertThat(call.getCallerName()).isEqualTo("Автодом Волга");
        assertThat(fixture.offer("1795288002.1", "777").getResult()).isNull();
        assertThat(fixture.offer("1795288002.1", "777").getUserId()).isEqualTo(fixture.userId("ivanov"));

        record(CallScenarios.directAnswered("1795288002.1", T0, DEALER).subList(2, 3));
        assertThat(fixture.call("1795288002.1").getAnsweredByExtension()).isEqualTo("777");
        assertThat(fixture.offer("1795288002.1", "777").getAnswerAt().toInstant()).isEqualTo(at(T0, 3));
    }

    @Test
    void queueCallAnsweredElsewhere() throws Exception {
        record(CallScenarios.queueAnsweredElsewhere("1795288005.1", T0));

        CallsRecord call = fixture.call("1795288005.1");
        assertThat(call.getQueue()).isEqualTo("support");
        assertThat(call.getDialedNormalized()).isEqualTo("+74951234567");
        assertThat(call.getAnsweredByExtension()).isEqualTo("888");
        assertThat(call.getAnsweredByUserId()).isEqualTo(fixture.userId("petrov"));
        assertThat(fixture.offers("1795288005.1"))
                .extracting(CallOffersRecord::getExtension, CallOffersRecord::getResult, CallOffersRecord::getUserId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("777", "answered_elsewhere", fixture.userId("ivanov")),
                        org.assertj.core.groups.Tuple.tuple("888", "answered", fixture.userId("petrov")));
        assertThat(fixture.offer("1795288005.1", "777").getRingMs()).isEqualTo(3_000);
        assertThat(fixture.offer("1795288005.1", "777").getTalkMs()).isNull();
    }

    @Test
    void blindTransfer() throws Exception {
        record(CallScenarios.blindTransfer("1795288007.1", T0));

        CallsRecord call = fixture.call("1795288007.1");
        assertThat(call.getDisposition()).isEqualTo("answered");
        assertThat(call.getAnsweredByExtension()).isEqualTo("777");
        assertThat(fixture.transfers("1795288007.1"))
                .extracting(t -> t.getSeq() + " " + t.getFromExtension() + "->" + t.getToTarget() + " " + t.getKind())
                .containsExactly("1 777->888 blind");
        CallOffersRecord ivanov = fixture.offer("1795288007.1", "777");
        assertThat(ivanov.getResult()).isEqualTo("transferred");
        assertThat(ivanov.getTransferredTo()).isEqualTo("888");
        CallOffersRecord petrov = fixture.offer("1795288007.1", "888");
        assertThat(petrov.getResult()).isEqualTo("answered");
        assertThat(petrov.getTransferredFrom()).isEqualTo("777");
        assertThat(petrov.getTalkMs()).isEqualTo(27_000);
    }

    @Test
    void attendedTransferMergesTheConsultationCall() throws Exception {
        String call = "1795288008.1";
        String consultation = "1795288008.4";
        record(CallScenarios.attendedTransferFirstPart(call, consultation, T0));
        assertThat(fixture.count(CALLS)).as("the consultation call is a call of its own, for now").isEqualTo(2);
        assertThat(fixture.call(consultation).getCallerKind()).isEqualTo("user");
        // Petrov starts writing on the consultation call's card
        db.dsl().update(CALL_OFFERS).set(CALL_OFFERS.NOTES, "Клиент ждёт звонка сервиса")
                .where(CALL_OFFERS.ID.eq(fixture.offer(consultation, "888").getId())).execute();

        record(CallScenarios.attendedTransferSecondPart(call, consultation, T0));

        assertThat(db.dsl().select(CALLS.LINKEDID).from(CALLS).fetch(CALLS.LINKEDID)).containsExactly(call);
        assertThat(db.dsl().fetchValue(CALL_MERGES.CALL_ID, CALL_MERGES.ABSORBED_LINKEDID.eq(consultation)))
                .isEqualTo(fixture.call(call).getId());
        CallsRecord merged = fixture.call(call);
        assertThat(merged.getCallerName()).as("the caller is still the dealer").isEqualTo("Автодом Волга");
        assertThat(merged.getAnsweredByExtension()).isEqualTo("777");
        assertThat(fixture.offers(call))
                .extracting(CallOffersRecord::getExtension, CallOffersRecord::getResult,
                        CallOffersRecord::getTransferredFrom, CallOffersRecord::getTransferredTo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("777", "transferred", null, "888"),
                        org.assertj.core.groups.Tuple.tuple("888", "answered", "777", null));
        assertThat(fixture.offer(call, "888").getNotes()).isEqualTo("Клиент ждёт звонка сервиса");
        assertThat(fixture.offer(call, "888").getRingAt().toInstant()).isEqualTo(at(T0, 8.1));
        assertThat(fixture.transfers(call)).extracting(t -> t.getFromExtension() + "->" + t.getToTarget() + " "
                + t.getKind()).containsExactly("777->888 attended");
    }

    @Test
    void aPhoneInBothCallsOfAMergeKeepsOneOfferWithBothCardsNotes() throws Exception {
        String call = "1795288028.1";
        String consultation = "1795288028.5";
        CallInfo info = new CallInfo(call, CallDirection.INBOUND, DEALER, "74951234567", "support", T0);
        CallInfo consult = new CallInfo(consultation, CallDirection.INTERNAL, "777", "888", null, at(T0, 30));
        record(List.of(
                new CallEvent.CallStarted(call, T0, info),
                new CallEvent.OfferRinging(call, at(T0, 1), "777", info, null),
                new CallEvent.OfferRinging(call, at(T0, 1), "888", info, null),
                new CallEvent.OfferAnswered(call, at(T0, 4), "777", info),
                new CallEvent.OfferEnded(call, at(T0, 4), "888", dev.zvonok.model.call.OfferResult.ANSWERED_ELSEWHERE,
                        "777"),
                new CallEvent.CallStarted(consultation, at(T0, 30), consult),
                new CallEvent.OfferRinging(consultation, at(T0, 30.1), "888", consult, null),
                new CallEvent.OfferAnswered(consultation, at(T0, 33), "888", consult)));
        db.dsl().update(CALL_OFFERS).set(CALL_OFFERS.NOTES, "Пропущенный из очереди")
                .where(CALL_OFFERS.ID.eq(fixture.offer(call, "888").getId())).execute();
        db.dsl().update(CALL_OFFERS).set(CALL_OFFERS.NOTES, "Иван передаёт клиента")
                .where(CALL_OFFERS.ID.eq(fixture.offer(consultation, "888").getId())).execute();

        record(List.of(
                new CallEvent.CallTransferred(call, at(T0, 40), "777", "888", dev.zvonok.model.call.TransferKind.ATTENDED),
                new CallEvent.CallsMerged(call, at(T0, 40), consultation)));

        assertThat(fixture.offers(call)).extracting(CallOffersRecord::getExtension).containsExactly("777", "888");
        CallOffersRecord petrov = fixture.offer(call, "888");
        assertThat(petrov.getNotes()).isEqualTo("Пропущенный из очереди\n\nИван передаёт клиента");
        assertThat(petrov.getNotesVersion()).isEqualTo(1);
        assertThat(petrov.getRingAt().toInstant()).isEqualTo(at(T0, 1));
        assertThat(petrov.getAnswerAt().toInstant()).isEqualTo(at(T0, 33));
        assertThat(fixture.count(CALLS)).isEqualTo(1);
    }

    @Test
    void eventsOfAnAbsorbedCallFollowItIntoTheSurvivor() throws Exception {
        String call = "1795288018.1";
        String consultation = "1795288018.4";
        record(CallScenarios.attendedTransfer(call, consultation, T0));
        String before = fixture.snapshot().toString();

        // a late or replayed event naming the consultation call must not bring it back
        CallInfo consult = new CallInfo(consultation, CallDirection.INTERNAL, "777", "888", null, at(T0, 8));
        record(List.of(new CallEvent.CallStarted(consultation, at(T0, 8), consult),
                new CallEvent.OfferRinging(consultation, at(T0, 8.1), "888", consult, null)));

        assertThat(db.dsl().select(CALLS.LINKEDID).from(CALLS).fetch(CALLS.LINKEDID)).containsExactly(call);
        assertThat(fixture.snapshot().toString()).isEqualTo(before);
    }

    @Test
    void missedCall() throws Exception {
        record(CallScenarios.missed("1795288002.7", T0));

        CallsRecord call = fixture.call("1795288002.7");
        assertThat(call.getDisposition()).isEqualTo("missed");
        assertThat(call.getAnsweredByExtension()).isNull();
        assertThat(call.getAnsweredByUserId()).isNull();
        assertThat(call.getAnsweredAt()).isNull();
        assertThat(call.getRingMs()).isEqualTo(6_200);
        assertThat(call.getTalkMs()).isNull();
        assertThat(call.getHangupSide()).isEqualTo("pbx");
        CallOffersRecord offer = fixture.offer("1795288002.7", "777");
        assertThat(offer.getResult()).isEqualTo("missed");
        assertThat(offer.getRingMs()).isEqualTo(6_000);
    }

    @Test
    void outboundCallIdentifiesTheCalledParty() throws Exception {
        record(CallScenarios.outboundAnswered("1795288009.1", T0));

        CallsRecord call = fixture.call("1795288009.1");
        assertThat(call.getDirection()).isEqualTo("outbound");
        assertThat(call.getCallerKind()).isEqualTo("dealer");
        assertThat(call.getCallerName()).isEqualTo("Автодом Волга");
        assertThat(call.getAnsweredAt().toInstant()).isEqualTo(at(T0, 6));
        assertThat(call.getAnsweredByExtension()).isNull();
    }

    @Test
    void replayingEveryScenarioTwiceDuplicatesNothing() throws Exception {
        List<CallEvent> all = CallScenarios.concat(
                CallScenarios.directAnswered("r1", T0, DEALER),
                CallScenarios.missed("r2", T0.plusSeconds(100)),
                CallScenarios.queueAnsweredElsewhere("r5", T0.plusSeconds(200)),
                CallScenarios.blindTransfer("r7", T0.plusSeconds(300)),
                CallScenarios.attendedTransfer("r8", "r8c", T0.plusSeconds(400)),
                CallScenarios.outboundAnswered("r9", T0.plusSeconds(500)));
        record(all);
        List<String> once = fixture.snapshot();

        record(all);
        assertThat(fixture.snapshot()).isEqualTo(once);

        // and the live events alone, after the final records, undo nothing either
        record(all.stream().filter(e -> !(e instanceof CallEvent.CallEnded)).toList());
        assertThat(fixture.snapshot()).isEqualTo(once);
        assertThat(fixture.count(CALLS)).isEqualTo(6);
        assertThat(fixture.count(CALL_OFFERS)).isEqualTo(9);
        assertThat(fixture.count(CALL_TRANSFERS)).isEqualTo(2);
    }

    @Test
    void lateLiveEventsDoNotUndoTheFinalRecord() throws Exception {
        record(CallScenarios.outboundAnswered("1795288019.1", T0));
        List<String> before = fixture.snapshot();

        // what the tracker believed early on, before it knew better
        CallInfo early = new CallInfo("1795288019.1", CallDirection.INTERNAL, "777", "8927", null, T0);
        record(List.of(new CallEvent.CallStarted("1795288019.1", T0, early),
                new CallEvent.OfferRinging("1795288019.1", at(T0, 1), "888", early, null),
                new CallEvent.OfferEnded("1795288019.1", at(T0, 90), "777",
                        dev.zvonok.model.call.OfferResult.MISSED, null)));

        assertThat(fixture.snapshot()).isEqualTo(before);
        assertThat(fixture.call("1795288019.1").getDirection()).isEqualTo("outbound");
    }

    @Test
    void aClickToCallIsAboutTheCalledNumberOnceTheTrackerKnowsIt() throws Exception {
        // the originate rings the operator's phone first: the call looks internal, from and to 777
        CallInfo early = new CallInfo("c2c", CallDirection.INTERNAL, "777", "777", null, T0);
        record(List.of(new CallEvent.CallStarted("c2c", T0, early),
                new CallEvent.OfferRinging("c2c", at(T0, 0.1), "777", early, null)));
        assertThat(fixture.call("c2c").getCallerKind()).isEqualTo("user");

        record(CallScenarios.outboundAnswered("c2c", T0).subList(2, 5));

        CallsRecord call = fixture.call("c2c");
        assertThat(call.getDirection()).isEqualTo("outbound");
        assertThat(call.getCallerKind()).isEqualTo("dealer");
        assertThat(call.getCallerName()).isEqualTo("Автодом Волга");
    }

    @Test
    void theCallersIdentityIsKeptWhenTheDirectoryChanges() throws Exception {
        List<CallEvent> call = CallScenarios.directAnswered("1795288011.1", T0, DEALER);
        record(call.subList(0, 2));

        long dealer = fixture.dealers.findByName("Автодом Волга").getFirst().id();
        fixture.dealers.update(dealer, new DealerDetails("Автодом Волга (закрыт)", null, null, null));
        record(call.subList(2, call.size()));
        record(call);

        assertThat(fixture.call("1795288011.1").getCallerName()).isEqualTo("Автодом Волга");
        assertThat(fixture.call("1795288011.1").getCallerCompany()).isEqualTo("ООО «Волга-Авто»");
    }

    @Test
    void anUnknownCallerIsRecognizedWhenTheDirectoryLearnsTheNumberDuringTheCall() throws Exception {
        List<CallEvent> call = CallScenarios.directAnswered("1795288012.1", T0, "+7 917 000-11-22");
        record(call.subList(0, 2));
        assertThat(fixture.call("1795288012.1").getCallerKind()).isEqualTo("unknown");

        long dealer = fixture.dealers.findByName("Кама Моторс").getFirst().id();
        fixture.dealers.addPhone(dealer, "89170001122", null);
        record(call.subList(2, call.size()));

        assertThat(fixture.call("1795288012.1").getCallerName()).isEqualTo("Кама Моторс");
    }

    @Test
    void anEventTheDatabaseRefusesIsSkippedAndTheOthersWritten() throws Exception {
        String tooLong = "7".repeat(41);
        CallInfo info = new CallInfo("bad", CallDirection.INBOUND, DEALER, "777", null, T0);
        recorder.close();
        recorder = new CallRecorder(db.dsl(), fixture.directory,
                RecorderSettings.defaults().withRetryDelays(Duration.ofMillis(5), Duration.ofMillis(20))).start();

        record(CallScenarios.concat(
                List.of(new CallEvent.CallStarted("bad", T0, info),
                        new CallEvent.OfferRinging("bad", T0, tooLong, info, null)),
                CallScenarios.directAnswered("good", T0, DEALER)));

        assertThat(recorder.stats().failures()).isEqualTo(1);
        assertThat(recorder.stats().written()).isEqualTo(6);
        assertThat(fixture.call("bad").getCallerName()).isEqualTo("Автодом Волга");
        assertThat(fixture.call("good").getDisposition()).isEqualTo("answered");
    }

    @Test
    void timesAreKeptToTheMillisecondInUtc() throws Exception {
        Instant odd = Instant.parse("2026-11-21T23:59:59.123Z");
        record(CallScenarios.missed("1795288099.1", odd));
        assertThat(fixture.call("1795288099.1").getStartedAt()).isEqualTo(odd.atOffset(ZoneOffset.UTC));
    }

    @Test
    void callsLeftOpenByAStoppedServerAreClosedWhenThePbxNoLongerHasThem() throws Exception {
        // a server stopped in the middle of two calls: one answered, one still ringing; a third is still going on
        List<CallEvent> answeredThenLost = CallScenarios.directAnswered("1795288101.1", T0, DEALER).subList(0, 3);
        List<CallEvent> ringingThenLost = CallScenarios.missed("1795288102.1", at(T0, 10)).subList(0, 2);
        List<CallEvent> stillGoing = CallScenarios.directAnswered("1795288103.1", at(T0, 20), DEALER).subList(0, 3);
        record(CallScenarios.concat(answeredThenLost, ringingThenLost, stillGoing));

        recorder.onReconciled(at(T0, 3600), java.util.Set.of("1795288103.1"));
        assertThat(recorder.awaitIdle(Duration.ofSeconds(20))).isTrue();

        CallsRecord answered = fixture.call("1795288101.1");
        assertThat(answered.getDisposition()).isEqualTo("answered");
        assertThat(answered.getEndedAt().toInstant()).as("last heard of: the answer").isEqualTo(at(T0, 3));
        assertThat(fixture.offer("1795288101.1", "777").getResult()).isEqualTo("answered");
        CallsRecord ringing = fixture.call("1795288102.1");
        assertThat(ringing.getDisposition()).isEqualTo("missed");
        assertThat(ringing.getEndedAt()).isNotNull();
        assertThat(fixture.offer("1795288102.1", "777").getResult()).isEqualTo("missed");
        assertThat(fixture.call("1795288103.1").getEndedAt()).as("still in progress on the PBX").isNull();

        // the call that went on ends normally later
        record(CallScenarios.directAnswered("1795288103.1", at(T0, 20), DEALER).subList(3, 5));
        assertThat(fixture.call("1795288103.1").getDisposition()).isEqualTo("answered");
    }
}
