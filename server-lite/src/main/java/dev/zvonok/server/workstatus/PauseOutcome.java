package dev.zvonok.server.workstatus;

/** What the PBX did about an operator's queue memberships when their work status changed. */
public sealed interface PauseOutcome {

    /** The PBX paused (or unpaused) the operator's memberships. */
    record Done() implements PauseOutcome {
    }

    /** The operator is in no queue, or the server has no PBX that pauses queues. */
    record NothingToDo() implements PauseOutcome {
    }

    /**
     * The PBX refused or could not be asked; {@code problem} says why in words for the operator (it goes into
     * {@code work-status}'s {@code pbxProblem} and the log). The status changed in Zvonok all the same.
     */
    record Failed(String problem) implements PauseOutcome {
    }

    /** The words for the operator, or null when the PBX followed or had nothing to do. */
    default String problem() {
        return this instanceof Failed failed ? failed.problem() : null;
    }
}
