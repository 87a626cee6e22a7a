package dev.zvonok.server.stats;

import java.util.Set;

/**
 * Whose calls a figure counts. An admin counts every call; a supervisor the calls of their teams: those that rang one
 * of the teams' operators, and those of the queues the teams serve — named, or served in the period by one of those
 * operators, so that a caller who gave up in the team's queue before any phone rang is counted too.
 *
 * @param users  the operators; ignored when {@code all}
 * @param queues queues counted whoever served them; ignored when {@code all}
 * @param filter what the question narrows that to (operator, team, line, queue, direction)
 */
public record StatsScope(boolean all, Set<Long> users, Set<String> queues, StatsFilter filter) {

    public StatsScope {
        users = Set.copyOf(users);
        queues = Set.copyOf(queues);
        filter = filter == null ? StatsFilter.NONE : filter;
    }

    public static StatsScope everything() {
        return new StatsScope(true, Set.of(), Set.of(), StatsFilter.NONE);
    }

    public static StatsScope of(Set<Long> users, Set<String> queues) {
        return new StatsScope(false, users, queues, StatsFilter.NONE);
    }

    /** This scope, narrowed by {@code narrower}. */
    public StatsScope narrowedTo(StatsFilter narrower) {
        return new StatsScope(all, users, queues, narrower);
    }

    /** True when nothing can be counted: no operator and no queue. */
    public boolean isEmpty() {
        return !all && users.isEmpty() && queues.isEmpty();
    }
}
