package dev.zvonok.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.board.Boards;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkStatusViewModelTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> REASONS = List.of("lunch", "training", "technical");

    private final MutableClock clock = new MutableClock(T0, Boards.ZONE);
    private final List<String> sent = new ArrayList<>();
    private boolean online = true;
    private final WorkStatusViewModel status = new WorkStatusViewModel((ref, wanted, reason) -> {
        sent.add(ref + " " + wanted.wireName() + " " + reason);
        return online;
    }, Runnable::run, clock);

    @Test
    void showsWhatTheServerSaysWithTheTimeInIt() {
        status.connectionChanged(new ConnectionState.Connected());
        status.accept(Boards.wire(new ServerMessage.WorkStatusChanged(null, WorkStatus.BREAK, "lunch",
                T0.minusSeconds(300), REASONS, null)));
        assertThat(status.statusProperty().get()).isEqualTo(WorkStatus.BREAK);
        assertThat(status.reasonProperty().get()).isEqualTo("lunch");
        assertThat(status.breakReasons()).containsExactlyElementsOf(REASONS);
        assertThat(status.secondsProperty().get()).isEqualTo(300);

        clock.advance(Duration.ofSeconds(65));
        status.tick();
        assertThat(status.secondsProperty().get()).isEqualTo(365);
    }

    @Test
    void aBreakIsSentAndPendingUntilTheServerConfirmsIt() {
        status.accept(Boards.wire(new ServerMessage.WorkStatusChanged(null, WorkStatus.AVAILABLE, null, T0, REASONS,
                null)));
        status.takeBreak("training");
        assertThat(sent).containsExactly("work-status-1 break training");
        assertThat(status.pendingProperty().get()).isTrue();
        assertThat(status.statusProperty().get()).as("the server's word is the truth")
                .isEqualTo(WorkStatus.AVAILABLE);

        status.accept(Boards.wire(new ServerMessage.WorkStatusChanged("work-status-1", WorkStatus.BREAK, "training",
                T0.plusSeconds(1), REASONS, "the PBX refused QueuePause: no such member")));
        assertThat(status.pendingProperty().get()).isFalse();
        assertThat(status.statusProperty().get()).isEqualTo(WorkStatus.BREAK);
        assertThat(status.pbxProblemProperty().get()).isEqualTo("the PBX refused QueuePause: no such member");

        status.available();
        assertThat(sent).last().isEqualTo("work-status-2 available null");
    }

    @Test
    void aRefusalIsShownAndEndsThePending() {
        status.takeBreak("lunch");
        status.accept(Boards.wire(ServerMessage.Error.of(ErrorCode.INVALID_FIELD, "no such break reason",
                "work-status-1")));
        assertThat(status.pendingProperty().get()).isFalse();
        assertThat(status.refusalProperty().get()).isEqualTo("no such break reason");
    }

    @Test
    void offlineNothingIsPending() {
        online = false;
        status.takeBreak("lunch");
        assertThat(status.pendingProperty().get()).isFalse();
        assertThat(status.connectedProperty().get()).isFalse();

        online = true;
        status.connectionChanged(new ConnectionState.Connected());
        status.takeBreak("lunch");
        status.connectionChanged(new ConnectionState.Reconnecting(T0.plusSeconds(1), "lost"));
        assertThat(status.pendingProperty().get()).as("never answered on a lost socket").isFalse();
    }
}
