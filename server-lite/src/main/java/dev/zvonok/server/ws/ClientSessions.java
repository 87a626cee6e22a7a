package dev.zvonok.server.ws;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every open WebSocket, and which user each belongs to: the only place delivery looks up where a message goes. A
 * user may hold several (two PCs, a reconnect racing its predecessor's close); each gets every message.
 */
final class ClientSessions {

    private final Map<String, ClientSession> all = new ConcurrentHashMap<>();
    private final Map<Long, Set<ClientSession>> byUser = new ConcurrentHashMap<>();
    private final Set<ClientSession> watchingAll = ConcurrentHashMap.newKeySet();

    void opened(ClientSession session) {
        all.put(session.id(), session);
    }

    ClientSession get(String id) {
        return all.get(id);
    }

    /** From now on the session receives its user's calls. */
    void attach(ClientSession session) {
        byUser.computeIfAbsent(session.user().id(), id -> ConcurrentHashMap.newKeySet()).add(session);
        if (session.watchesAllCalls()) {
            watchingAll.add(session);
        }
    }

    void watchAll(ClientSession session) {
        session.watchAllCalls();
        watchingAll.add(session);
    }

    /** The user may no longer see every call (no longer a supervisor). */
    void stopWatchingAll(ClientSession session) {
        session.stopWatchingAllCalls();
        watchingAll.remove(session);
    }

    void closed(ClientSession session) {
        all.remove(session.id());
        watchingAll.remove(session);
        if (session.user() != null) {
            byUser.computeIfPresent(session.user().id(), (id, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    Collection<ClientSession> ofUser(long userId) {
        Set<ClientSession> sessions = byUser.get(userId);
        return sessions == null ? List.of() : sessions;
    }

    Collection<ClientSession> watchingAllCalls() {
        return watchingAll;
    }

    int open() {
        return all.size();
    }

    int authenticated() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    Collection<ClientSession> all() {
        return all.values();
    }
}
