package dev.zvonok.server.board;

import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardSnapshot;

/**
 * Where one subscription's frames go: the WebSocket layer's side of {@link Board#subscribe}. Called on the board's
 * thread; must return at once (queue the frame).
 */
public interface BoardSubscriber {

    /** The whole board, answering the subscription {@code ref}. */
    void snapshot(String ref, BoardSnapshot snapshot);

    void changed(BoardChange change);

    /** The subscription ended ({@link Board#unsubscribe}): nothing follows. */
    void unsubscribed(String ref);
}
