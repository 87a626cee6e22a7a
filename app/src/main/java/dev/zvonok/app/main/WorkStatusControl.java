package dev.zvonok.app.main;

import dev.zvonok.model.board.WorkStatus;

/** Sends the operator's choice ({@code set-work-status}); the integrator's, over the live connection. Any thread. */
public interface WorkStatusControl {

    /**
     * @param reason a break reason code of the server's, or null for {@link WorkStatus#AVAILABLE}
     * @return false when not connected: nothing was sent
     */
    boolean send(String ref, WorkStatus status, String reason);
}
