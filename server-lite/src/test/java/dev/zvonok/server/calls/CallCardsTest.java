package dev.zvonok.server.calls;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static dev.zvonok.server.calls.CallScenarios.at;
import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.CallOffersRecord;
import dev.zvonok.server.tracking.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallCardsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private RecorderFixture fixture;
    private CallCards cards;
    private long ivanov;
    private long petrov;

    @BeforeEach
    void setUp() {
        db.clean();
        fixture = new RecorderFixture(db.dsl());
        cards = new CallCards(db.dsl(), fixture.numbers);
        ivanov = fixture.userId("ivanov");
        petrov = fixture.userId("petrov");
    }

    private void record(List<CallEvent> events) throws InterruptedException {
        try (CallRecorder recorder = new CallRecorder(db.dsl(), fixture.directory).start()) {
            events.forEach(recorder::onCallEvent);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
    }

    /** The ring of 777 in {@link CallScenarios#directAnswered}, as the WebSocket layer knows it. */
    private static CardSeed ringOf777(Instant t0) {
        return new CardSeed(CallDirection.INBOUND, DEALER, "777", null, t0, at(t0, 0.1), null);
    }

    private static CallNotes edit(String text, int version) {
        return new CallNotes(text, List.of(), null, null, version);
    }

    private static int savedVersion(SaveResult result) {
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved) result).version();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the race with the recorder
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aSaveBeforeTheRecorderWroteAnythingIsKeptWhenItsEventsArrive() throws Exception {
        CardKey key = new CardKey("r1", "777");
        CallNotes typed = new CallNotes("Звонит по гарантии", List.of("гарантия"), Priority.HIGH,
                new ClientInfo("Сергей", "Автодом Волга", null, null), 0);

        SaveResult saved = cards.save(key, ivanov, ringOf777(T0), typed);

        assertThat(savedVersion(saved)).isEqualTo(1);
        assertThat(((SaveResult.Saved) saved).savedAt()).isNotNull();
        record(CallScenarios.directAnswered("r1", T0, DEALER));

        assertThat(fixture.count(CALLS)).isEqualTo(1);
        assertThat(fixture.count(CALL_OFFERS)).isEqualTo(1);
        var call = fixture.call("r1");
        assertThat(call.getCallerKind()).as("the recorder completed the call").isEqualTo("dealer");
        assertThat(call.getDisposition()).isEqualTo("answered");
        assertThat(call.getStartedAt().toInstant()).isEqualTo(T0);
        CallOffersRecord offer = fixture.offer("r1", "777");
        assertThat(offer.getResult()).isEqualTo("answered");
        assertThat(offer.getUserId()).isEqualTo(ivanov);
        assertThat(offer.getRingAt().toInstant()).isEqualTo(at(T0, 0.1));
        assertThat(cards.notes(key)).isEqualTo(new CallNotes("Звонит по гарантии", List.of("гарантия"),
                Priority.HIGH, new ClientInfo("Сергей", "Автодом Волга", null, null), 1));
    }

    @Test
    void aSaveBetweenTheCallAndTheOfferBeingWrittenAddsTheOfferOnly() throws Exception {
        List<CallEvent> events = CallScenarios.directAnswered("r2", T0, DEALER);
        record(events.subList(0, 1));

        assertThat(savedVersion(cards.save(new CardKey("r2", "777"), ivanov, ringOf777(T0), edit("ok", 0))))
                .isEqualTo(1);
        record(events.subList(1, events.size()));

        assertThat(fixture.count(CALLS)).isEqualTo(1);
        assertThat(fixture.offers("r2")).singleElement()
                .satisfies(o -> assertThat(o.getNotes()).isEqualTo("ok"))
                .satisfies(o -> assertThat(o.getResult()).isEqualTo("answered"))
                .satisfies(o -> assertThat(o.getNotesVersion()).isEqualTo(1));
    }

    @Test
    void concurrentFirstSavesBeforeTheRecorderMakeOneCallOneOfferAndOneWinner() throws Exception {
        CardKey key = new CardKey("r3", "777");
        List<SaveResult> results = race(2, i -> cards.save(key, ivanov, ringOf777(T0), edit("text " + i, 0)));
        record(CallScenarios.directAnswered("r3", T0, DEALER));

        assertThat(results).filteredOn(SaveResult.Saved.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(SaveResult.Stale.class::isInstance).hasSize(1);
        assertThat(fixture.count(CALLS)).isEqualTo(1);
        assertThat(fixture.count(CALL_OFFERS)).isEqualTo(1);
        assertThat(cards.notes(key).version()).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // versions
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aStaleVersionIsRefusedWithTheStoredNotesAndTheRightOneWins() throws Exception {
        record(CallScenarios.directAnswered("v1", T0, DEALER));
        CardKey key = new CardKey("v1", "777");

        assertThat(savedVersion(cards.save(key, ivanov, null, edit("first", 0)))).isEqualTo(1);
        SaveResult stale = cards.save(key, ivanov, null, edit("from another window", 0));
        assertThat(stale).isEqualTo(new SaveResult.Stale(
                new CallNotes("first", List.of(), Priority.NORMAL, ClientInfo.EMPTY, 1)));
        assertThat(cards.save(key, ivanov, null, edit("ahead of time", 5))).isInstanceOf(SaveResult.Stale.class);
        assertThat(savedVersion(cards.save(key, ivanov, null, edit("second", 1)))).isEqualTo(2);
        assertThat(cards.notes(key).notes()).isEqualTo("second");
    }

    @Test
    void ofTwoConcurrentSavesOfTheSameVersionExactlyOneWins() throws Exception {
        record(CallScenarios.directAnswered("v2", T0, DEALER));
        CardKey key = new CardKey("v2", "777");
        for (int version = 0; version < 10; version++) {
            int edited = version;
            List<SaveResult> results = race(2, i -> cards.save(key, ivanov, null, edit("v" + edited + "-" + i,
                    edited)));

            List<SaveResult> won = results.stream().filter(SaveResult.Saved.class::isInstance).toList();
            assertThat(won).as("round %d: %s", version, results).hasSize(1);
            int winner = results.indexOf(won.getFirst());
            SaveResult.Stale lost = (SaveResult.Stale) results.get(1 - winner);
            assertThat(lost.current().notes()).isEqualTo("v" + version + "-" + winner);
            assertThat(lost.current().version()).isEqualTo(version + 1);
        }
        assertThat(cards.notes(key).version()).isEqualTo(10);
    }

    /** Runs the task {@code n} times at once, each with its index; the results in index order. */
    private static <T> List<T> race(int n, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // validation
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void tooLongNotesOrTooManyTagsAreRefusedAndNothingIsStored() {
        CardKey key = new CardKey("x1", "777");
        CardSeed seed = ringOf777(T0);

        SaveResult tooLong = cards.save(key, ivanov, seed, edit("я".repeat(CallNotes.MAX_NOTES_CHARS + 1), 0));
        List<String> tags = IntStream.rangeClosed(1, CallNotes.MAX_TAGS + 1).mapToObj(i -> "тег" + i).toList();
        SaveResult tooManyTags = cards.save(key, ivanov, seed,
                new CallNotes("", tags, null, null, 0));
        SaveResult longTag = cards.save(key, ivanov, seed,
                new CallNotes("", List.of("x".repeat(CallNotes.MAX_TAG_CHARS + 1)), null, null, 0));
        SaveResult longClient = cards.save(key, ivanov, seed, new CallNotes("", List.of(), null,
                new ClientInfo(null, null, "ул. ".repeat(126), null), 0));
        SaveResult nul = cards.save(key, ivanov, seed, edit("a\0b", 0));
        SaveResult negative = cards.save(key, ivanov, seed, edit("", -1));

        assertThat(tooLong).isInstanceOfSatisfying(SaveResult.Invalid.class, i -> {
            assertThat(i.field()).isEqualTo("notes");
            assertThat(i.message()).isEqualTo("at most 10000 characters, was 10001");
            assertThat(i.describe()).isEqualTo("notes: at most 10000 characters, was 10001");
        });
        assertThat(tooManyTags).isInstanceOfSatisfying(SaveResult.Invalid.class,
                i -> assertThat(i.describe()).isEqualTo("tags: at most 20 tags, were 21"));
        assertThat(longTag).isInstanceOfSatisfying(SaveResult.Invalid.class,
                i -> assertThat(i.describe()).isEqualTo("tags: each tag at most 64 characters, was 65"));
        assertThat(longClient).isInstanceOfSatisfying(SaveResult.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("clientInfo.address"));
        assertThat(nul).isInstanceOfSatisfying(SaveResult.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("notes"));
        assertThat(negative).isInstanceOfSatisfying(SaveResult.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("version"));
        assertThat(fixture.count(CALLS)).as("not even the call was created").isZero();
        assertThat(fixture.count(CALL_OFFERS)).isZero();
    }

    @Test
    void limitsCountCharactersAsTheDatabaseDoesAndTagsAreTidied() throws Exception {
        record(CallScenarios.directAnswered("x2", T0, DEALER));
        CardKey key = new CardKey("x2", "777");
        // 10,000 characters, 20,000 UTF-16 chars: exactly what notes varchar(10000) takes
        String emoji = "📞".repeat(CallNotes.MAX_NOTES_CHARS);
        List<String> tags = new ArrayList<>(List.of(" VIP ", "vip", "", "  ", "гарантия", "Гарантия"));
        IntStream.rangeClosed(1, 18).forEach(i -> tags.add("t" + i));

        SaveResult saved = cards.save(key, ivanov, null, new CallNotes(emoji, tags, Priority.URGENT,
                new ClientInfo("  Сергей ", " ", null, "x".repeat(CallNotes.MAX_CLIENT_FIELD_CHARS)), 0));

        assertThat(savedVersion(saved)).isEqualTo(1);
        CallNotes stored = cards.notes(key);
        assertThat(stored.notes()).isEqualTo(emoji);
        assertThat(stored.tags()).hasSize(20).startsWith("VIP", "гарантия", "t1").endsWith("t18");
        assertThat(stored.priority()).isEqualTo(Priority.URGENT);
        assertThat(stored.clientInfo()).isEqualTo(new ClientInfo("Сергей", null, null,
                "x".repeat(CallNotes.MAX_CLIENT_FIELD_CHARS)));

        assertThat(savedVersion(cards.save(key, ivanov, null, edit("", 1)))).isEqualTo(2);
        assertThat(cards.notes(key)).isEqualTo(new CallNotes("", List.of(), Priority.NORMAL, ClientInfo.EMPTY, 2));
        CallOffersRecord offer = fixture.offer("x2", "777");
        assertThat(offer.getNotes()).as("nothing written is stored as nothing").isNull();
        assertThat(offer.getTags()).isNull();
        assertThat(offer.getClientInfo()).isNull();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // ownership
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void anotherOperatorsCardIsUnknownAndStaysAsItWas() throws Exception {
        record(CallScenarios.directAnswered("o1", T0, DEALER));
        CardKey ivanovsCard = new CardKey("o1", "777");
        cards.save(ivanovsCard, ivanov, null, edit("Иванов пишет", 0));
        List<String> before = fixture.snapshot();

        assertThat(cards.save(ivanovsCard, petrov, null, edit("Петров пишет", 1))).isEqualTo(new UnknownCall());
        assertThat(cards.save(ivanovsCard, petrov, ringOf777(T0), edit("Петров пишет", 1)))
                .isInstanceOf(UnknownCall.class);
        assertThat(cards.finish(ivanovsCard, petrov, ringOf777(T0), at(T0, 70))).isInstanceOf(UnknownCall.class);
        assertThat(cards.save(new CardKey("o1", "888"), petrov, null, edit("нет такой карточки", 0)))
                .isInstanceOf(UnknownCall.class);
        assertThat(cards.save(new CardKey("nope", "777"), ivanov, null, edit("нет такого звонка", 0)))
                .isInstanceOf(UnknownCall.class);
        assertThat(cards.finish(new CardKey("nope", "777"), ivanov, null, T0)).isInstanceOf(UnknownCall.class);
        assertThat(cards.save(new CardKey("x".repeat(65), "777"), ivanov, ringOf777(T0), edit("", 0)))
                .isInstanceOf(UnknownCall.class);
        assertThat(cards.save(new CardKey(" ", "777"), ivanov, ringOf777(T0), edit("", 0)))
                .isInstanceOf(UnknownCall.class);

        assertThat(fixture.snapshot()).isEqualTo(before);
        assertThat(cards.notes(ivanovsCard).notes()).isEqualTo("Иванов пишет");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // finish
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void finishIsIdempotentAndMeasuresWrapUp() throws Exception {
        record(CallScenarios.directAnswered("f1", T0, DEALER));
        CardKey key = new CardKey("f1", "777");
        Instant closed = at(T0, 63 + 42.5);

        FinishResult first = cards.finish(key, ivanov, null, closed);
        FinishResult again = cards.finish(key, ivanov, null, closed.plusSeconds(30));

        assertThat(first).isEqualTo(new FinishResult.Finished(closed, 42_500L, false));
        assertThat(again).isEqualTo(new FinishResult.Finished(closed, 42_500L, true));
        CallOffersRecord offer = fixture.offer("f1", "777");
        assertThat(offer.getFinishedAt().toInstant()).isEqualTo(closed);
        assertThat(offer.getWrapUpMs()).isEqualTo(42_500L);
        assertThat(offer.getNotesVersion()).as("closing is not an edit").isZero();
    }

    @Test
    void aCardClosedBeforeTheCallEndedHasNoWrapUp() throws Exception {
        List<CallEvent> events = CallScenarios.directAnswered("f2", T0, DEALER);
        record(events.subList(0, 3));

        FinishResult finished = cards.finish(new CardKey("f2", "777"), ivanov, null, at(T0, 30));
        record(events.subList(3, events.size()));

        assertThat(finished).isEqualTo(new FinishResult.Finished(at(T0, 30), null, false));
        CallOffersRecord offer = fixture.offer("f2", "777");
        assertThat(offer.getEndAt().toInstant()).as("the recorder still ends it").isEqualTo(at(T0, 63));
        assertThat(offer.getFinishedAt().toInstant()).isEqualTo(at(T0, 30));
        assertThat(offer.getWrapUpMs()).isNull();
    }

    @Test
    void concurrentFinishesCloseOnce() throws Exception {
        record(CallScenarios.directAnswered("f3", T0, DEALER));
        CardKey key = new CardKey("f3", "777");

        List<FinishResult> results = race(2, i -> cards.finish(key, ivanov, null, at(T0, 70 + i)));

        assertThat(results).extracting(r -> ((FinishResult.Finished) r).alreadyFinished())
                .containsExactlyInAnyOrder(true, false);
        assertThat(results).extracting(r -> ((FinishResult.Finished) r).finishedAt()).containsOnly(
                fixture.offer("f3", "777").getFinishedAt().toInstant());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // cards to restore
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theCardsToRestoreAreAnsweredUnfinishedOffersAlsoAfterARestart() throws Exception {
        List<CallEvent> live = CallScenarios.directAnswered("a6-live", T0.plusSeconds(600), "+79991234567");
        record(CallScenarios.concat(
                CallScenarios.directAnswered("a1-answered", T0, DEALER),
                CallScenarios.missed("a2-missed", T0.plusSeconds(100)),
                CallScenarios.queueAnsweredElsewhere("a3-queue", T0.plusSeconds(200)),
                CallScenarios.blindTransfer("a4-blind", T0.plusSeconds(300)),
                CallScenarios.directAnswered("a5-finished", T0.plusSeconds(400), DEALER),
                live.subList(0, 3)));
        cards.save(new CardKey("a1-answered", "777"), ivanov, null, new CallNotes("перезвонить", List.of("сервис"),
                Priority.HIGH, null, 0));
        cards.finish(new CardKey("a5-finished", "777"), ivanov, null, T0.plusSeconds(500));

        List<OpenCard> open = cards.awaitingFinish(ivanov);

        assertThat(open).extracting(OpenCard::callId).containsExactly("a6-live", "a4-blind", "a1-answered");
        OpenCard answered = open.get(2);
        assertThat(answered).isEqualTo(new OpenCard("a1-answered", CallDirection.INBOUND, DEALER,
                new dev.zvonok.model.directory.CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"),
                "777", null, "777", at(T0, 0.1), at(T0, 3), at(T0, 63), null, OfferResult.ANSWERED,
                CallDisposition.ANSWERED,
                new CallNotes("перезвонить", List.of("сервис"), Priority.HIGH, ClientInfo.EMPTY, 1), null));
        assertThat(open.get(1).result()).isEqualTo(OfferResult.TRANSFERRED);
        OpenCard inProgress = open.getFirst();
        assertThat(inProgress.endAt()).isNull();
        assertThat(inProgress.disposition()).isNull();
        assertThat(inProgress.notes()).isEqualTo(CallNotes.NONE);
        assertThat(inProgress.toActiveCall(List.of()).state()).isEqualTo(ActiveCall.State.ACTIVE);
        ActiveCall restored = answered.toActiveCall(List.of());
        assertThat(restored.state()).isEqualTo(ActiveCall.State.ENDED);
        assertThat(restored.call().callId()).isEqualTo("a1-answered");
        assertThat(restored.call().caller().name()).isEqualTo("Автодом Волга");
        assertThat(restored.notes().version()).isEqualTo(1);

        assertThat(restored.call().line()).as("a call on no known line").isNull();

        assertThat(cards.awaitingFinish(petrov)).extracting(OpenCard::callId)
                .containsExactly("a4-blind", "a3-queue");
        assertThat(cards.awaitingFinish(fixture.userId("sidorov"))).isEmpty();

        // a restart: new instances on the same database, the rest of the live call recorded by a new recorder
        record(live.subList(3, live.size()));
        CallCards afterRestart = new CallCards(db.dsl(), PhoneNumbers.russian());
        List<OpenCard> reopened = afterRestart.awaitingFinish(ivanov);
        assertThat(reopened).extracting(OpenCard::callId).containsExactly("a6-live", "a4-blind", "a1-answered");
        // the line a card shows again is the one the call's record keeps, as it was named then
        db.dsl().update(CALLS).set(CALLS.LINE_NAME, "Реклама Авито").set(CALLS.LINE_SOURCE, "avito-2026")
                .where(CALLS.LINKEDID.eq("a1-answered")).execute();
        assertThat(afterRestart.awaitingFinish(ivanov).get(2).toActiveCall(List.of()).call().line())
                .isEqualTo(new dev.zvonok.model.directory.LineView("Реклама Авито", "avito-2026"));
        assertThat(reopened.getFirst().endAt()).isNotNull();
        assertThat(reopened.get(2)).isEqualTo(answered);

        afterRestart.finish(new CardKey("a6-live", "777"), ivanov, null, T0.plusSeconds(900));
        assertThat(afterRestart.awaitingFinish(ivanov)).extracting(OpenCard::callId)
                .containsExactly("a4-blind", "a1-answered");
    }

    @Test
    void aCardOfAConsultationCallFollowsItIntoTheCallItWasMergedInto() throws Exception {
        List<CallEvent> first = CallScenarios.attendedTransferFirstPart("m1", "m1-consult", T0);
        CardSeed consultationRing = new CardSeed(CallDirection.INTERNAL, "777", "888", null, at(T0, 8),
                at(T0, 8.1), null);
        CardKey petrovsCard = new CardKey("m1-consult", "888");
        record(first.subList(0, 4));
        // Petrov types while the consultation call rings, before the recorder has heard of it
        assertThat(savedVersion(cards.save(petrovsCard, petrov, consultationRing, edit("Иванов передаёт", 0))))
                .isEqualTo(1);

        record(CallScenarios.concat(first.subList(4, first.size()),
                CallScenarios.attendedTransferSecondPart("m1", "m1-consult", T0)));

        assertThat(fixture.count(CALLS)).isEqualTo(1);
        assertThat(cards.notes(petrovsCard).notes()).isEqualTo("Иванов передаёт");
        assertThat(savedVersion(cards.save(petrovsCard, petrov, null, edit("Записал на ТО", 1)))).isEqualTo(2);
        assertThat(fixture.offer("m1", "888").getNotes()).isEqualTo("Записал на ТО");
        assertThat(cards.awaitingFinish(petrov)).singleElement().satisfies(card -> {
            assertThat(card.callId()).isEqualTo("m1");
            assertThat(card.transferredFrom()).isEqualTo("777");
        });
        assertThat(cards.finish(petrovsCard, petrov, null, at(T0, 60)))
                .isEqualTo(new FinishResult.Finished(at(T0, 60), 10_000L, false));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the database away
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aDatabaseOutageIsADistinctFailureAndNothingIsStored() throws Exception {
        record(CallScenarios.directAnswered("d1", T0, DEALER));
        CardKey key = new CardKey("d1", "777");
        try (TcpProxy proxy = new TcpProxy(db.host(), db.port())) {
            HikariDataSource pool = db.newPool(db.jdbcUrlVia(proxy.host(), proxy.port()), 2, Duration.ofMillis(500));
            CallCards throughProxy = new CallCards(DSL.using(pool, SQLDialect.POSTGRES), fixture.numbers);
            assertThat(savedVersion(throughProxy.save(key, ivanov, null, edit("до обрыва", 0)))).isEqualTo(1);

            proxy.cut();
            assertThatThrownBy(() -> throughProxy.save(key, ivanov, null, edit("во время обрыва", 1)))
                    .isInstanceOf(CardsUnavailableException.class);
            assertThatThrownBy(() -> throughProxy.finish(key, ivanov, null, at(T0, 90)))
                    .isInstanceOf(CardsUnavailableException.class);
            assertThatThrownBy(() -> throughProxy.awaitingFinish(ivanov))
                    .isInstanceOf(CardsUnavailableException.class);

            proxy.restore();
            // the pool reconnects on its own time; the client would simply try again
            await().atMost(Duration.ofSeconds(10)).ignoreException(CardsUnavailableException.class)
                    .until(() -> throughProxy.notes(key).notes().equals("до обрыва"));
            assertThat(savedVersion(throughProxy.save(key, ivanov, null, edit("после", 1)))).isEqualTo(2);
        }
        assertThat(fixture.offer("d1", "777").getFinishedAt()).isNull();
    }
}
