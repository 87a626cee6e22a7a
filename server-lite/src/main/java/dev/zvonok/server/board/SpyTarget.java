package dev.zvonok.server.board;

/** What the board says of an operator a supervisor wants to listen to. */
public sealed interface SpyTarget {

    /** The operator talks (or holds a caller) on {@code channel}. */
    record OnCall(String channel) implements SpyTarget {
    }

    /** The operator is on no call now. */
    record NoCall() implements SpyTarget {
    }

    /** Not an operator on this viewer's board: another team's, or nobody's. */
    record NotOnBoard() implements SpyTarget {
    }
}
