package dev.zvonok.server.queues;

/** Pauses and unpauses an operator's queue memberships on the PBX, saying what came of it. */
public interface QueuePauser {

    PauseOutcome pause(long userId, String reason);

    PauseOutcome unpause(long userId);
}
