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

    private DirectoryIndex(Map<String, CallerIdentity> callers, Map<String, User> operators) {
        this.callers = callers;
        this.operators = operators;
    }

    /**
     * Reads the whole directory. A number in several places is, in this order, a colleague's, a dealer's, a
     * company's; within one kind the oldest entry wins.
     */
    static DirectoryIndex load(DirectoryLookups lookups) {
        Map<String, CallerIdentity> callers = new HashMap<>();
        Map<String, User> operators = new HashMap<>();
        for (User user : lookups.users()) {
            for (UserPhone phone : user.phones()) {
                operators.putIfAbsent(phone.normalized(), user);
                callers.putIfAbsent(phone.normalized(),
                        CallerIdentity.user(phone.normalized(), user.id(), user.displayName()));
            }
        }
        addAbsent(callers, lookups.dealerNumbers());
        addAbsent(callers, lookups.companyNumbers());
        return new DirectoryIndex(Map.copyOf(callers), Map.copyOf(operators));
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

    int size() {
        return callers.size();
    }
}
