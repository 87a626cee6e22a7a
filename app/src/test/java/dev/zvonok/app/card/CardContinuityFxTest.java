package dev.zvonok.app.card;

import static dev.zvonok.app.card.Calls.CALL;
import static dev.zvonok.app.card.Calls.RING_AT;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real card window, in Russian: a long dealer name read whole, the earlier call's card, the known client. */
@ExtendWith(ApplicationExtension.class)
class CardContinuityFxTest {

    static final String LONG_NAME = "Дилер Самара-Юг Автоцентр Плюс";
    static final String LONG_COMPANY = "ООО «Самара-Юг Автоцентр Плюс Сервис и Запчасти»";

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final ManualTicks ticks = new ManualTicks();
    private final RecordingSync sync = new RecordingSync();
    private CardsPresenter presenter;
    private CardWindows windows;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        presenter = new CardsPresenter(sync, clock, ticks, Languages.RUSSIAN);
        windows = new CardWindows(presenter, Settings.defaults(Languages.RUSSIAN), new RecordingRing(),
                IdleCollection.never());
    }

    @AfterEach
    void closeCards(FxRobot robot) {
        robot.interact(windows::close);
    }

    @Test
    void aLongDealerNameIsShownWholeAndTheHistoryAndClientFieldsGoOnFromTheLastCall(FxRobot robot) {
        IncomingCall ring = new IncomingCall(CALL, CallDirection.INBOUND, Calls.DEALER_NUMBER,
                new CallerView(CallerKind.DEALER, LONG_NAME, LONG_COMPANY), Calls.LINE, null, "777", RING_AT, null,
                null, null);
        robot.interact(() -> {
            presenter.accept(ring);
            presenter.accept(new ServerMessage.CallHistory(CALL,
                    List.of(CardContinuityTest.MARKED, CardContinuityTest.PLAIN), CardContinuityTest.ANNA));
            presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        });
        robot.interact(() -> { }); // a pulse for the window to follow its content
        Stage card = windows.windows().getFirst();

        Label title = (Label) node(robot, card, "#card-title");
        assertThat(shown(robot, title)).as("wrapped, never cut").isEqualTo(LONG_NAME);
        assertThat(title.getTooltip().getText()).isEqualTo(LONG_NAME);
        Label detail = (Label) node(robot, card, "#card-caller-detail");
        assertThat(shown(robot, detail)).isEqualTo("Дилер · " + LONG_COMPANY);
        assertThat(detail.getTooltip().getText()).isEqualTo("Дилер · " + LONG_COMPANY);
        Bounds titleBounds = title.localToScene(title.getBoundsInLocal());
        assertThat(titleBounds.getMaxX()).as("inside the card").isLessThanOrEqualTo(card.getScene().getWidth());

        Node marked = robot.from(card.getScene().getRoot()).lookup(".history-row").query();
        assertThat(robot.from(marked).lookup(".history-tag").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("гарантия", "ТО");
        assertThat(robot.from(marked).lookup(".history-priority").queryAs(Label.class).getText())
                .isEqualTo("Срочный");
        assertThat(robot.from(marked).lookup(".history-client").queryAs(Label.class).getText())
                .isEqualTo("Анна Смирнова · Автодом Волга");
        assertThat(robot.from(marked).lookup(".history-operator").queryAs(Label.class).getTooltip().getText())
                .isEqualTo("Иван Иванов, доб. 777");

        assertThat(((TextField) node(robot, card, "#card-client-name")).getText()).isEqualTo("Анна Смирнова");
        assertThat(((TextField) node(robot, card, "#card-client-company")).getText()).isEqualTo("Автодом Волга");
        assertThat(node(robot, card, "#card-client-prefilled").isVisible()).isTrue();
        assertThat(sync.edits).as("a prefill is no edit").isEmpty();

        robot.clickOn(node(robot, card, "#card-client-name")).write(" Петровна");

        assertThat(node(robot, card, "#card-client-prefilled").isVisible()).as("the operator's now").isFalse();
        assertThat(sync.lastEdit().draft().clientInfo().name()).isEqualTo("Анна Смирнова Петровна");
        assertThat(sync.lastEdit().draft().clientInfo().company()).isEqualTo("Автодом Волга");
    }

    /** What the label's text node draws: its whole text, or the shortened one ending in "…". */
    private static String shown(FxRobot robot, Label label) {
        return robot.from(label).lookup(".text").queryAs(Text.class).getText().replace('\n', ' ');
    }

    private static Node node(FxRobot robot, Stage window, String query) {
        return robot.from(window.getScene().getRoot()).lookup(query).query();
    }
}
