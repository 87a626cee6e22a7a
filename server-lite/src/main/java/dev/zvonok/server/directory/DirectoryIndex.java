package dev.zvonok.server.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent picture of the directory: every known number (normalized) and whom it belongs to. Immutable;
 * replaced as a whole when the directory changes.
 */
final class DirectoryIndex {

    private final Map<String, CallerIdentity> callers;
    private final Map<String, User> operators;
    private final Map<String, Line> didLines;
    private final Map<String, Line> queueLines;
    private final List<User> users;

    private DirectoryIndex(Map<String, CallerIdentity> callers, Map<String, User> operators,
                           Map<String, Line> didLines, Map<String, Line> queueLines, List<User> users) {
        this.users = users;
        this.callers = callers;
        this.operators = operators;
        this.didLines = didLines;
        this.queueLines = queueLines;
    }

    /**
     * Reads the whole directory. A number in several places is, in this order, a colleague's, a dealer's, a
     * company's; within one kind the oldest entry wins.
     */
    static DirectoryIndex load(DirectoryLookups lookups) {
        Map<String, CallerIdentity> callers = new HashMap<>();
        Map<String, User> operators = new HashMap<>();
        List<User> users = lookups.users();
        for (User user : users) {
            for (UserPhone phone : user.phones()) {
                operators.putIfAbsent(phone.normalized(), user);
                callers.putIfAbsent(phone.normalized(),
                        CallerIdentity.user(phone.normalized(), user.id(), user.displayName()));
            }
        }
        addAbsent(callers, lookups.dealerNumbers());
        addAbsent(callers, lookups.companyNumbers());
        Map<String, Line> didLines = new HashMap<>();
        Map<String, Line> queueLines = new HashMap<>();
        for (Line line : lookups.lines()) {
            (line.kind() == LineKind.DID ? didLines : queueLines).putIfAbsent(line.normalized(), line);
        }
        return new DirectoryIndex(Map.copyOf(callers), Map.copyOf(operators), Map.copyOf(didLines),
                Map.copyOf(queueLines), List.copyOf(users));
    }

    private static void addAbsent(Map<String, CallerIdentity> callers, List<CallerIdentity> entries) {
        for (CallerIdentity entry : entries) {
            callers.putIfAbsent(entry.number(), entry);
        }
    }

    CallerIdentity caller(String normalized) {
        CallerIdentity known = callers.get(normalized);
        return known != null ? known : CallerIdentity.unknown(normalized);
    }

    Optional<User> operator(String normalized) {
        return Optional.ofNullable(operators.get(normalized));
    }

    /** The line of this incoming number (normalized), else of this queue. */
    Optional<Line> line(String didNormalized, String queue) {
        Line did = didNormalized == null ? null : didLines.get(didNormalized);
        if (did != null) {
            return Optional.of(did);
        }
        return Optional.ofNullable(queue == null ? null : queueLines.get(queue.strip()));
    }

    List<User> users() {
        return users;
    }

    int size() {
        return callers.size();
    }
}
