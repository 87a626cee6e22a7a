package dev.zvonok.server.workstatus;

/**
 * The seam through which a work status reaches the PBX's queues: a break pauses the operator's queue memberships
 * (AMI {@code QueuePause} with the reason), coming back unpauses them. The queue side implements it; until then
 * {@link #NONE} has nothing to do.
 *
 * <p>Called on the requesting client's thread, never on the tracking or board thread, so it may wait for the PBX's
 * answer; it should not wait longer than the AMI's response timeout. It must not throw: a refusal is a
 * {@link PauseOutcome.Failed}.
 */
public interface QueuePauser {

    /** Pauses every queue membership of the operator's phones, with the break's reason code. */
    PauseOutcome pause(long userId, String reason);

    /** Unpauses every queue membership of the operator's phones. */
    PauseOutcome unpause(long userId);

    /** No PBX that pauses queues (yet): nothing to do, whatever the status. */
    QueuePauser NONE = new QueuePauser() {
        @Override
        public PauseOutcome pause(long userId, String reason) {
            return new PauseOutcome.NothingToDo();
        }

        @Override
        public PauseOutcome unpause(long userId) {
            return new PauseOutcome.NothingToDo();
        }
    };
}
