package dev.zvonok.model.stats;

import java.util.List;

/** {@code GET /api/callbacks/mine}: what the asking user was given to call back and has not reached, oldest first. */
public record AssignedCallbacks(List<AssignedCallback> callbacks) {

    public AssignedCallbacks {
        callbacks = List.copyOf(callbacks);
    }
}
