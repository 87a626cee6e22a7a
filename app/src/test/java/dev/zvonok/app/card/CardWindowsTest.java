package dev.zvonok.app.card;

import static dev.zvonok.app.card.Calls.CALL;
import static dev.zvonok.app.card.Calls.OTHER_CALL;
import static dev.zvonok.app.card.Calls.RING_AT;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real card windows on headless JavaFX, driven by server messages and the keyboard. */
@ExtendWith(ApplicationExtension.class)
class CardWindowsTest {

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final ManualTicks ticks = new ManualTicks();
    private final RecordingSync sync = new RecordingSync();
    private final RecordingRing ring = new RecordingRing();
    private CardsPresenter presenter;
    private CardWindows windows;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        presenter = new CardsPresenter(sync, clock, ticks, Languages.ENGLISH);
        windows = new CardWindows(presenter, Settings.defaults(Locale.ENGLISH), ring, IdleCollection.never());
    }

    @AfterEach
    void closeCards(FxRobot robot) {
        robot.interact(windows::close);
    }

    @Test
    void aRingPopsUpAnAlwaysOnTopCardWithTheDealerAndPickUpTheHandsetAndRings(FxRobot robot) {
        robot.interact(() -> presenter.accept(Calls.ring()));

        assertThat(windows.windows()).singleElement().satisfies(card -> {
            assertThat(card.isShowing()).isTrue();
            assertThat(card.isAlwaysOnTop()).isTrue();
            assertThat(card.getStyle()).isEqualTo(StageStyle.UNDECORATED);
        });
        Stage card = windows.windows().getFirst();
        assertThat(text(robot, card, "#card-title")).isEqualTo("Автодом Волга");
        assertThat(text(robot, card, "#card-caller-detail")).isEqualTo("Dealer · ООО «Волга-Авто»");
        assertThat(text(robot, card, "#card-number")).isEqualTo("+7 927 139-09-07");
        assertThat(text(robot, card, "#card-status")).isEqualTo("Pick up the handset");
        assertThat(node(robot, card, "#card-history-loading").isVisible()).isTrue();
        assertThat(ring.playing()).isTrue();
        assertThat(ring.volume()).isEqualTo(0.8);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(card.getX() + card.getWidth()).as("in the bottom right corner")
                .isCloseTo(screen.getMaxX() - 12, org.assertj.core.data.Offset.offset(1.0));
        assertThat(card.getY() + card.getHeight()).isCloseTo(screen.getMaxY() - 12,
                org.assertj.core.data.Offset.offset(1.0));

        robot.interact(() -> presenter.accept(Calls.history(CALL)));
        assertThat(node(robot, card, "#card-history-loading").isVisible()).isFalse();
        assertThat(robot.from(card.getScene().getRoot()).lookup(".history-row").queryAll()).hasSize(2);
    }

    /**
     * A pulse styles only what changed: a shown card must not restyle its whole tree at each one (every pulse of a
     * shown card did, which made garbage enough for a full collection of the 64 MB heap every ring).
     */
    @Test
    void pulsesOfAShownCardDoNotStyleItsWholeTreeAgain(FxRobot robot) throws Exception {
        robot.interact(() -> presenter.accept(Calls.ring()));
        Stage card = windows.windows().getFirst();
        StyledCount probe = new StyledCount();
        probe.getStyleClass().add("card-status"); // styled by card.css, so that CSS looks at it at all
        robot.interact(() -> ((javafx.scene.layout.Pane) card.getScene().getRoot()).getChildren().add(probe));
        pulses(card, 2, ignored -> { });
        int styledWhenAdded = probe.styled.get();

        pulses(card, 5, pulse -> probe.setPrefHeight(40 + pulse)); // a layout each: the card grows, nothing restyles

        assertThat(styledWhenAdded).as("styled as it joined the card").isPositive();
        assertThat(probe.styled.get()).as("styled again by pulses that changed no style").isEqualTo(styledWhenAdded);
    }

    /** A node that counts how often CSS looks at its properties: once per styling of it. */
    private static final class StyledCount extends Region {
        final java.util.concurrent.atomic.AtomicInteger styled = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public List<javafx.css.CssMetaData<? extends javafx.css.Styleable, ?>> getCssMetaData() {
            styled.incrementAndGet();
            return super.getCssMetaData();
        }
    }

    /** {@code count} pulses of {@code window}'s scene, each after {@code change} (FX thread), awaited one by one. */
    private static void pulses(Stage window, int count, java.util.function.IntConsumer change) throws Exception {
        Scene scene = window.getScene();
        for (int pulse = 0; pulse < count; pulse++) {
            java.util.concurrent.CountDownLatch laidOut = new java.util.concurrent.CountDownLatch(1);
            int number = pulse;
            javafx.application.Platform.runLater(() -> {
                scene.addPostLayoutPulseListener(new Runnable() {
                    @Override
                    public void run() {
                        scene.removePostLayoutPulseListener(this);
                        laidOut.countDown();
                    }
                });
                change.accept(number);
                javafx.application.Platform.requestNextPulse();
            });
            assertThat(laidOut.await(10, TimeUnit.SECONDS)).as("pulse %d", number).isTrue();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void whileNothingRingsTheNextCardsWindowIsBuiltAheadAndARingFillsItIn(FxRobot robot) throws Exception {
        Stage ahead = windowBuiltAhead();
        assertThat(ahead.isShowing()).isFalse();
        assertThat(windows.windows()).isEmpty();

        robot.interact(() -> presenter.accept(Calls.ring()));

        assertThat(windows.windows()).containsExactly(ahead);
        assertThat(ahead.isShowing()).isTrue();
        assertThat(ahead.getTitle()).contains("Автодом Волга");
        assertThat(text(robot, ahead, "#card-title")).isEqualTo("Автодом Волга");
        assertThat(text(robot, ahead, "#card-number")).isEqualTo("+7 927 139-09-07");
        assertThat(text(robot, ahead, "#card-status")).isEqualTo("Pick up the handset");
        assertThat(node(robot, ahead, "#card-history-loading").isVisible()).isTrue();
        assertThat(ring.playing()).isTrue();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(ahead.getY() + ahead.getHeight()).as("sized to what it shows now, in the corner")
                .isCloseTo(screen.getMaxY() - 12, org.assertj.core.data.Offset.offset(1.0));

        robot.interact(() -> presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4))));
        assertThat(text(robot, ahead, "#card-status")).isEqualTo("Conversation active");
        assertThat(node(robot, ahead, "#card-priority").isVisible()).isTrue();
        Stage following = windowBuiltAhead();
        assertThat(following).as("the next one, for the call after, once nothing rings").isNotSameAs(ahead);
        assertThat(following.isShowing()).isFalse();
    }

    @Test
    void aThemeChangeBuildsTheWindowAheadAgainInTheNewTheme(FxRobot robot) throws Exception {
        Stage light = windowBuiltAhead();

        robot.interact(() -> {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            windows.applySettings(Settings.defaults(Locale.ENGLISH).withTheme(Settings.Theme.DARK));
        });

        Stage dark = windowBuiltAhead();
        assertThat(dark).isNotSameAs(light);
        robot.interact(() -> presenter.accept(Calls.ring()));
        assertThat(windows.windows()).containsExactly(dark);
    }

    @Test
    void afterALanguageChangeTheNextCardComesInTheNewLanguage(FxRobot robot) throws Exception {
        Stage english = windowBuiltAhead();

        robot.interact(() -> {
            presenter.changeLanguage(Languages.RUSSIAN);
            windows.applySettings(Settings.defaults(Locale.ENGLISH).withLanguage(Languages.RUSSIAN));
        });

        Stage russian = windowBuiltAhead();
        assertThat(russian).isNotSameAs(english);
        robot.interact(() -> presenter.accept(Calls.ring()));
        assertThat(windows.windows()).containsExactly(russian);
        assertThat(text(robot, russian, "#card-status")).isEqualTo("Необходимо взять трубку");
        assertThat(russian.getTitle()).contains("Автодом Волга");
    }

    @Test
    void answeringFlipsTheCardToActiveWithARunningTimerAndStopsTheRing(FxRobot robot) {
        robot.interact(() -> presenter.accept(Calls.ring()));
        Instant answeredAt = RING_AT.plusSeconds(4);
        clock.set(answeredAt);

        robot.interact(() -> presenter.accept(Calls.answered(CALL, "777", answeredAt)));

        Stage card = windows.windows().getFirst();
        assertThat(text(robot, card, "#card-status")).isEqualTo("Conversation active");
        assertThat(text(robot, card, "#card-elapsed")).isEqualTo("00:00");
        assertThat(ring.playing()).isFalse();
        assertThat(node(robot, card, "#card-priority").isVisible()).as("tags, priority, client now").isTrue();

        clock.advance(Duration.ofSeconds(42));
        robot.interact(ticks::tick);
        assertThat(text(robot, card, "#card-elapsed")).isEqualTo("00:42");

        robot.interact(() -> presenter.accept(Calls.hold(CALL, true)));
        assertThat(text(robot, card, "#card-status")).isEqualTo("On hold");
        assertThat(text(robot, card, "#card-elapsed")).as("the timer goes on").isEqualTo("00:42");
    }

    @Test
    void typingNotesWhileItRingsGoesToCardSync(FxRobot robot) {
        robot.interact(() -> presenter.accept(Calls.ring()));
        Stage card = windows.windows().getFirst();

        robot.clickOn(node(robot, card, "#card-notes"));
        robot.write("call back");

        assertThat(((TextArea) node(robot, card, "#card-notes")).getText()).isEqualTo("call back");
        assertThat(sync.lastEdit().callId()).isEqualTo(CALL);
        assertThat(sync.lastEdit().draft().notes()).isEqualTo("call back");
        assertThat(text(robot, card, "#card-save-status")).isEqualTo("Saving…");

        robot.interact(() -> presenter.accept(new dev.zvonok.model.ws.ServerMessage.NotesUpdated("r", CALL, 1,
                RING_AT.plusSeconds(3))));
        assertThat(text(robot, card, "#card-save-status")).isEqualTo("Saved ✓");
    }

    @Test
    void ctrlEnterOnAnEndedCardFinishesAndClosesIt(FxRobot robot) {
        Instant answeredAt = RING_AT.plusSeconds(4);
        robot.interact(() -> {
            presenter.accept(Calls.ring());
            presenter.accept(Calls.answered(CALL, "777", answeredAt));
            presenter.accept(Calls.endedAfterTalk(CALL, answeredAt, Duration.ofSeconds(247)));
        });
        Stage card = windows.windows().getFirst();
        assertThat(text(robot, card, "#card-status")).isEqualTo("Call ended");
        assertThat(text(robot, card, "#card-elapsed")).isEqualTo("04:07");
        assertThat(node(robot, card, "#card-finish").isVisible()).isTrue();
        robot.clickOn(node(robot, card, "#card-notes"));
        robot.write("done");

        javafx.geometry.Point2D before = new javafx.geometry.Point2D(card.getX(), card.getY());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        assertThat(text(robot, card, "#card-status")).isEqualTo("Finished: closing");
        assertThat(node(robot, card, "#card-reopen").isVisible()).as("in the Finish button's place").isTrue();
        assertThat(node(robot, card, "#card-finish").isVisible()).isFalse();
        assertThat(new javafx.geometry.Point2D(card.getX(), card.getY())).as("nothing moves").isEqualTo(before);
        assertThat(sync.finished).as("not final during the undo window").isEmpty();

        clock.advance(CardViewModel.UNDO_WINDOW);
        robot.interact(ticks::tick);
        assertThat(sync.lastEdit().draft().notes()).isEqualTo("done");
        assertThat(sync.finished).containsExactly(CALL);
        assertThat(windows.windows()).isEmpty();
        assertThat(card.isShowing()).isFalse();
    }

    @Test
    void reopenBringsAFinishedCardBack(FxRobot robot) {
        Instant answeredAt = RING_AT.plusSeconds(4);
        robot.interact(() -> {
            presenter.accept(Calls.ring());
            presenter.accept(Calls.answered(CALL, "777", answeredAt));
            presenter.accept(Calls.endedAfterTalk(CALL, answeredAt, Duration.ofSeconds(20)));
        });
        Stage card = windows.windows().getFirst();
        robot.clickOn(node(robot, card, "#card-finish"));
        clock.advance(CardViewModel.CLICK_GUARD);

        robot.clickOn(node(robot, card, "#card-reopen"));

        assertThat(text(robot, card, "#card-status")).isEqualTo("Call ended");
        assertThat(node(robot, card, "#card-finish").isVisible()).isTrue();
        clock.advance(CardViewModel.UNDO_WINDOW);
        robot.interact(ticks::tick);
        assertThat(windows.windows()).containsExactly(card);
        assertThat(sync.finished).isEmpty();
    }

    @Test
    void answeredElsewhereTheCardSaysByWhomAndCloses(FxRobot robot) {
        robot.interact(() -> presenter.accept(Calls.ring(CALL, "888", null)));
        Stage card = windows.windows().getFirst();

        robot.interact(() -> presenter.accept(Calls.answeredByIvanov(CALL, "888")));
        assertThat(text(robot, card, "#card-status")).isEqualTo("Answered by Иван Иванов");
        assertThat(ring.playing()).isFalse();

        clock.advance(CardViewModel.HINT_DURATION);
        robot.interact(ticks::tick);

        assertThat(windows.windows()).isEmpty();
        assertThat(card.isShowing()).isFalse();
        assertThat(sync.finished).isEmpty();
    }

    @Test
    void aSecondRingWaitsAsARowOfThePanelAboveTheOpenCardAndOpensOnceTheFirstIsGone(FxRobot robot) {
        robot.interact(() -> {
            presenter.accept(Calls.ring());
            presenter.accept(Calls.queueRing(OTHER_CALL, "777"));
        });

        Stage first = windows.windows().getFirst();
        assertThat(windows.windows()).as("one card open at a time").hasSize(1);
        Stage panel = windows.panel().orElseThrow();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(first.getY() + first.getHeight()).isCloseTo(screen.getMaxY() - 12,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(panel.getY() + panel.getHeight()).as("above the card").isLessThanOrEqualTo(first.getY());
        assertThat(panel.getY()).as("within the work area").isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(panel.getX() + panel.getWidth()).isEqualTo(first.getX() + first.getWidth());
        assertThat(panel.isAlwaysOnTop()).isTrue();
        assertThat(robot.from(panel.getScene().getRoot()).lookup(".row-title").queryLabeled().getText())
                .isEqualTo("ООО Ромашка");

        robot.interact(() -> presenter.accept(Calls.answeredByIvanov(CALL, "777")));
        clock.advance(CardViewModel.HINT_DURATION);
        robot.interact(ticks::tick);

        Stage second = windows.windows().getFirst();
        assertThat(text(robot, second, "#card-title")).isEqualTo("ООО Ромашка");
        assertThat(second.getY() + second.getHeight()).as("down in the corner").isCloseTo(
                screen.getMaxY() - 12, org.assertj.core.data.Offset.offset(1.0));
        assertThat(windows.panel()).as("nothing else waits").isEmpty();
    }

    @Test
    void aClickOnARowOpensThatCardAndTheOperatorTypesInIt(FxRobot robot) {
        robot.interact(() -> {
            presenter.accept(Calls.ring());
            presenter.accept(Calls.queueRing(OTHER_CALL, "777"));
        });
        Stage panel = windows.panel().orElseThrow();

        robot.clickOn(robot.from(panel.getScene().getRoot()).lookup(".panel-row").queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.Q, KeyCode.U, KeyCode.O, KeyCode.T, KeyCode.E);

        Stage opened = windows.windows().getFirst();
        assertThat(text(robot, opened, "#card-title")).isEqualTo("ООО Ромашка");
        assertThat(robot.from(panel.getScene().getRoot()).lookup(".row-title").queryLabeled().getText())
                .as("the first ring waits as a row now").isEqualTo("Автодом Волга");
        assertThat(presenter.cards().stream().filter(card -> card.callId().equals(OTHER_CALL)).findFirst()
                .orElseThrow().notes().notesProperty().get()).isEqualTo("quote");
    }

    @Test
    void cardsRestoredAtLoginComeBackAsRowsCountedAsWaitingForFinish(FxRobot robot) {
        robot.interact(() -> presenter.accept(new ServerMessage.ActiveCalls(List.of(
                new ActiveCall(Calls.ring(CALL, "777", null), ActiveCall.State.ENDED, null, null, null, null),
                new ActiveCall(Calls.queueRing(OTHER_CALL, "777"), ActiveCall.State.ENDED, null, null, null,
                        null)))));

        assertThat(windows.windows()).as("nothing opens by itself").isEmpty();
        Stage panel = windows.panel().orElseThrow();
        assertThat(robot.from(panel.getScene().getRoot()).lookup(".panel-row").queryAll()).hasSize(2);
        assertThat(text(robot, panel, "#card-panel-waiting")).isEqualTo("Waiting for “Finish and close”: 2");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(panel.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(panel.getY() + panel.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
    }

    @Test
    void thePanelSpeaksTheNewLanguageAtOnce(FxRobot robot) {
        robot.interact(() -> presenter.accept(new ServerMessage.ActiveCalls(List.of(
                new ActiveCall(Calls.ring(CALL, "777", null), ActiveCall.State.ENDED, null, null, null, null)))));

        robot.interact(() -> {
            presenter.changeLanguage(Languages.RUSSIAN);
            windows.applySettings(Settings.defaults(Locale.ENGLISH).withLanguage(Languages.RUSSIAN));
        });

        Stage panel = windows.panel().orElseThrow();
        assertThat(text(robot, panel, "#card-panel-waiting")).isEqualTo("Ждут «Завершить и закрыть»: 1");
        assertThat(robot.from(panel.getScene().getRoot()).lookup(".panel-row").queryAll()).hasSize(1);
    }

    @Test
    void cardsStepBackFromAlwaysOnTopWhileOneOfOurDialogsIsOpen(FxRobot robot) {
        robot.interact(() -> {
            presenter.accept(Calls.ring());
            presenter.accept(Calls.queueRing(OTHER_CALL, "777"));
        });
        Stage card = windows.windows().getFirst();
        Stage panel = windows.panel().orElseThrow();
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            dialog[0] = new Stage();
            dialog[0].initOwner(new Stage());
            dialog[0].setScene(new Scene(new Label("Settings")));
            dialog[0].show();
        });

        assertThat(card.isAlwaysOnTop()).isFalse();
        assertThat(panel.isAlwaysOnTop()).isFalse();

        robot.interact(dialog[0]::close);
        assertThat(card.isAlwaysOnTop()).isTrue();
        assertThat(panel.isAlwaysOnTop()).isTrue();
    }

    @Test
    void escCollapsesTheCardAndAltNBringsItBackToTheNotes(FxRobot robot) {
        robot.interact(() -> presenter.accept(Calls.ring(CALL, "777", Calls.HISTORY)));
        Stage card = windows.windows().getFirst();
        double fullHeight = card.getHeight();
        robot.clickOn(node(robot, card, "#card-notes"));

        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> { }); // one more pulse: the window follows its content

        CardViewModel model = presenter.cards().getFirst();
        assertThat(model.collapsedProperty().get()).isTrue();
        assertThat(card.isShowing()).as("collapsed, not lost").isTrue();
        assertThat(card.getHeight()).isLessThan(fullHeight);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(card.getY() + card.getHeight()).as("still in the corner").isCloseTo(screen.getMaxY() - 12,
                org.assertj.core.data.Offset.offset(1.0));

        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);

        assertThat(model.collapsedProperty().get()).isFalse();
        assertThat(node(robot, card, "#card-notes").isFocused()).isTrue();
    }

    @Test
    void tabWalksFromTheNotesOnToTheTagsAndEnterAddsATag(FxRobot robot) {
        robot.interact(() -> {
            presenter.accept(Calls.ring());
            presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        });
        Stage card = windows.windows().getFirst();
        robot.clickOn(node(robot, card, "#card-notes"));

        robot.type(KeyCode.TAB);

        assertThat(node(robot, card, "#card-tag-input").isFocused()).as("Tab leaves the notes").isTrue();
        assertThat(((TextArea) node(robot, card, "#card-notes")).getText()).as("no tab typed").isEmpty();
        robot.write("service").type(KeyCode.ENTER);
        assertThat(presenter.cards().getFirst().notes().tags()).containsExactly("service");
        assertThat(sync.lastEdit().draft().tags()).containsExactly("service");
        assertThat(robot.from(card.getScene().getRoot()).lookup(".tag-chip").queryAll()).hasSize(1);
    }

    @Test
    void ctrlMSilencesTheRing(FxRobot robot) {
        robot.interact(() -> presenter.accept(Calls.ring()));
        Stage card = windows.windows().getFirst();
        robot.clickOn(node(robot, card, "#card-notes"));

        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);

        assertThat(ring.playing()).isFalse();
        assertThat(text(robot, card, "#card-status")).as("still ringing, only quiet").isEqualTo("Pick up the handset");
    }

    @Test
    void soundOffInSettingsKeepsTheCardsQuiet(FxRobot robot) {
        Settings quiet = new Settings(Settings.DEFAULT_SERVER, Locale.ENGLISH, false, 0.5,
                Settings.CardCorner.TOP_LEFT, 0, false, Settings.Theme.LIGHT);
        robot.interact(() -> windows.applySettings(quiet));

        robot.interact(() -> presenter.accept(Calls.ring()));

        assertThat(ring.playing()).isFalse();
        Stage card = windows.windows().getFirst();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(card.getX()).as("top left now").isEqualTo(screen.getMinX() + 12);
        assertThat(card.getY()).isEqualTo(screen.getMinY() + 12);
    }

    @Test
    void onAScreenTooLowForTheCardItsMiddleScrollsAndFinishStaysInSight(FxRobot robot) {
        Rectangle2D lowScreen = new Rectangle2D(0, 0, 1366, 420);
        robot.interact(() -> {
            windows.close();
            windows = new CardWindows(presenter, Settings.defaults(Locale.ENGLISH), ring, IdleCollection.never(),
                    () -> lowScreen);
            Instant answeredAt = RING_AT.plusSeconds(4);
            presenter.accept(Calls.ring(CALL, "777", Calls.HISTORY));
            presenter.accept(Calls.answered(CALL, "777", answeredAt));
            presenter.accept(Calls.endedAfterTalk(CALL, answeredAt, Duration.ofSeconds(60)));
        });
        robot.interact(() -> { }); // a pulse for the window to follow its content

        Stage card = windows.windows().getFirst();
        assertThat(card.getHeight()).isLessThanOrEqualTo(420 - 2 * 12);
        assertThat(card.getY()).isGreaterThanOrEqualTo(12);
        Node finish = node(robot, card, "#card-finish");
        assertThat(finish.localToScene(finish.getBoundsInLocal()).getMaxY())
                .as("the Finish button is inside the window").isLessThanOrEqualTo(card.getScene().getHeight());

        robot.clickOn(node(robot, card, "#card-notes"));
        robot.press(KeyCode.ALT, KeyCode.C).release(KeyCode.C, KeyCode.ALT);
        Node clientName = node(robot, card, "#card-client-name");
        assertThat(clientName.isFocused()).isTrue();
        double bottom = clientName.localToScene(clientName.getBoundsInLocal()).getMaxY();
        assertThat(bottom).as("scrolled into sight").isLessThanOrEqualTo(card.getScene().getHeight());
    }

    @Test
    void aHistoryNoteThatWrapsMakesTheCardTallerInsteadOfScrolling(FxRobot robot) {
        Instant answeredAt = RING_AT.plusSeconds(4);
        robot.interact(() -> {
            presenter.accept(Calls.ring(CALL, "777", List.of(new HistoryEntry("1795206066.301001",
                    RING_AT.minusSeconds(600), "Иван Иванов", CallDisposition.ANSWERED,
                    "Spare parts delivery is late; promised to call back tomorrow morning."))));
            presenter.accept(Calls.answered(CALL, "777", answeredAt));
            presenter.accept(Calls.endedAfterTalk(CALL, answeredAt, Duration.ofSeconds(60)));
        });
        robot.interact(() -> { }); // a pulse for the window to follow its content

        Stage card = windows.windows().getFirst();
        ScrollPane middle = (ScrollPane) node(robot, card, ".card-scroll");
        assertThat(middle.getHeight()).as("room for all of it, the wrapped line too")
                .isGreaterThanOrEqualTo(((Region) middle.getContent()).getHeight());
    }

    /** The hidden window CardWindows builds for the next card once nothing has rung for a moment. */
    private Stage windowBuiltAhead() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> windows.nextWindow().isPresent());
        return windows.nextWindow().orElseThrow();
    }

    private static Node node(FxRobot robot, Stage window, String query) {
        return robot.from(window.getScene().getRoot()).lookup(query).query();
    }

    private static String text(FxRobot robot, Stage window, String query) {
        return ((Label) node(robot, window, query)).getText();
    }
}
