package dev.zvonok.model.board;

import java.time.Instant;
import java.util.Objects;

/**
 * A call on a tile that only moved on (rang → talking → wrap-up): its new state and since, without the caller and line
 * the client has already. Most of a busy board's call changes are these.
 */
public record CallStateChange(String callId, BoardCallState state, Instant since) {

    public CallStateChange {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
    }

    /** The change from {@code before} to {@code after} when nothing but the state and since moved, else null. */
    static CallStateChange between(BoardCall before, BoardCall after) {
        BoardCall moved = new BoardCall(before.callId(), before.direction(), before.callerNumber(), before.caller(),
                before.line(), before.queue(), before.transferredFrom(), after.state(), after.since());
        return moved.equals(after) ? new CallStateChange(after.callId(), after.state(), after.since()) : null;
    }

    BoardCall applyTo(BoardCall call) {
        return new BoardCall(call.callId(), call.direction(), call.callerNumber(), call.caller(), call.line(),
                call.queue(), call.transferredFrom(), state, since);
    }
}
