package dev.zvonok.server.ws;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import java.time.Duration;
import java.util.Optional;

/**
 * The cards the delivery thread has shown, readable from the WebSocket threads: for a user's card of a call, the
 * ring it popped up with (which extension, and what to seed the call's rows with if the operator writes before the
 * recorder did). Bounded, and forgiving: a card missing here (after a restart, or long after its call) is looked up
 * in the database instead.
 */
final class CardIndex {

    /** A thousand operators' cards of the last hour or so; an older card is found in the database. */
    private final Cache<UserCard, IncomingCall> rings = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(2))
            .build();

    void put(UserCard key, IncomingCall ring) {
        rings.put(key, ring);
    }

    Optional<IncomingCall> get(UserCard key) {
        return Optional.ofNullable(rings.getIfPresent(key));
    }

    void remove(UserCard key) {
        rings.invalidate(key);
    }
}
