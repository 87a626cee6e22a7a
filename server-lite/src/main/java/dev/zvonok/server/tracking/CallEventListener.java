package dev.zvonok.server.tracking;

import java.time.Instant;
import java.util.Set;

/** Receives the tracker's events, on the tracking thread, in PBX order. Implementations must return quickly. */
@FunctionalInterface
public interface CallEventListener {

    void onCallEvent(CallEvent event);

    /**
     * The tracker has just reconciled with the PBX's channel list (after a connect, and now and then): these calls
     * are in progress and no others are. Comes after the events that closed the calls which ended unseen, so a
     * listener holding calls open (a database after a restart of the server) can close what is not in the set.
     */
    default void onReconciled(Instant at, Set<String> callsInProgress) {
    }
}
