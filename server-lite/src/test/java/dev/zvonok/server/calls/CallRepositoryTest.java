package dev.zvonok.server.calls;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.api.CallFilter;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.stats.HourlyAggregates;
import dev.zvonok.server.stats.StatsSettings;
import dev.zvonok.server.tracking.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallRepositoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant DAY1 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-21T09:00:00Z");

    private static RecorderFixture fixture;
    private static CallRepository calls;

    /** Day 1: a direct call, a missed one, a queue call. Day 2: a blind and an attended transfer, an outbound call. */
    @BeforeAll
    static void recordTwoDays() throws Exception {
        fixture = new RecorderFixture(db.dsl());
        calls = new CallRepository(db.dsl(), fixture.numbers);
        List<CallEvent> events = new ArrayList<>();
        events.addAll(CallScenarios.directAnswered("d1-direct", DAY1, DEALER));
        events.addAll(CallScenarios.missed("d1-missed", DAY1.plusSeconds(3600)));
        events.addAll(CallScenarios.queueAnsweredElsewhere("d1-queue", DAY1.plusSeconds(7200)));
        events.addAll(CallScenarios.directAnswered("d1-romashka", DAY1.plusSeconds(9000), "+79991234567"));
        events.addAll(CallScenarios.blindTransfer("d2-blind", DAY2));
        events.addAll(CallScenarios.attendedTransfer("d2-attended", "d2-consult", DAY2.plusSeconds(600)));
        events.addAll(CallScenarios.outboundAnswered("d2-outbound", DAY2.plusSeconds(1200)));
        try (CallRecorder recorder = new CallRecorder(db.dsl(), fixture.directory).start()) {
            events.forEach(recorder::onCallEvent);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
        db.dsl().update(CALL_OFFERS).set(CALL_OFFERS.NOTES, "Просит перезвонить по гарантии")
                .where(CALL_OFFERS.CALL_ID.eq(fixture.call("d1-direct").getId())).execute();
        db.dsl().update(CALL_OFFERS).set(CALL_OFFERS.NOTES, "Передал Петрову")
                .where(CALL_OFFERS.CALL_ID.eq(fixture.call("d2-blind").getId()), CALL_OFFERS.EXTENSION.eq("777"))
                .execute();
        db.dsl().update(CALL_OFFERS).set(CALL_OFFERS.NOTES, "Записал на ТО в пятницу")
                .set(CALL_OFFERS.TAGS, new String[] {"сервис", "запись"})
                .where(CALL_OFFERS.CALL_ID.eq(fixture.call("d2-blind").getId()), CALL_OFFERS.EXTENSION.eq("888"))
                .execute();
    }

    private static List<String> linkedids(Page<CallSummary> page) {
        return page.items().stream().map(CallSummary::linkedid).toList();
    }

    @Test
    void newestFirstWithTheTotal() {
        Page<CallSummary> page = calls.search(CallQuery.all());
        assertThat(page.total()).isEqualTo(7);
        assertThat(linkedids(page)).containsExactly("d2-outbound", "d2-attended", "d2-blind", "d1-romashka",
                "d1-queue", "d1-missed", "d1-direct");
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void theUnfilteredTotalComesFromTheStatisticsKeptRowsWhenTheyCanSayIt() {
        HourlyAggregates hourly = new HourlyAggregates(db.dsl(), StatsSettings.standard(ZoneId.of("Europe/Moscow")));
        CallRepository kept = new CallRepository(db.dsl(), fixture.numbers, hourly::everyCall);
        if (!hourly.adopted()) {
            assertThat(kept.search(CallQuery.all()).total()).as("no rows for these settings yet: counted")
                    .isEqualTo(7);
        }
        hourly.adopt();
        assertThat(kept.search(CallQuery.all()).total()).isEqualTo(7);
        // any criterion: counted, whatever is kept
        CallRepository keptWrong = new CallRepository(db.dsl(), fixture.numbers, () -> OptionalLong.of(1_000));
        assertThat(keptWrong.search(CallQuery.all()).total()).isEqualTo(1_000);
        for (CallQuery narrowed : List.of(CallQuery.all().direction(CallDirection.INBOUND),
                CallQuery.all().between(DAY2, DAY2.plus(Duration.ofDays(1))), CallQuery.all().reached(false),
                CallQuery.all().filter(new CallFilter(null, null, null, null, null, true, null, null, null)))) {
            assertThat(keptWrong.search(narrowed).total()).as(narrowed.toString())
                    .isEqualTo(calls.search(narrowed).total());
        }
    }

    @Test
    void paging() {
        Page<CallSummary> first = calls.search(CallQuery.all().page(0, 3));
        Page<CallSummary> third = calls.search(CallQuery.all().page(6, 3));
        assertThat(linkedids(first)).containsExactly("d2-outbound", "d2-attended", "d2-blind");
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.hasMore()).isTrue();
        assertThat(linkedids(third)).containsExactly("d1-direct");
        assertThat(third.hasMore()).isFalse();
    }

    @Test
    void byOperatorAndTimeRange() {
        long petrov = fixture.userId("petrov");
        assertThat(linkedids(calls.search(CallQuery.all().operator(petrov))))
                .containsExactly("d2-attended", "d2-blind", "d1-queue");
        assertThat(linkedids(calls.search(CallQuery.all().operator(petrov)
                .between(DAY1, DAY1.plus(Duration.ofDays(1))))))
                .containsExactly("d1-queue");
        assertThat(calls.search(CallQuery.all().operator(fixture.userId("sidorov"))).total()).isZero();
        assertThat(linkedids(calls.search(CallQuery.all().extension("888").between(DAY2, null))))
                .containsExactly("d2-attended", "d2-blind");
        assertThat(calls.search(CallQuery.all().operator(fixture.userId("ivanov"))).total()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"89271390907", "+7 927 139-09-07", "9271390907", "79271390907"})
    void byNumberInAnyFormat(String number) {
        Page<CallSummary> page = calls.search(CallQuery.all().number(number));
        assertThat(page.total()).as("inbound from and outbound to the dealer").isEqualTo(6);
        assertThat(linkedids(page)).doesNotContain("d1-romashka");
    }

    @Test
    void byDispositionAndDirection() {
        assertThat(linkedids(calls.search(CallQuery.all().disposition(CallDisposition.MISSED))))
                .containsExactly("d1-missed");
        assertThat(linkedids(calls.search(CallQuery.all().direction(CallDirection.OUTBOUND))))
                .containsExactly("d2-outbound");
        assertThat(calls.search(CallQuery.all().number("нет")).total()).isZero();
    }

    @Test
    void aCallInFull() {
        CallDetails blind = calls.findByLinkedid("d2-blind").orElseThrow();
        CallSummary call = blind.call();
        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.callerKind()).isEqualTo(CallerKind.DEALER);
        assertThat(call.callerName()).isEqualTo("Автодом Волга");
        assertThat(call.callerCompany()).isEqualTo("ООО «Волга-Авто»");
        assertThat(call.disposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(call.answeredByName()).isEqualTo("Иван Иванов");
        assertThat(call.hangupSide()).isEqualTo(HangupSide.CALLER);
        assertThat(call.startedAt()).isEqualTo(DAY2);
        assertThat(blind.offers()).extracting(OfferDetails::extension, OfferDetails::userName, OfferDetails::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("777", "Иван Иванов", OfferResult.TRANSFERRED),
                        org.assertj.core.groups.Tuple.tuple("888", "Пётр Петров", OfferResult.ANSWERED));
        assertThat(blind.offers().get(1).notes().tags()).containsExactly("сервис", "запись");
        assertThat(blind.offers().get(1).transferredFrom()).isEqualTo("777");
        assertThat(blind.transfers()).containsExactly(
                new TransferDetails(1, "777", "888", TransferKind.BLIND, DAY2.plusSeconds(10)));

        assertThat(calls.find(call.id())).contains(blind);
        assertThat(calls.findByLinkedid("d2-consult")).isEmpty();
        assertThat(calls.findByLinkedid("d2-attended").orElseThrow().offers()).hasSize(2);
    }

    @Test
    void historyOfANumberForTheCallCard() {
        List<CallHistoryEntry> history = calls.history("+7 (927) 139-09-07", 4);

        assertThat(history).extracting(CallHistoryEntry::linkedid)
                .containsExactly("d2-outbound", "d2-attended", "d2-blind", "d1-queue");
        CallHistoryEntry blind = history.get(2);
        assertThat(blind.disposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(blind.operatorExtension()).isEqualTo("777");
        assertThat(blind.operatorName()).isEqualTo("Иван Иванов");
        assertThat(blind.notes()).extracting(CallHistoryEntry.Note::extension, CallHistoryEntry.Note::operatorName,
                        CallHistoryEntry.Note::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("777", "Иван Иванов", "Передал Петрову"),
                        org.assertj.core.groups.Tuple.tuple("888", "Пётр Петров", "Записал на ТО в пятницу"));

        CallHistoryEntry outbound = history.getFirst();
        assertThat(outbound.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(outbound.operatorExtension()).as("nobody 'answered' an outbound call; it rang 777 first")
                .isEqualTo("777");
        assertThat(outbound.operatorName()).as("named after the offer, as nobody answered").isEqualTo("Иван Иванов");

        List<CallHistoryEntry> all = calls.history("89271390907", 10);
        assertThat(all).hasSize(6);
        CallHistoryEntry missed = all.get(4);
        assertThat(missed.disposition()).isEqualTo(CallDisposition.MISSED);
        assertThat(missed.operatorExtension()).isEqualTo("777");
        assertThat(missed.operatorName()).isEqualTo("Иван Иванов");
        assertThat(missed.notes()).isEmpty();
        assertThat(all.getLast().notes()).extracting(CallHistoryEntry.Note::text)
                .containsExactly("Просит перезвонить по гарантии");
        assertThat(calls.history("+70000000000", 5)).isEmpty();
        assertThat(calls.history(null, 5)).isEmpty();
        assertThat(db.dsl().fetchCount(CALLS)).isEqualTo(7);
    }
}
