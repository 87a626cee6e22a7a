package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.server.pbx.RungPhone;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * "Call back" clicked, the server accepted it, and then the PBX could not ring the desk phone through: the whole app
 * against the whole server, whose PBX finds Ivanov's phone (777) busy and the supervisor's (700) not picked up. The
 * words appear where the click was, in place of "your phone rings", and the button can be clicked again.
 */
class CallBackNotReachedFlowsTest extends EndToEndTest {

    @Override
    EndToEndServer newServer() {
        return EndToEndServer.startWithPhones(db, dialled -> switch (dialled) {
            case "PJSIP/777" -> RungPhone.BUSY;
            case "PJSIP/700" -> RungPhone.NOT_ANSWERED;
            default -> RungPhone.ANSWERS;
        });
    }

    @Test
    void anOperatorsCallBackFromTheMissedListSaysTheirDeskPhoneWasBusy() throws Exception {
        RunningApp app = launchAndLogIn("ivanov", "Иван Иванов");
        server.play(StatisticsFlowsTest.NO_ANSWER, 1); // the dealer rings 777; nobody answers

        robot.interact(() -> app.window().toFront());
        robot.interact(app.window()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        await().atMost(RunningApp.PATIENCE).until(() -> missed(app).size() == 1);
        robot.clickOn(callBackButton(app));

        await().atMost(RunningApp.PATIENCE).until(() -> ("Your desk phone was busy: +7 927 139-09-07 was not dialled."
                + " Call back again when it is free.").equals(app.text(app.window(), "#missed-call-back-status")));
        assertThat(callBackButton(app).isDisabled()).as("may be clicked again").isFalse();
    }

    @Test
    void aSupervisorsCallBackFromTheStatisticsListSaysTheirPhoneWasNotPickedUp() throws Exception {
        RunningApp app = launchAndLogIn("supervisor", SupervisorBoardFlowsTest.SUPERVISOR);
        server.play(StatisticsFlowsTest.NO_ANSWER, 1);
        server.awaitEndedCalls(1);

        Stage stats = StatisticsFlowsTest.openStatistics(robot, app);
        await().atMost(RunningApp.PATIENCE).until(() -> "1".equals(app.text(stats, "#kpi-callbacksPending")));
        robot.clickOn(app.node(stats, "#tile-callbacksPending").orElseThrow());
        await().atMost(RunningApp.PATIENCE).until(() -> StatisticsFlowsTest.callbacks(stats).size() == 1);
        robot.clickOn(StatisticsFlowsTest.callBackButton(stats));

        await().atMost(RunningApp.PATIENCE).until(() -> ("Your phone was not picked up in time: +7 927 139-09-07 was"
                + " not dialled").equals(app.text(stats, "#callbacks-status")));
        assertThat(StatisticsFlowsTest.callBackButton(stats).isDisabled()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<CallListItem> missed(RunningApp app) {
        return RunningApp.onFx(() -> List.copyOf(((TableView<CallListItem>) app.window().getScene()
                .lookup("#missed-table")).getItems()));
    }

    private static Node callBackButton(RunningApp app) {
        return RunningApp.onFx(() -> app.window().getScene().lookup("#missed-table").lookupAll(".call-back-button")
                .stream().filter(Node::isVisible).findFirst().orElseThrow());
    }
}
