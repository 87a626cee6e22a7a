package dev.zvonok.app.board;

import dev.zvonok.model.board.SpyMode;

/** How the board sends a supervisor's {@code spy} order over the live connection. Any thread. */
@FunctionalInterface
public interface SpyControl {

    /** @return false when not connected: nothing was sent */
    boolean send(String ref, long operatorId, SpyMode mode);
}
