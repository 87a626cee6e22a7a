package dev.zvonok.server.dialfailures;

import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code dial-failed} words no app of their user has acknowledged yet, each as it is told late (with
 * {@code keptSince}): told to the sockets open when the PBX said it, and again to each socket the user opens next,
 * until an app acknowledges it. A word written into a socket that was already dead (a closed laptop lid, a half-open
 * connection the server has not noticed yet) is so not lost; an old app that never acknowledges costs one word per
 * new socket, never a word again on the same one. Bounded twice: a word older than {@link #KEPT_FOR} is of no use (the
 * phone has long stopped ringing), and at most {@link #MAX_PER_USER} per user, the newest. {@link DialFailureStore}
 * keeps the same rows for a server restart, bounded the same.
 *
 * <p>Not thread-safe: only the delivery thread ({@code ws.CallDelivery}) keeps, reads and forgets, the same thread
 * that attaches sockets, so each socket hears a word once: as it happens, or when the socket is attached.
 */
public final class KeptDialFailures {

    /** Long enough for an app to come back from a blip or a server restart; short enough to still mean something. */
    public static final Duration KEPT_FOR = Duration.ofMinutes(5);
    /** More click-to-calls than an operator places while their app is away. */
    public static final int MAX_PER_USER = 20;

    private final Map<Long, Deque<ServerMessage.DialFailed>> byUser = new HashMap<>();

    /** Kept for the user's next sockets until acknowledged; {@code word} carries its id and when the PBX said it. */
    public void keep(long userId, ServerMessage.DialFailed word, Instant now) {
        Objects.requireNonNull(word.id(), "id");
        Objects.requireNonNull(word.keptSince(), "keptSince");
        forgetOld(now);
        Deque<ServerMessage.DialFailed> words = byUser.computeIfAbsent(userId, id -> new ArrayDeque<>());
        if (words.size() >= MAX_PER_USER) {
            words.removeFirst();
        }
        words.addLast(word);
    }

    /** What the user has not acknowledged and is still worth telling, oldest first; kept until acknowledged. */
    public List<ServerMessage.DialFailed> unacknowledged(long userId, Instant now) {
        forgetOld(now);
        Deque<ServerMessage.DialFailed> words = byUser.get(userId);
        return words == null ? List.of() : List.copyOf(words);
    }

    /** An app of the user has the word: no socket hears it again. Someone else's id changes nothing. */
    public void acknowledged(long userId, String id) {
        Deque<ServerMessage.DialFailed> words = byUser.get(userId);
        if (words != null) {
            words.removeIf(kept -> kept.id().equals(id));
            if (words.isEmpty()) {
                byUser.remove(userId);
            }
        }
    }

    public int size() {
        return byUser.values().stream().mapToInt(Deque::size).sum();
    }

    /** The oldest moment a word may have been said at {@code now} to be still kept: the database forgets by it too. */
    public static Instant oldestKeptAt(Instant now) {
        return now.minus(KEPT_FOR);
    }

    private void forgetOld(Instant now) {
        Instant oldest = oldestKeptAt(now);
        byUser.values().removeIf(words -> {
            words.removeIf(kept -> kept.keptSince().isBefore(oldest));
            return words.isEmpty();
        });
    }
}
