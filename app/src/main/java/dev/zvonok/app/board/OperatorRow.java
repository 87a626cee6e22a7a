package dev.zvonok.app.board;

import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.OperatorState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One operator as the board's table shows them, computed in one pass: plain values, nothing to observe.
 *
 * @param extensions  "777, 778"; empty for an operator without a phone
 * @param reason      the break's reason code, or null
 * @param timeInState how long the operator has been in {@code state}, by the board's clock at the pass
 * @param caller      who the operator's newest call is with: the caller's name, else the number; null with no call
 * @param callState   where that call stands, or null
 * @param line        the line that call came in on, or null
 * @param calls       how many calls the operator has now
 * @param unansweredInARow calls that rang at the operator and were not taken since they last answered one
 */
public record OperatorRow(long userId, String name, String extensions, List<String> teams, OperatorState state,
                          Instant since, Duration timeInState, String reason, String caller, String callerNumber,
                          BoardCallState callState, String line, int calls,
                          int unansweredInARow) implements BoardLine {

    public OperatorRow {
        teams = List.copyOf(teams);
    }

    /** "Sales, Service"; empty for an operator in no team. */
    public String teamNames() {
        return String.join(", ", teams);
    }
}
