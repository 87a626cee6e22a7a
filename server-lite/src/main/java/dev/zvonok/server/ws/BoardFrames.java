package dev.zvonok.server.ws;

import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.board.BoardSubscriber;

/** One socket's board frames: the board's thread writes them straight into the session's queue. */
final class BoardFrames implements BoardSubscriber {

    private final ClientSession session;
    private final Frames frames;

    BoardFrames(ClientSession session, Frames frames) {
        this.session = session;
        this.frames = frames;
    }

    @Override
    public void snapshot(String ref, BoardSnapshot snapshot) {
        frames.send(session, new ServerMessage.Board(ref, snapshot));
    }

    @Override
    public void changed(BoardChange change) {
        frames.send(session, new ServerMessage.BoardChanged(change));
    }

    @Override
    public void unsubscribed(String ref) {
        frames.send(session, new ServerMessage.Subscribed(ref, "none"));
    }
}
