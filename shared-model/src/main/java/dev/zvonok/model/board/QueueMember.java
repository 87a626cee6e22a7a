package dev.zvonok.model.board;

/**
 * A member of a queue as the PBX knows it.
 *
 * @param memberInterface the PBX's interface of the member ({@code PJSIP/777}, {@code Local/777@from-queue/n})
 * @param userId          the operator behind it, or null when no operator matches
 * @param name            the member's name: the operator's name, else the PBX's member name
 * @param pausedReason    why the member is paused, when the PBX says; null when not paused or not said
 */
public record QueueMember(String memberInterface, Long userId, String name, MemberState state, boolean paused,
                          String pausedReason) {
}
