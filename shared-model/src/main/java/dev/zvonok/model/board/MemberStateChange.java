package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A queue member that only moved to another state or pause (the operator behind it and its name are on the client
 * already): most of a busy queue's member changes are these, a phone ringing, in use, free again.
 *
 * @param pausedReason why the member is paused, when the PBX says; null otherwise
 */
public record MemberStateChange(String memberInterface, MemberState state, boolean paused,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String pausedReason) {

    public MemberStateChange {
        Objects.requireNonNull(memberInterface, "memberInterface");
    }

    /** The change from {@code before} to {@code after} when nothing but the state and pause moved, else null. */
    static MemberStateChange between(QueueMember before, QueueMember after) {
        QueueMember moved = new QueueMember(before.memberInterface(), before.userId(), before.name(), after.state(),
                after.paused(), after.pausedReason());
        return moved.equals(after)
                ? new MemberStateChange(after.memberInterface(), after.state(), after.paused(), after.pausedReason())
                : null;
    }

    QueueMember applyTo(QueueMember member) {
        return new QueueMember(member.memberInterface(), member.userId(), member.name(), state, paused, pausedReason);
    }
}
