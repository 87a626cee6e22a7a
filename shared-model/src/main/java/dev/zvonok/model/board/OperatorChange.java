package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What changed on a tile the supervisor already has: only the parts that changed travel, the rest is null (and left
 * out of the JSON). At 100 calls a second most of a thousand tiles change within a frame, but only their state and a
 * call: sending them whole cost a supervisor hundreds of kilobytes a second.
 *
 * @param name       the new name, or null when unchanged
 * @param extensions the new phones, or null when unchanged
 * @param teams      the new teams, or null when unchanged
 * @param state      the new state, or null when the state, its {@code since} and {@code reason} are all unchanged;
 *                   when given, {@code since} and {@code reason} are given too ({@code reason} null meaning none)
 * @param calls      calls that are new or changed beyond their state, whole; a changed call keeps its place, a new one
 *                   goes last
 * @param callsGone  ids of calls no longer on the tile
 * @param callStates calls that only moved to another state, applied after {@code calls} and {@code callsGone}
 * @param unansweredInARow the new count of calls not taken in a row, or null when unchanged
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OperatorChange(long userId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String name,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<String> extensions,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<String> teams,
                             OperatorState state, Instant since, String reason,
                             List<BoardCall> calls, List<String> callsGone, List<CallStateChange> callStates,
                             Integer unansweredInARow) {

    public OperatorChange {
        extensions = extensions == null ? null : List.copyOf(extensions);
        teams = teams == null ? null : List.copyOf(teams);
        calls = calls == null ? List.of() : List.copyOf(calls);
        callsGone = callsGone == null ? List.of() : List.copyOf(callsGone);
        callStates = callStates == null ? List.of() : List.copyOf(callStates);
    }

    /** What to send a supervisor who shows {@code before} so that they show {@code after}; empty when they are equal. */
    public static OperatorChange between(BoardOperator before, BoardOperator after) {
        if (before.userId() != after.userId()) {
            throw new IllegalArgumentException("not the same operator: " + before.userId() + ", " + after.userId());
        }
        boolean stateMoved = before.state() != after.state() || !java.util.Objects.equals(before.since(), after.since())
                || !java.util.Objects.equals(before.reason(), after.reason());
        KeyedLists.Delta<BoardCall, String> calls = KeyedLists.between(before.calls(), after.calls(),
                BoardCall::callId);
        // a call that only moved on travels as its state: the caller and line are on the client already
        java.util.Map<String, BoardCall> had = new java.util.HashMap<>();
        before.calls().forEach(call -> had.put(call.callId(), call));
        java.util.Set<String> gone = java.util.Set.copyOf(calls.gone());
        List<BoardCall> whole = new java.util.ArrayList<>();
        List<CallStateChange> moved = new java.util.ArrayList<>();
        for (BoardCall call : calls.upserted()) {
            BoardCall was = gone.contains(call.callId()) ? null : had.get(call.callId());
            CallStateChange state = was == null ? null : CallStateChange.between(was, call);
            if (state == null) {
                whole.add(call);
            } else {
                moved.add(state);
            }
        }
        return new OperatorChange(after.userId(),
                before.name().equals(after.name()) ? null : after.name(),
                before.extensions().equals(after.extensions()) ? null : after.extensions(),
                before.teams().equals(after.teams()) ? null : after.teams(),
                stateMoved ? after.state() : null, stateMoved ? after.since() : null,
                stateMoved ? after.reason() : null, whole, calls.gone(), moved,
                before.unansweredInARow() == after.unansweredInARow() ? null : after.unansweredInARow());
    }

    /** The tile {@code before} with this change applied. */
    public BoardOperator applyTo(BoardOperator before) {
        if (before.userId() != userId) {
            throw new IllegalArgumentException("a change of " + userId + " applied to " + before.userId());
        }
        return new BoardOperator(userId, name == null ? before.name() : name,
                extensions == null ? before.extensions() : extensions, teams == null ? before.teams() : teams,
                state == null ? before.state() : state, state == null ? before.since() : since,
                state == null ? before.reason() : reason,
                withStates(KeyedLists.apply(before.calls(), calls, callsGone, BoardCall::callId)),
                unansweredInARow == null ? before.unansweredInARow() : unansweredInARow);
    }

    private List<BoardCall> withStates(List<BoardCall> calls) {
        if (callStates.isEmpty()) {
            return calls;
        }
        java.util.Map<String, CallStateChange> moved = new java.util.HashMap<>();
        callStates.forEach(change -> moved.put(change.callId(), change));
        return calls.stream().map(call -> moved.containsKey(call.callId()) ? moved.get(call.callId()).applyTo(call)
                : call).toList();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return name == null && extensions == null && teams == null && state == null && calls.isEmpty()
                && callsGone.isEmpty() && callStates.isEmpty() && unansweredInARow == null;
    }
}
