package dev.zvonok.app.board;

import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.OperatorState;
import java.text.CollationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One operator as the board's table shows them. Made once per version of the operator's tile and kept from pass to
 * pass while the tile stays the same: a pass replaces only the rows of tiles that changed. The only value a pass
 * updates in place is the time in state, observable so that the table's time cells follow it without a new row.
 * Identity is the object's: two rows are the same line only if they are the same object.
 *
 * <p>The values: {@code extensions} "777, 778", empty for an operator without a phone; {@code reason} the break's
 * reason code, or null; {@code caller} who the operator's newest call is with (the caller's name, else the number),
 * null with no call; {@code callState} and {@code line} of that call, or null; {@code calls} how many calls the
 * operator has now; {@code unansweredInARow} calls that rang at the operator and were not taken since they last
 * answered one.
 */
public final class OperatorRow implements BoardLine {

    private final BoardOperator tile;
    private final long userId;
    private final String name;
    private final CollationKey nameKey;
    private final String extensions;
    private final List<String> teams;
    private final OperatorState state;
    private final Instant since;
    private final String reason;
    private final String caller;
    private final String callerNumber;
    private final BoardCallState callState;
    private final String line;
    private final int calls;
    private final int unansweredInARow;
    private final ReadOnlyObjectWrapper<Duration> timeInState;

    @SuppressWarnings("checkstyle:ParameterNumber")
    OperatorRow(BoardOperator tile, CollationKey nameKey, String extensions, String caller, String callerNumber,
                BoardCallState callState, String line, Duration timeInState) {
        this.tile = tile;
        this.userId = tile.userId();
        this.name = tile.name();
        this.nameKey = nameKey;
        this.extensions = extensions;
        this.teams = List.copyOf(tile.teams());
        this.state = tile.state();
        this.since = tile.since();
        this.reason = tile.reason();
        this.caller = caller;
        this.callerNumber = callerNumber;
        this.callState = callState;
        this.line = line;
        this.calls = tile.calls().size();
        this.unansweredInARow = tile.unansweredInARow();
        this.timeInState = new ReadOnlyObjectWrapper<>(this, "timeInState", timeInState);
    }

    /** Whether this row shows {@code operator} as it is: then a pass keeps it. */
    boolean shows(BoardOperator operator) {
        return tile == operator || tile.equals(operator);
    }

    /** The name in the board's collation, computed once per row rather than once per comparison. */
    CollationKey nameKey() {
        return nameKey;
    }

    void updateTimeInState(Duration now) {
        if (!now.equals(timeInState.get())) {
            timeInState.set(now);
        }
    }

    public long userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String extensions() {
        return extensions;
    }

    public List<String> teams() {
        return teams;
    }

    public OperatorState state() {
        return state;
    }

    public Instant since() {
        return since;
    }

    /** How long the operator has been in {@code state}, by the board's clock at the last pass. */
    public Duration timeInState() {
        return timeInState.get();
    }

    public ReadOnlyObjectProperty<Duration> timeInStateProperty() {
        return timeInState.getReadOnlyProperty();
    }

    public String reason() {
        return reason;
    }

    public String caller() {
        return caller;
    }

    public String callerNumber() {
        return callerNumber;
    }

    public BoardCallState callState() {
        return callState;
    }

    public String line() {
        return line;
    }

    public int calls() {
        return calls;
    }

    public int unansweredInARow() {
        return unansweredInARow;
    }

    /** "Sales, Service"; empty for an operator in no team. */
    public String teamNames() {
        return String.join(", ", teams);
    }

    @Override
    public String toString() {
        return "OperatorRow[" + userId + " " + name + " " + state + " since " + since + "]";
    }
}
