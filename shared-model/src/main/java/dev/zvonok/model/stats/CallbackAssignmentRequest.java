package dev.zvonok.model.stats;

/** {@code POST /api/stats/callbacks/{callId}/assignment}: give the call's number to this user to call back. */
public record CallbackAssignmentRequest(long userId) {
}
