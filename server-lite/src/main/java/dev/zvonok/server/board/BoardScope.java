package dev.zvonok.server.board;

import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.directory.User;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one viewer of the board may see: an admin everything; a supervisor the operators who share a team with them,
 * and the queues with at least one of those operators among the members. While nobody is in any team (a fresh
 * installation, or one that does not use teams) everyone is in one team, as before teams existed; once an admin puts
 * people in teams, a supervisor in none sees nobody — a board showing operators that are not theirs is the
 * complaint this scoping answers. Operators see no board.
 *
 * @param everything true for admins (and for everyone while nobody is in a team)
 * @param operators  the ids of the operators the viewer sees (all of them when {@code everything})
 */
public record BoardScope(boolean everything, Set<Long> operators) {

    public BoardScope {
        operators = Set.copyOf(operators);
    }

    /** Who appears on a board at all: active operators. */
    static boolean onBoard(User user) {
        return user.active() && user.role() == Role.OPERATOR;
    }

    /**
     * The scope of {@code viewerId}, given the directory's users now (all of them, active or not). The viewer's role
     * is the directory's when it knows them — a supervisor made an operator or disabled sees nothing from the next
     * frame on, whatever their token still says — else {@code tokenRole}.
     */
    static BoardScope of(long viewerId, Role tokenRole, List<User> users) {
        User viewer = users.stream().filter(user -> user.id() == viewerId).findFirst().orElse(null);
        Role role = viewer == null ? tokenRole : viewer.active() ? viewer.role() : Role.OPERATOR;
        boolean teamsInUse = users.stream().anyMatch(user -> !user.teams().isEmpty());
        Set<Long> seen = new HashSet<>();
        if (role == Role.ADMIN || (role == Role.SUPERVISOR && !teamsInUse)) {
            users.stream().filter(BoardScope::onBoard).forEach(user -> seen.add(user.id()));
            return new BoardScope(true, seen);
        }
        if (role != Role.SUPERVISOR) {
            return new BoardScope(false, Set.of());
        }
        Set<String> teams = viewer == null ? Set.of() : Set.copyOf(viewer.teams());
        for (User user : users) {
            if (onBoard(user) && user.teams().stream().anyMatch(teams::contains)) {
                seen.add(user.id());
            }
        }
        return new BoardScope(false, seen);
    }

    public boolean sees(long operatorId) {
        return operators.contains(operatorId);
    }

    /** A queue is the viewer's when one of their operators is a member; an admin sees every queue. */
    public boolean sees(BoardQueue queue) {
        if (everything) {
            return true;
        }
        for (QueueMember member : queue.members()) {
            if (member.userId() != null && sees(member.userId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The queue as the viewer sees it: a queue their team shares with another shows only the members the viewer sees
     * (and those no operator stands behind), never another team's operators by name or state.
     */
    public BoardQueue shown(BoardQueue queue) {
        if (everything) {
            return queue;
        }
        List<QueueMember> members = queue.members().stream()
                .filter(member -> member.userId() == null || sees(member.userId())).toList();
        return members.size() == queue.members().size() ? queue
                : new BoardQueue(queue.name(), queue.waiting(), queue.longestWaitSeconds(), members, queue.counters());
    }
}
