package dev.zvonok.server.board;

import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.OperatorState;
import java.time.Instant;
import java.util.List;

/**
 * What one operator is doing now, as {@link OperatorStates} derives it: the part of a board tile that changes.
 *
 * @param reason the break's reason code while {@code state} is {@link OperatorState#BREAK}, else null
 * @param calls  oldest first
 * @param unansweredInARow calls that rang at the operator and were not taken since they last answered one
 */
record OperatorNow(OperatorState state, Instant since, String reason, List<BoardCall> calls, int unansweredInARow) {

    OperatorNow {
        calls = List.copyOf(calls);
    }

    static OperatorNow offline(Instant since) {
        return new OperatorNow(OperatorState.OFFLINE, since, null, List.of(), 0);
    }
}
