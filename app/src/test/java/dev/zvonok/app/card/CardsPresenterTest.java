package dev.zvonok.app.card;

import static dev.zvonok.app.card.Calls.CALL;
import static dev.zvonok.app.card.Calls.OTHER_CALL;
import static dev.zvonok.app.card.Calls.RING_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cards' life, message by message, as server-lite's CallDelivery sends them; no JavaFX running. */
class CardsPresenterTest {

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final ManualTicks ticks = new ManualTicks();
    private final RecordingSync sync = new RecordingSync();
    private CardsPresenter presenter = new CardsPresenter(sync, clock, ticks, Languages.ENGLISH);

    // ---------------------------------------------------------------------------------------------- ringing

    static List<Arguments> languages() {
        return List.of(
                Arguments.of(Languages.ENGLISH, "Dealer · ООО «Волга-Авто»", "Line +7 495 123-45-00",
                        "Pick up the handset"),
                Arguments.of(Languages.RUSSIAN, "Дилер · ООО «Волга-Авто»", "Линия +7 495 123-45-00",
                        "Необходимо взять трубку"));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void aRingOpensACardSayingWhoCallsOnWhichLineAndToPickUp(Locale language, String detail, String line,
                                                           String pickUp) {
        presenter = new CardsPresenter(sync, clock, ticks, language);

        presenter.accept(Calls.ring());

        assertThat(presenter.cards()).singleElement().satisfies(card -> {
            assertThat(card.callId()).isEqualTo(CALL);
            assertThat(card.phase()).isEqualTo(CardPhase.RINGING);
            assertThat(card.titleProperty().get()).isEqualTo("Автодом Волга");
            assertThat(card.callerDetailProperty().get()).isEqualTo(detail);
            assertThat(card.numberProperty().get()).isEqualTo("+7 927 139-09-07");
            assertThat(card.lineProperty().get()).isEqualTo(line);
            assertThat(card.statusProperty().get()).isEqualTo(pickUp);
            assertThat(card.transferredFromProperty().get()).isEmpty();
            assertThat(card.elapsedProperty().get()).isEmpty();
        });
        assertThat(presenter.ringingProperty().get()).as("the ring sounds").isTrue();
        assertThat(ticks.running()).isTrue();
    }

    @Test
    void theCardMadeAheadIsTheOneTheNextCallOpensInAndThenAnotherIsMade() {
        CardViewModel ahead = presenter.nextCard();
        assertThat(presenter.nextCard()).as("the same until a call takes it").isSameAs(ahead);
        assertThat(presenter.cards()).as("not shown before a call").isEmpty();
        assertThat(presenter.ringingProperty().get()).isFalse();

        presenter.accept(Calls.ring());

        assertThat(presenter.cards()).containsExactly(ahead);
        assertThat(ahead.callId()).isEqualTo(CALL);
        assertThat(ahead.titleProperty().get()).isEqualTo("Автодом Волга");
        assertThat(presenter.ringingProperty().get()).isTrue();
        CardViewModel following = presenter.nextCard();
        assertThat(following).isNotSameAs(ahead);

        presenter.accept(new ServerMessage.ActiveCalls(List.of(new ActiveCall(Calls.ring(OTHER_CALL, "777", null),
                ActiveCall.State.RINGING, null, null, null, CallNotes.NONE))));

        assertThat(presenter.cards()).as("restored after a reconnect: in the card made ahead too; the first gone")
                .containsExactly(following);
        assertThat(following.callId()).isEqualTo(OTHER_CALL);
    }

    @Test
    void anotherLanguageSpeaksOnTheNextCardWhileAnOpenCardKeepsItsWords() {
        presenter.accept(Calls.ring());
        CardViewModel english = onlyCard();
        CardViewModel madeAhead = presenter.nextCard();

        presenter.changeLanguage(Languages.RUSSIAN);

        assertThat(english.statusProperty().get()).isEqualTo("Pick up the handset");
        assertThat(presenter.nextCard()).as("made in English: let go of").isNotSameAs(madeAhead);
        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));
        assertThat(presenter.cards().get(1).statusProperty().get()).isEqualTo("Необходимо взять трубку");
        presenter.accept(Calls.answeredByIvanov(CALL, "777"));
        assertThat(english.statusProperty().get()).as("its closing hint in its own language too")
                .startsWith("Answered by");
    }

    @Test
    void theCallersLastCallsFollowLaterWhileTheCardShowsThatItLooks() {
        presenter.accept(Calls.ring());
        CardViewModel card = onlyCard();
        assertThat(card.historyLoadingProperty().get()).isTrue();
        assertThat(card.history()).isEmpty();

        presenter.accept(Calls.history(CALL));

        assertThat(card.historyLoadingProperty().get()).isFalse();
        assertThat(card.history()).hasSize(2);
        HistoryRow yesterday = card.history().getFirst();
        assertThat(yesterday.when()).isEqualTo("Yesterday 4:05\u202fPM");
        assertThat(yesterday.operator()).isEqualTo("Иван Иванов");
        assertThat(yesterday.disposition()).isEqualTo("Answered");
        assertThat(yesterday.notes()).isEqualTo("Просил перезвонить по гарантии");
        HistoryRow earlier = card.history().get(1);
        assertThat(earlier.when()).startsWith("11/12/26");
        assertThat(earlier.outcome()).isEqualTo(CallDisposition.MISSED);
        assertThat(earlier.notes()).isEmpty();
    }

    @Test
    void inRussianTheHistorySaysWhenInRussian() {
        presenter = new CardsPresenter(sync, clock, ticks, Languages.RUSSIAN);
        presenter.accept(Calls.ring(CALL, "777", Calls.HISTORY));

        CardViewModel card = onlyCard();
        assertThat(card.historyLoadingProperty().get()).as("the history came with the ring").isFalse();
        assertThat(card.history()).extracting(HistoryRow::when).containsExactly("Вчера 16:05", "12.11.2026 09:40");
        assertThat(card.history()).extracting(HistoryRow::disposition).containsExactly("Отвечен", "Пропущен");
    }

    @Test
    void aCallWithoutEarlierCallsSaysSoRightAway() {
        presenter.accept(Calls.ring(CALL, "777", List.of()));

        assertThat(onlyCard().historyLoadingProperty().get()).isFalse();
        assertThat(onlyCard().history()).isEmpty();
    }

    @Test
    void aCallPassedOnToThisOperatorSaysFromWhom() {
        presenter.accept(Calls.transferredRing(CALL, "888", "777"));

        assertThat(onlyCard().transferredFromProperty().get()).isEqualTo("Transferred from 777");
    }

    @Test
    void aQueueCallNamesTheQueue() {
        presenter = new CardsPresenter(sync, clock, ticks, Languages.RUSSIAN);
        presenter.accept(Calls.queueRing(CALL, "777"));

        CardViewModel card = onlyCard();
        assertThat(card.lineProperty().get()).isEqualTo("Линия +7 495 123-45-67 · очередь support");
        assertThat(card.callerDetailProperty().get()).isEqualTo("Компания");
    }

    static List<Arguments> namedLines() {
        return List.of(
                Arguments.of(Languages.RUSSIAN, "avito-2026", "Линия «Реклама Авито» · РК: avito-2026"),
                Arguments.of(Languages.RUSSIAN, null, "Линия «Реклама Авито»"),
                Arguments.of(Languages.ENGLISH, "avito-2026", "Line \u201cРеклама Авито\u201d \u00b7 source: avito-2026"),
                Arguments.of(Languages.ENGLISH, null, "Line \u201cРеклама Авито\u201d"));
    }

    @ParameterizedTest
    @MethodSource("namedLines")
    void aCallOnAKnownLineNamesTheLineAndItsSourceInsteadOfTheNumber(Locale language, String source,
                                                                     String line) {
        presenter = new CardsPresenter(sync, clock, ticks, language);

        presenter.accept(Calls.queueRing(CALL, "777").withLine(new LineView("Реклама Авито", source)));

        assertThat(onlyCard().lineProperty().get()).isEqualTo(line);
    }

    @Test
    void theNextRingOfARenamedLineSaysTheNewNameAndARestoredCardTheRecordedOne() {
        presenter = new CardsPresenter(sync, clock, ticks, Languages.RUSSIAN);
        IncomingCall recorded = Calls.ring(OTHER_CALL, "777", List.of()).withLine(new LineView("Реклама Авито",
                "avito-2026"));
        presenter.accept(new ServerMessage.ActiveCalls(List.of(new ActiveCall(recorded, ActiveCall.State.ENDED,
                RING_AT, RING_AT.plusSeconds(60), CallDisposition.ANSWERED, CallNotes.NONE))));

        presenter.accept(Calls.ring(CALL, "777", List.of()).withLine(new LineView("Радио «Маяк»", "rk-mayak")));

        assertThat(presenter.cards()).extracting(card -> card.lineProperty().get()).containsExactlyInAnyOrder(
                "Линия «Реклама Авито» · РК: avito-2026", "Линия «Радио «Маяк»» · РК: rk-mayak");
    }

    @Test
    void anUnknownCallerIsNamedByTheirNumber() {
        presenter.accept(new IncomingCall(CALL, CallDirection.INBOUND, "+79991112233", CallerView.UNKNOWN, Calls.LINE,
                null, "777", RING_AT, null, List.of(), null));

        CardViewModel card = onlyCard();
        assertThat(card.titleProperty().get()).isEqualTo("+7 999 111-22-33");
        assertThat(card.numberProperty().get()).as("not twice").isEmpty();
        assertThat(card.callerDetailProperty().get()).isEqualTo("Unknown caller");
    }

    @Test
    void aClickToCallShowsWhomTheOperatorCalls() {
        presenter.accept(new IncomingCall(CALL, CallDirection.OUTBOUND, "777", Calls.DEALER, "+79271390907",
                null, "777", RING_AT, null, List.of(), null));

        CardViewModel card = onlyCard();
        assertThat(card.numberProperty().get()).isEqualTo("+7 927 139-09-07");
        assertThat(card.lineProperty().get()).isEqualTo("Outgoing call");
    }

    // ---------------------------------------------------------------------------------------------- active

    @ParameterizedTest
    @MethodSource("activeTexts")
    void answeringFlipsTheCardToActiveWithARunningTimer(Locale language, String active) {
        presenter = new CardsPresenter(sync, clock, ticks, language);
        presenter.accept(Calls.ring());
        Instant answeredAt = RING_AT.plusSeconds(4);
        clock.set(answeredAt.plusMillis(200));

        presenter.accept(Calls.answered(CALL, "777", answeredAt));

        CardViewModel card = onlyCard();
        assertThat(card.phase()).isEqualTo(CardPhase.ACTIVE);
        assertThat(card.statusProperty().get()).isEqualTo(active);
        assertThat(card.elapsedProperty().get()).isEqualTo("00:00");
        assertThat(presenter.ringingProperty().get()).as("the ring stops").isFalse();

        clock.advance(Duration.ofSeconds(65));
        ticks.tick();
        assertThat(card.elapsedProperty().get()).isEqualTo("01:05");

        clock.advance(Duration.ofHours(1));
        ticks.tick();
        assertThat(card.elapsedProperty().get()).isEqualTo("1:01:05");
    }

    static List<Arguments> activeTexts() {
        return List.of(Arguments.of(Languages.ENGLISH, "Conversation active"),
                Arguments.of(Languages.RUSSIAN, "Разговор активен"));
    }

    @Test
    void holdIsShownUntilTheCallerIsTakenBack() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));

        presenter.accept(Calls.hold(CALL, true));
        assertThat(onlyCard().onHoldProperty().get()).isTrue();
        assertThat(onlyCard().statusProperty().get()).isEqualTo("On hold");

        presenter.accept(Calls.hold(CALL, false));
        assertThat(onlyCard().onHoldProperty().get()).isFalse();
        assertThat(onlyCard().statusProperty().get()).isEqualTo("Conversation active");

        presenter.accept(Calls.hold(CALL, true));
        presenter.accept(Calls.endedAfterTalk(CALL, RING_AT.plusSeconds(4), Duration.ofSeconds(50)));
        assertThat(onlyCard().onHoldProperty().get()).as("over is over").isFalse();
        presenter.accept(Calls.hold(CALL, true));
        assertThat(onlyCard().statusProperty().get()).isEqualTo("Call ended");
    }

    @Test
    void onHoldInRussian() {
        presenter = new CardsPresenter(sync, clock, ticks, Languages.RUSSIAN);
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));

        presenter.accept(Calls.hold(CALL, true));

        assertThat(onlyCard().statusProperty().get()).isEqualTo("На удержании");
    }

    @Test
    void answeredByAColleagueTheCardSaysByWhomAndClosesItselfAMomentLater() {
        presenter.accept(Calls.ring(CALL, "888", null));

        presenter.accept(Calls.answeredByIvanov(CALL, "888"));

        CardViewModel card = onlyCard();
        assertThat(card.phase()).isEqualTo(CardPhase.CLOSING);
        assertThat(card.statusProperty().get()).isEqualTo("Answered by Иван Иванов");
        assertThat(presenter.ringingProperty().get()).isFalse();

        clock.advance(Duration.ofMillis(1900));
        ticks.tick();
        assertThat(presenter.cards()).as("the hint is still up").containsExactly(card);

        clock.advance(Duration.ofMillis(100));
        ticks.tick();
        assertThat(presenter.cards()).isEmpty();
        assertThat(ticks.running()).as("nothing left to tick for").isFalse();
        assertThat(sync.finished).as("nothing to finish: the operator never talked").isEmpty();
    }

    @Test
    void answeredByAColleagueInRussian() {
        presenter = new CardsPresenter(sync, clock, ticks, Languages.RUSSIAN);
        presenter.accept(Calls.ring(CALL, "888", null));

        presenter.accept(Calls.answeredByIvanov(CALL, "888"));

        assertThat(onlyCard().statusProperty().get()).isEqualTo("Ответил Иван Иванов");
    }

    // ---------------------------------------------------------------------------------------------- ended

    @ParameterizedTest
    @MethodSource("endedTexts")
    void afterTheTalkTheCardShowsHowLongAndFinishSendsAndClosesIt(Locale language, String ended) {
        presenter = new CardsPresenter(sync, clock, ticks, language);
        Instant answeredAt = RING_AT.plusSeconds(4);
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", answeredAt));

        presenter.accept(Calls.endedAfterTalk(CALL, answeredAt, Duration.ofSeconds(247)));

        CardViewModel card = onlyCard();
        assertThat(card.phase()).isEqualTo(CardPhase.ENDED);
        assertThat(card.statusProperty().get()).isEqualTo(ended);
        assertThat(card.elapsedProperty().get()).isEqualTo("04:07");
        assertThat(card.canFinishProperty().get()).isTrue();

        clock.advance(Duration.ofMinutes(10));
        ticks.tick();
        assertThat(presenter.cards()).as("an ended card waits for the operator").containsExactly(card);
        assertThat(card.elapsedProperty().get()).as("the talk time stands still").isEqualTo("04:07");

        card.finish();
        assertThat(card.phase()).isEqualTo(CardPhase.FINISHED);
        assertThat(presenter.cards()).as("it stays in place a moment, with Reopen").containsExactly(card);
        assertThat(sync.finished).as("not final yet").isEmpty();

        clock.advance(CardViewModel.UNDO_WINDOW);
        ticks.tick();
        assertThat(sync.finished).containsExactly(CALL);
        assertThat(presenter.cards()).isEmpty();
        assertThat(ticks.running()).isFalse();
    }

    @Test
    void aFinishedCardCanBeReopenedWithinItsUndoWindowButNotByTheSecondClickOfADoubleClick() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        presenter.accept(Calls.endedAfterTalk(CALL, RING_AT.plusSeconds(4), Duration.ofSeconds(30)));
        CardViewModel card = onlyCard();

        card.finish();
        clock.advance(Duration.ofMillis(160));
        card.reopen(); // the second click of a double click lands where Finish was
        assertThat(card.phase()).as("a double click is one Finish").isEqualTo(CardPhase.FINISHED);
        card.finish();

        clock.advance(Duration.ofSeconds(2));
        card.reopen();
        assertThat(card.phase()).isEqualTo(CardPhase.ENDED);
        assertThat(card.canFinishProperty().get()).isTrue();
        clock.advance(CardViewModel.UNDO_WINDOW);
        ticks.tick();
        assertThat(presenter.cards()).as("reopened: it waits for Finish again").containsExactly(card);
        assertThat(sync.finished).isEmpty();

        card.finish();
        presenter.finishPending(); // the operator quits within the undo window
        assertThat(sync.finished).as("sent once, at once").containsExactly(CALL);
        assertThat(presenter.cards()).isEmpty();
        clock.advance(CardViewModel.UNDO_WINDOW);
        ticks.tick();
        assertThat(sync.finished).containsExactly(CALL);
    }

    static List<Arguments> endedTexts() {
        return List.of(Arguments.of(Languages.ENGLISH, "Call ended"),
                Arguments.of(Languages.RUSSIAN, "Звонок завершен"));
    }

    @Test
    void aCardIsNotFinishedWhileTheCallIsStillOn() {
        presenter.accept(Calls.ring());
        onlyCard().finish();
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        onlyCard().finish();

        assertThat(sync.finished).isEmpty();
        assertThat(presenter.cards()).hasSize(1);
    }

    @Test
    void passedOnToAColleagueTheCardSaysToWhomAndWaitsForFinishLikeAnEndedCall() {
        Instant answeredAt = RING_AT.plusSeconds(4);
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", answeredAt));

        presenter.accept(Calls.transferredTo888(CALL));

        CardViewModel card = onlyCard();
        assertThat(card.phase()).isEqualTo(CardPhase.ENDED);
        assertThat(card.statusProperty().get()).isEqualTo("Transferred to 888");
        assertThat(card.elapsedProperty().get()).isEqualTo("01:06");

        presenter.accept(new ServerMessage.CallEnded(CALL, "777", RING_AT.plusSeconds(70), OfferResult.TRANSFERRED,
                null, 66L, true));
        assertThat(card.statusProperty().get()).as("still says where the call went").isEqualTo("Transferred to 888");
        assertThat(card.canFinishProperty().get()).isTrue();

        card.finish();
        clock.advance(CardViewModel.UNDO_WINDOW);
        ticks.tick();
        assertThat(sync.finished).containsExactly(CALL);
        assertThat(presenter.cards()).isEmpty();
    }

    @Test
    void passedOnInRussian() {
        presenter = new CardsPresenter(sync, clock, ticks, Languages.RUSSIAN);
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));

        presenter.accept(Calls.transferredTo888(CALL));

        assertThat(onlyCard().statusProperty().get()).isEqualTo("Переведён на 888");
    }

    @ParameterizedTest
    @MethodSource("ringStops")
    void aRingThatStopsWithoutATalkClosesAfterAShortHint(Locale language, OfferResult result, String hint) {
        presenter = new CardsPresenter(sync, clock, ticks, language);
        presenter.accept(Calls.ring());

        presenter.accept(Calls.ringEnded(CALL, result));

        CardViewModel card = onlyCard();
        assertThat(card.phase()).isEqualTo(CardPhase.CLOSING);
        assertThat(card.statusProperty().get()).isEqualTo(hint);
        assertThat(card.canFinishProperty().get()).isFalse();
        clock.advance(CardViewModel.HINT_DURATION);
        ticks.tick();
        assertThat(presenter.cards()).isEmpty();
        assertThat(sync.finished).isEmpty();
    }

    static List<Arguments> ringStops() {
        return List.of(
                Arguments.of(Languages.ENGLISH, OfferResult.MISSED, "Missed"),
                Arguments.of(Languages.RUSSIAN, OfferResult.MISSED, "Пропущен"),
                Arguments.of(Languages.ENGLISH, OfferResult.ABANDONED, "The caller hung up"),
                Arguments.of(Languages.RUSSIAN, OfferResult.ABANDONED, "Абонент положил трубку"),
                Arguments.of(Languages.ENGLISH, OfferResult.REJECTED, "Declined"));
    }

    @Test
    void aQueuesNextRoundRingsTheSameCardAgain() {
        presenter.accept(Calls.queueRing(CALL, "777"));
        CardViewModel card = onlyCard();
        card.notes().notesProperty().set("ждёт в очереди");
        presenter.accept(Calls.ringEnded(CALL, OfferResult.MISSED));
        clock.advance(Duration.ofSeconds(1));
        ticks.tick();

        presenter.accept(Calls.queueRing(CALL, "777"));

        assertThat(presenter.cards()).containsExactly(card);
        assertThat(card.phase()).isEqualTo(CardPhase.RINGING);
        assertThat(card.notes().notesProperty().get()).isEqualTo("ждёт в очереди");
        clock.advance(Duration.ofSeconds(5));
        ticks.tick();
        assertThat(presenter.cards()).as("no longer closing").containsExactly(card);
    }

    @Test
    void callFinishedFromAnotherComputerClosesTheCard() {
        Instant answeredAt = RING_AT.plusSeconds(4);
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", answeredAt));
        presenter.accept(Calls.endedAfterTalk(CALL, answeredAt, Duration.ofSeconds(30)));

        presenter.accept(Calls.finished(CALL));

        assertThat(presenter.cards()).isEmpty();
        assertThat(sync.finished).as("it was finished elsewhere").isEmpty();
    }

    @Test
    void messagesAboutCallsWithoutACardChangeNothing() {
        presenter.accept(Calls.answered(CALL, "777", RING_AT));
        presenter.accept(Calls.history(CALL));
        presenter.accept(Calls.hold(CALL, true));
        presenter.accept(Calls.transferredTo888(CALL));
        presenter.accept(Calls.ringEnded(CALL, OfferResult.MISSED));
        presenter.accept(Calls.finished(CALL));
        presenter.accept(new ServerMessage.NotesUpdated("r1", CALL, 3, RING_AT));
        presenter.accept(new ServerMessage.Pong("p", RING_AT));

        assertThat(presenter.cards()).isEmpty();
        assertThat(ticks.running()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------- notes

    @Test
    void typingNotesWhileItRingsGoesToCardSyncWithTheVersionTheServerStored() {
        presenter.accept(Calls.ring());
        CardViewModel card = onlyCard();

        card.notes().notesProperty().set("Перезвонить");

        assertThat(sync.lastEdit().callId()).isEqualTo(CALL);
        assertThat(sync.lastEdit().draft()).isEqualTo(
                new CallNotes("Перезвонить", List.of(), Priority.NORMAL, ClientInfo.EMPTY, 0));
        assertThat(card.notes().saveState()).isEqualTo(SaveState.SAVING);
        assertThat(card.saveStatusProperty().get()).isEqualTo("Saving…");

        presenter.accept(new ServerMessage.NotesUpdated("r1", CALL, 1, RING_AT.plusSeconds(2)));
        assertThat(card.notes().saveState()).isEqualTo(SaveState.SAVED);
        assertThat(card.saveStatusProperty().get()).isEqualTo("Saved ✓");

        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        card.notes().addTag("гарантия");
        card.notes().priorityProperty().set(Priority.HIGH);
        card.notes().clientNameProperty().set("Сергей");
        card.notes().clientCompanyProperty().set("  Автодом Волга ");

        assertThat(sync.lastEdit().draft()).isEqualTo(new CallNotes("Перезвонить", List.of("гарантия"),
                Priority.HIGH, new ClientInfo("Сергей", "Автодом Волга", null, null), 1));
        assertThat(card.notes().saveState()).isEqualTo(SaveState.SAVING);
    }

    @Test
    void tagsStayWithinTheServersLimits() {
        presenter.accept(Calls.ring());
        NotesDraft notes = onlyCard().notes();

        assertThat(notes.addTag("  сервис ")).isTrue();
        assertThat(notes.addTag("СЕРВИС")).as("already there").isFalse();
        assertThat(notes.addTag("   ")).isFalse();
        assertThat(notes.addTag("x".repeat(CallNotes.MAX_TAG_CHARS + 1))).isFalse();
        for (int i = 1; i < CallNotes.MAX_TAGS; i++) {
            assertThat(notes.addTag("t" + i)).isTrue();
        }
        assertThat(notes.addTag("one too many")).isFalse();
        assertThat(notes.tags()).hasSize(CallNotes.MAX_TAGS).first().isEqualTo("сервис");

        notes.removeTag("сервис");
        assertThat(notes.tags()).doesNotContain("сервис");
        assertThat(sync.lastEdit().draft().tags()).doesNotContain("сервис");
    }

    @Test
    void aStaleVersionShowsTheConflictAndKeepMineSavesOverTheirs() {
        presenter.accept(Calls.ring());
        CardViewModel card = onlyCard();
        card.notes().notesProperty().set("мои заметки");
        CallNotes theirs = new CallNotes("их заметки", List.of("другое"), Priority.URGENT, ClientInfo.EMPTY, 4);

        presenter.accept(new ServerMessage.Error(ErrorCode.STALE_VERSION.wireName(), "stale", "r1", CALL, theirs));

        assertThat(card.notes().saveState()).isEqualTo(SaveState.CONFLICT);
        assertThat(card.saveStatusProperty().get()).isEqualTo("Conflict");
        assertThat(card.notes().theirs()).isEqualTo(theirs);
        int sent = sync.edits.size();
        card.notes().notesProperty().set("мои заметки, дописано");
        assertThat(sync.edits).as("held back: it would be refused again").hasSize(sent);

        card.notes().keepMine();

        assertThat(sync.lastEdit().draft()).isEqualTo(
                new CallNotes("мои заметки, дописано", List.of(), Priority.NORMAL, ClientInfo.EMPTY, 4));
        assertThat(card.notes().saveState()).isEqualTo(SaveState.SAVING);
        assertThat(card.notes().theirs()).isNull();
    }

    @Test
    void takeTheirsShowsTheStoredNotesAndSendsNothing() {
        presenter = new CardsPresenter(sync, clock, ticks, Languages.RUSSIAN);
        presenter.accept(Calls.ring());
        CardViewModel card = onlyCard();
        card.notes().notesProperty().set("мои заметки");
        CallNotes theirs = new CallNotes("их заметки", List.of("другое"), Priority.URGENT,
                new ClientInfo("Сергей", null, null, null), 4);
        presenter.accept(new ServerMessage.Error(ErrorCode.STALE_VERSION.wireName(), "stale", "r1", CALL, theirs));
        assertThat(card.saveStatusProperty().get()).isEqualTo("Конфликт");
        int sent = sync.edits.size();

        card.notes().takeTheirs();

        assertThat(card.notes().draft()).isEqualTo(theirs);
        assertThat(card.notes().clientNameProperty().get()).isEqualTo("Сергей");
        assertThat(card.notes().saveState()).isEqualTo(SaveState.SAVED);
        assertThat(card.saveStatusProperty().get()).isEqualTo("Сохранено ✓");
        assertThat(sync.edits).hasSize(sent);
    }

    @Test
    void anotherRefusalOfTheCardShowsNotSavedUntilTheNextSave() {
        presenter.accept(Calls.ring());
        CardViewModel card = onlyCard();
        card.notes().notesProperty().set("x");

        presenter.accept(new ServerMessage.Error(ErrorCode.UNKNOWN_CALL.wireName(), "no call", "r1", CALL, null));
        assertThat(card.notes().saveState()).isEqualTo(SaveState.FAILED);
        assertThat(card.saveStatusProperty().get()).isEqualTo("Not saved");

        presenter.accept(ServerMessage.Error.of(ErrorCode.SERVER_ERROR, "later", "r2"));
        assertThat(card.notes().saveState()).as("an error of no call is the outbox's").isEqualTo(SaveState.FAILED);

        presenter.accept(new ServerMessage.NotesUpdated("r3", CALL, 1, RING_AT));
        assertThat(card.notes().saveState()).isEqualTo(SaveState.SAVED);
    }

    // ---------------------------------------------------------------------------------------------- restore

    @Test
    void activeCallsRestoreEveryCardAsItStandsWithItsStoredNotes() {
        Instant answeredAt = RING_AT.minusSeconds(120);
        CallNotes stored = new CallNotes("перезвонить", List.of("сервис"), Priority.HIGH, ClientInfo.EMPTY, 3);
        presenter.accept(new ServerMessage.ActiveCalls(List.of(
                new ActiveCall(Calls.ring(CALL, "777", Calls.HISTORY), ActiveCall.State.ENDED, answeredAt,
                        answeredAt.plusSeconds(63), CallDisposition.ANSWERED, stored),
                new ActiveCall(Calls.ring(OTHER_CALL, "777", Calls.HISTORY), ActiveCall.State.ACTIVE,
                        RING_AT.minusSeconds(10), null, null, CallNotes.NONE),
                new ActiveCall(Calls.ring("1795292600.301330", "777", null), ActiveCall.State.RINGING, null, null,
                        null, CallNotes.NONE))));

        assertThat(presenter.cards()).extracting(CardViewModel::phase)
                .containsExactly(CardPhase.ENDED, CardPhase.ACTIVE, CardPhase.RINGING);
        CardViewModel ended = presenter.cards().getFirst();
        assertThat(ended.elapsedProperty().get()).isEqualTo("01:03");
        assertThat(ended.notes().notesProperty().get()).isEqualTo("перезвонить");
        assertThat(ended.notes().tags()).containsExactly("сервис");
        assertThat(ended.notes().priorityProperty().get()).isEqualTo(Priority.HIGH);
        assertThat(ended.notes().saveState()).isEqualTo(SaveState.SAVED);
        assertThat(presenter.cards().get(1).elapsedProperty().get()).isEqualTo("00:10");
        assertThat(sync.edits).as("loading what the server has is no edit").isEmpty();
        assertThat(presenter.ringingProperty().get()).isTrue();

        ended.notes().notesProperty().set("перезвонить завтра");
        assertThat(sync.lastEdit().draft().version()).isEqualTo(3);
    }

    @Test
    void whenTheLinkIsLostEveryCardSaysSoAndARingIsNoLongerPresentedAsSure() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ring(OTHER_CALL, "777", null));
        presenter.accept(Calls.answered(OTHER_CALL, "777", RING_AT.plusSeconds(3)));
        CardViewModel ringing = presenter.cards().get(0);
        CardViewModel talking = presenter.cards().get(1);

        presenter.connectionLost();

        assertThat(presenter.cards()).allSatisfy(card -> assertThat(card.connectionProperty().get())
                .isEqualTo("No connection to the server: this card may be out of date"));
        assertThat(ringing.statusProperty().get()).isEqualTo("State unknown: the server cannot confirm the ring");
        assertThat(talking.statusProperty().get()).isEqualTo("Conversation active");

        presenter.accept(new ServerMessage.ActiveCalls(List.of(new ActiveCall(Calls.ring(),
                ActiveCall.State.RINGING, null, null, null, CallNotes.NONE))));

        assertThat(ringing.connectionProperty().get()).isEmpty();
        assertThat(ringing.statusProperty().get()).isEqualTo("Pick up the handset");
    }

    @Test
    void aCardRestoredAsRingingSaysPickUpTheHandset() {
        presenter.accept(new ServerMessage.ActiveCalls(List.of(new ActiveCall(Calls.ring(),
                ActiveCall.State.RINGING, null, null, null, CallNotes.NONE))));

        assertThat(onlyCard().phase()).isEqualTo(CardPhase.RINGING);
        assertThat(onlyCard().statusProperty().get()).isEqualTo("Pick up the handset");
        assertThat(presenter.ringingProperty().get()).isTrue();
    }

    @Test
    void aRestoredEndedCardWithoutItsTimesShowsNoDuration() {
        presenter.accept(new ServerMessage.ActiveCalls(List.of(new ActiveCall(Calls.ring(), ActiveCall.State.ENDED,
                null, null, null, null))));

        assertThat(onlyCard().phase()).isEqualTo(CardPhase.ENDED);
        assertThat(onlyCard().elapsedProperty().get()).isEmpty();
        assertThat(onlyCard().notes().draft()).isEqualTo(CallNotes.NONE);
    }

    @Test
    void aMergeIntoACardThatIsAlreadyThereIsNoNewRing() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));

        presenter.accept(Calls.merged(CALL, "1795292480.301340", "777"));

        assertThat(onlyCard().phase()).isEqualTo(CardPhase.ACTIVE);
        assertThat(presenter.ringingProperty().get()).isFalse();
    }

    @Test
    void aReconnectClosesCardsTheServerNoLongerHasAndKeepsUnsavedTyping() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ring(OTHER_CALL, "777", List.of()));
        CardViewModel typedIn = presenter.cards().getFirst();
        typedIn.notes().notesProperty().set("набрано без связи");

        presenter.accept(new ServerMessage.ActiveCalls(List.of(new ActiveCall(Calls.ring(), ActiveCall.State.ACTIVE,
                RING_AT.plusSeconds(4), null, null, CallNotes.NONE))));

        assertThat(presenter.cards()).containsExactly(typedIn);
        assertThat(typedIn.phase()).isEqualTo(CardPhase.ACTIVE);
        assertThat(typedIn.notes().notesProperty().get()).isEqualTo("набрано без связи");
        assertThat(typedIn.notes().saveState()).isEqualTo(SaveState.SAVING);
    }

    // ---------------------------------------------------------------------------------------------- transfers

    @Test
    void anAttendedTransferReKeysTheConsultationCardKeepingItsStateAndNotes() {
        String consultation = "1795292480.301340";
        presenter.accept(new IncomingCall(consultation, CallDirection.INTERNAL, "777", new CallerView(
                dev.zvonok.model.directory.CallerKind.USER, "Иван Иванов", null), "888", null, "888", RING_AT,
                null, List.of(), null));
        CardViewModel card = onlyCard();
        presenter.accept(Calls.answered(consultation, "888", RING_AT.plusSeconds(3)));
        card.notes().notesProperty().set("Иван передаёт дилера");
        int sent = sync.edits.size();

        presenter.accept(Calls.merged(CALL, consultation, "888"));

        assertThat(presenter.cards()).containsExactly(card);
        assertThat(card.callId()).isEqualTo(CALL);
        assertThat(card.phase()).as("still talking").isEqualTo(CardPhase.ACTIVE);
        assertThat(card.titleProperty().get()).isEqualTo("Автодом Волга");
        assertThat(card.transferredFromProperty().get()).isEqualTo("Transferred from 777");
        assertThat(card.notes().notesProperty().get()).isEqualTo("Иван передаёт дилера");
        assertThat(sync.edits).hasSize(sent + 1);
        assertThat(sync.lastEdit().callId()).as("unsaved notes follow the new id").isEqualTo(CALL);

        presenter.accept(Calls.hold(consultation, true));
        assertThat(card.onHoldProperty().get()).as("the old id is gone").isFalse();
        presenter.accept(Calls.hold(CALL, true));
        assertThat(card.onHoldProperty().get()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------- several

    @Test
    void twoCallsAreTwoCardsInTheOrderTheyCameAndTheRingLastsWhileEitherRings() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));

        assertThat(presenter.cards()).extracting(CardViewModel::callId).containsExactly(CALL, OTHER_CALL);

        presenter.cards().getFirst().silenceRing();
        assertThat(presenter.ringingProperty().get()).as("the second still rings").isTrue();

        presenter.cards().get(1).silenceRing();
        assertThat(presenter.ringingProperty().get()).isFalse();

        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));
        assertThat(presenter.ringingProperty().get()).as("a new ring is heard again").isTrue();

        presenter.accept(Calls.answered(OTHER_CALL, "777", RING_AT.plusSeconds(5)));
        assertThat(presenter.ringingProperty().get()).isFalse();
        presenter.accept(Calls.answeredByIvanov(CALL, "777"));
        clock.advance(Duration.ofSeconds(3));
        ticks.tick();
        assertThat(presenter.cards()).extracting(CardViewModel::callId).containsExactly(OTHER_CALL);
    }

    @Test
    void aCollapsedCardOpensAgainWhenItRingsAgain() {
        presenter.accept(Calls.ring());
        CardViewModel card = onlyCard();
        card.collapse();
        assertThat(card.collapsedProperty().get()).isTrue();

        presenter.accept(Calls.ring());

        assertThat(card.collapsedProperty().get()).isFalse();
    }

    private CardViewModel onlyCard() {
        assertThat(presenter.cards()).hasSize(1);
        return presenter.cards().getFirst();
    }
}
