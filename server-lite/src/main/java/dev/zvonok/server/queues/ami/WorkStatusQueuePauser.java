package dev.zvonok.server.queues.ami;

import dev.zvonok.server.queues.*;
import dev.zvonok.server.workstatus.PauseOutcome;
import dev.zvonok.server.workstatus.QueuePauser;
import java.util.Objects;

/**
 * A work status reaching the PBX's queues: the operator's break pauses their memberships through AMI
 * {@code QueuePause}, coming back unpauses them; what the PBX answered becomes the words the operator reads.
 */
public final class WorkStatusQueuePauser implements QueuePauser {

    private final AmiQueuePauser pbx;

    public WorkStatusQueuePauser(AmiQueuePauser pbx) {
        this.pbx = Objects.requireNonNull(pbx, "pbx");
    }

    @Override
    public PauseOutcome pause(long userId, String reason) {
        return outcome(pbx.pause(userId, reason), "paused");
    }

    @Override
    public PauseOutcome unpause(long userId) {
        return outcome(pbx.unpause(userId), "unpaused");
    }

    static PauseOutcome outcome(QueuePauseResult result, String what) {
        return switch (result.result()) {
            case DONE -> new PauseOutcome.Done();
            case NOT_A_MEMBER -> new PauseOutcome.NothingToDo();
            case REFUSED -> new PauseOutcome.Failed("the PBX refused: " + result.message()
                    + "; your queues were not " + what);
            case NOT_CONNECTED -> new PauseOutcome.Failed("the PBX is not connected; your queues were not " + what);
        };
    }
}
