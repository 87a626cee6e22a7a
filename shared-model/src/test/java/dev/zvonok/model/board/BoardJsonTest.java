package dev.zvonok.model.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board's wire form: what a supervisor's app and any other client read. */
class BoardJsonTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private static final Instant AT = Instant.parse("2026-12-05T09:15:00Z");

    @Test
    void aSnapshotTravelsWholeWithItsStatesInLowerCase() throws Exception {
        BoardCall call = new BoardCall("1795288652.0", CallDirection.INBOUND, "+79271390907",
                new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"),
                new LineView("Москва, реклама", "РК-12"), "support", null, BoardCallState.TALKING, AT);
        BoardOperator anna = new BoardOperator(7, "Анна", List.of("777"), List.of("Продажи"),
                OperatorState.TALKING, AT, null, List.of(call), 0);
        InboundCounters today = new InboundCounters(12, 10, 1, 1, 0, 0, 10 / 12.0, 1 / 12.0, 8.5, 140.0, 0.75, 20, 42);
        BoardQueue support = new BoardQueue("support",
                List.of(new WaitingCaller("1795288700.4", "+74993332211", CallerView.UNKNOWN, AT, 1)), 17,
                List.of(new QueueMember("PJSIP/777", 7L, "Анна", MemberState.IN_USE, false, null)), today);
        ServerMessage board = new ServerMessage.Board("b1",
                new BoardSnapshot(3, AT, AT.minusSeconds(9 * 3600), List.of(anna), List.of(support), today));

        String text = json.writeValueAsString(board);

        assertThat(text).startsWith("{\"type\":\"board\",\"ref\":\"b1\"");
        assertThat(text).contains("\"state\":\"talking\"", "\"state\":\"in_use\"");
        assertThat(json.readValue(text, ServerMessage.class)).isEqualTo(board);
    }

    @Test
    void aChangeNamesTheVersionItAppliesTo() throws Exception {
        BoardOperator onBreak = new BoardOperator(8, "Борис", List.of("888"), List.of(), OperatorState.BREAK, AT,
                "lunch", List.of(), 0);
        ServerMessage changed = new ServerMessage.BoardChanged(new BoardChange(3, 4, AT, List.of(onBreak),
                List.of(), List.of(9L), List.of(), List.of(), List.of(), null, null));

        String text = json.writeValueAsString(changed);

        assertThat(text).contains("\"type\":\"board-changed\"", "\"baseVersion\":3", "\"state\":\"break\"");
        assertThat(json.readValue(text, ServerMessage.class)).isEqualTo(changed);
        assertThat(new BoardChange(4, 4, AT, null, null, null, null, null, null, null, null).isEmpty()).isTrue();
    }

    @Test
    void aBoardSaysWhenTheStatisticsAreBeingRecomputedAndWhenTheyAreBack() throws Exception {
        ServerMessage recomputing = new ServerMessage.Board("b1",
                new BoardSnapshot(3, AT, AT, List.of(), List.of(), null, StatisticsState.RECOMPUTING));
        String text = json.writeValueAsString(recomputing);
        assertThat(text).contains("\"statistics\":\"recomputing\"");
        assertThat(json.readValue(text, ServerMessage.class)).isEqualTo(recomputing);

        ServerMessage ready = new ServerMessage.BoardChanged(new BoardChange(3, 4, AT, null, null, null, null, null,
                null, null, null, StatisticsState.READY));
        String back = json.writeValueAsString(ready);
        assertThat(back).contains("\"statistics\":\"ready\"");
        assertThat(json.readValue(back, ServerMessage.class)).isEqualTo(ready);
        assertThat(((ServerMessage.BoardChanged) ready).change().isEmpty()).as("a change worth sending").isFalse();
    }

    @Test
    void aBoardFromAServerBeforeTheFieldIsReadyAndAChangeWithoutItLeavesTheStateAlone() throws Exception {
        ServerMessage.Board old = (ServerMessage.Board) json.readValue("{\"type\":\"board\",\"ref\":\"b1\","
                + "\"board\":{\"version\":3,\"at\":\"2026-12-05T09:15:00Z\",\"operators\":[],\"queues\":[]}}",
                ServerMessage.class);
        assertThat(old.board().statistics()).isEqualTo(StatisticsState.READY);

        BoardChange unchanged = new BoardChange(3, 4, AT, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, AT);
        String text = json.writeValueAsString(new ServerMessage.BoardChanged(unchanged));
        assertThat(text).doesNotContain("statistics");
        assertThat(((ServerMessage.BoardChanged) json.readValue(text, ServerMessage.class)).change().statistics())
                .isNull();
    }

    @Test
    void aReplicaKeepsTheStatisticsStateUntilAChangeSaysOtherwise() {
        BoardReplica replica = new BoardReplica();
        replica.reset(new BoardSnapshot(3, AT, AT, List.of(), List.of(), null, StatisticsState.RECOMPUTING));
        replica.apply(new BoardChange(3, 4, AT, null, null, null, null, null, null, null, AT));
        assertThat(replica.statistics()).isEqualTo(StatisticsState.RECOMPUTING);
        replica.apply(new BoardChange(4, 5, AT, null, null, null, null, null, null, null, null,
                StatisticsState.READY));
        assertThat(replica.statistics()).isEqualTo(StatisticsState.READY);
    }

    @Test
    void theOperatorChoosesABreakWithAReason() throws Exception {
        assertThat(json.readValue("{\"type\":\"set-work-status\",\"ref\":\"s1\",\"status\":\"break\","
                + "\"reason\":\"lunch\"}", ClientMessage.class))
                .isEqualTo(new ClientMessage.SetWorkStatus("s1", WorkStatus.BREAK, "lunch"));
        assertThat(json.readValue("{\"type\":\"subscribe-board\",\"ref\":\"b\"}", ClientMessage.class))
                .isEqualTo(new ClientMessage.SubscribeBoard("b"));
        ServerMessage status = new ServerMessage.WorkStatusChanged("s1", WorkStatus.BREAK, "lunch", AT,
                List.of("lunch", "training", "meeting", "other"), "the PBX refused QueuePause: Permission denied");
        assertThat(json.readValue(json.writeValueAsString(status), ServerMessage.class)).isEqualTo(status);
    }
}
