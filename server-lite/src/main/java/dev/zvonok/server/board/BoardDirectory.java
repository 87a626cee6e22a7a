package dev.zvonok.server.board;

import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.server.tracking.CallInfo;
import java.util.Optional;

/**
 * What the operators' states need to know of the directory, answered from memory: whose phone an extension is, who
 * a number is, which line a call came in on. An interface so that {@link OperatorStates} stays pure and its tests
 * need no database.
 */
interface BoardDirectory {

    /** The user whose phone has this extension. */
    Optional<Long> operatorOf(String extension);

    /** Who a number is; {@link CallerView#UNKNOWN} for null or a stranger. */
    CallerView caller(String number);

    /** The line the call came in on, or null. */
    LineView line(CallInfo call);
}
