package dev.zvonok.model.board;

import java.time.Instant;
import java.util.List;

/**
 * One operator's tile on the board.
 *
 * @param extensions the operator's phones on the PBX
 * @param teams      the names of the operator's teams
 * @param since      when the operator entered {@code state}
 * @param reason     the break's reason code while {@code state} is {@link OperatorState#BREAK}, else null
 * @param calls      the operator's calls now, oldest first; empty when none
 * @param unansweredInARow calls that rang at the operator and were not taken (rang out or declined) since the operator
 *                   last answered one: an operator away from the desk without saying so
 */
public record BoardOperator(long userId, String name, List<String> extensions, List<String> teams,
                            OperatorState state, Instant since, String reason, List<BoardCall> calls,
                            int unansweredInARow) {

    public BoardOperator {
        extensions = List.copyOf(extensions);
        teams = List.copyOf(teams);
        calls = List.copyOf(calls);
    }
}
