package dev.zvonok.app.card;

import static dev.zvonok.app.card.Calls.CALL;
import static dev.zvonok.app.card.Calls.RING_AT;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the card in each of its states to {@code target/card-screenshots/*.png}: the pictures for the docs, and a
 * check that a card snapshots to a PNG without javafx-swing.
 */
@ExtendWith(ApplicationExtension.class)
class CardScreenshotsTest {

    private static final Path FOLDER = Path.of("target", "card-screenshots");

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final RecordingSync sync = new RecordingSync();

    @Start
    void start(Stage primary) {
    }

    @AfterEach
    void lightAgain() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void everyStateInBothLanguages(FxRobot robot) throws Exception {
        for (Locale language : Languages.ALL) {
            String suffix = "-" + language.getLanguage();
            shoot(robot, "ringing-loading" + suffix, language, false, presenter -> presenter.accept(Calls.ring()));
            shoot(robot, "ringing" + suffix, language, false, presenter -> {
                presenter.accept(Calls.ring());
                presenter.accept(Calls.history(CALL));
                presenter.cards().getFirst().notes().notesProperty().set("Спрашивает про гарантию");
            });
            shoot(robot, "active" + suffix, language, false, this::activeWithEverything);
            shoot(robot, "ended" + suffix, language, false, presenter -> {
                activeWithEverything(presenter);
                presenter.accept(Calls.endedAfterTalk(CALL, RING_AT.plusSeconds(4), Duration.ofSeconds(247)));
                presenter.accept(new ServerMessage.NotesUpdated("r", CALL, 2, RING_AT.plusSeconds(250)));
            });
        }
        shoot(robot, "transferred-from-en", Languages.ENGLISH, false,
                presenter -> presenter.accept(Calls.transferredRing(CALL, "888", "777")));
        shoot(robot, "transferred-away-ru", Languages.RUSSIAN, false, presenter -> {
            activeWithEverything(presenter);
            presenter.accept(Calls.transferredTo888(CALL));
        });
        shoot(robot, "answered-elsewhere-ru", Languages.RUSSIAN, false, presenter -> {
            presenter.accept(Calls.ring(CALL, "888", Calls.HISTORY));
            presenter.accept(Calls.answeredByIvanov(CALL, "888"));
        });
        shoot(robot, "conflict-en", Languages.ENGLISH, false, presenter -> {
            activeWithEverything(presenter);
            presenter.accept(new ServerMessage.Error(ErrorCode.STALE_VERSION.wireName(), "stale", "r", CALL,
                    new CallNotes("их заметки", List.of(), Priority.NORMAL, ClientInfo.EMPTY, 5)));
        });
        shoot(robot, "on-hold-dark-ru", Languages.RUSSIAN, true, presenter -> {
            activeWithEverything(presenter);
            presenter.accept(Calls.hold(CALL, true));
        });
        shoot(robot, "ringing-dark-en", Languages.ENGLISH, true, presenter -> {
            presenter.accept(Calls.queueRing(CALL, "777"));
        });
        shoot(robot, "ended-125-percent-ru", Languages.RUSSIAN, false, true, presenter -> {
            activeWithEverything(presenter);
            presenter.accept(Calls.endedAfterTalk(CALL, RING_AT.plusSeconds(4), Duration.ofSeconds(247)));
        });
        shoot(robot, "collapsed-en", Languages.ENGLISH, false, presenter -> {
            activeWithEverything(presenter);
            presenter.cards().getFirst().collapse();
        });

        BufferedImage ringing = ImageIO.read(FOLDER.resolve("ringing-en.png").toFile());
        assertThat(ringing.getWidth()).isGreaterThan(200);
        assertThat(ringing.getHeight()).isGreaterThan(150);
    }

    private void activeWithEverything(CardsPresenter presenter) {
        Instant answeredAt = RING_AT.plusSeconds(4);
        presenter.accept(Calls.ring(CALL, "777", Calls.HISTORY));
        presenter.accept(Calls.answered(CALL, "777", answeredAt));
        NotesDraft notes = presenter.cards().getFirst().notes();
        notes.notesProperty().set("Спрашивает про гарантию на КПП.\nПерезвонить после 15:00.");
        notes.addTag("гарантия");
        notes.addTag("перезвонить");
        notes.priorityProperty().set(Priority.HIGH);
        notes.clientNameProperty().set("Сергей");
        notes.clientCompanyProperty().set("Автодом Волга");
        presenter.accept(new ServerMessage.NotesUpdated("r", CALL, 1, answeredAt.plusSeconds(20)));
        clock.set(answeredAt.plusSeconds(83));
        presenter.tick();
    }

    private void shoot(FxRobot robot, String name, Locale language, boolean dark, Consumer<CardsPresenter> story)
            throws Exception {
        shoot(robot, name, language, dark, false, story);
    }

    /** {@code larger}: the fonts 125 % as large, as with Windows' 125 % text scaling. */
    private void shoot(FxRobot robot, String name, Locale language, boolean dark, boolean larger,
                       Consumer<CardsPresenter> story) throws Exception {
        clock.set(RING_AT.plusMillis(300));
        BufferedImage[] picture = new BufferedImage[1];
        robot.interact(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            CardsPresenter presenter = new CardsPresenter(sync, clock, new ManualTicks(), language);
            story.accept(presenter);
            CardViewModel card = presenter.cards().getFirst();
            CardView view = new CardView(card, card.labels().texts());
            if (larger) {
                view.root().setStyle("-fx-font-size: 17.5px"); // AtlantaFX's 14 px, times 1.25
            }
            Scene scene = new Scene(view.root());
            scene.getStylesheets().add(CardView.STYLESHEET);
            picture[0] = CardSnapshots.capture(scene);
        });
        Path file = FOLDER.resolve(name + ".png");
        CardSnapshots.writePng(picture[0], file);
        assertThat(Files.size(file)).isPositive();
    }
}
