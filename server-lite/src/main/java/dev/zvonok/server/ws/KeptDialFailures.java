package dev.zvonok.server.ws;

import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dial-failed} words the PBX gave while their user had no socket open (the app reconnecting after a
 * network blip or a server's restart of the socket layer), kept for a while so that the user's next socket hears
 * them once. Bounded twice: a word older than {@link #KEPT_FOR} is of no use (the app forgets a call it placed after
 * ten minutes; the phone has long stopped ringing), and at most {@link #MAX_PER_USER} per user, the newest.
 *
 * <p>Not thread-safe: only the delivery thread keeps and takes, the same thread that attaches sockets, so a word is
 * either sent to a socket of the user or kept for the next one, never both.
 */
final class KeptDialFailures {

    /** Long enough for an app to come back from a blip or a server restart; short enough to still mean something. */
    static final Duration KEPT_FOR = Duration.ofMinutes(5);
    /** More click-to-calls than an operator places while their app is away. */
    static final int MAX_PER_USER = 20;

    private final Map<Long, Deque<ServerMessage.DialFailed>> byUser = new HashMap<>();

    /** The user has no socket open: {@code word} waits for their next one, saying since when. */
    void keep(long userId, ServerMessage.DialFailed word, Instant now) {
        forgetOld(now);
        Deque<ServerMessage.DialFailed> words = byUser.computeIfAbsent(userId, id -> new ArrayDeque<>());
        if (words.size() >= MAX_PER_USER) {
            words.removeFirst();
        }
        words.addLast(word.asKeptSince(now));
    }

    /** What was kept for the user and is still worth telling, oldest first; forgotten here, so told once. */
    List<ServerMessage.DialFailed> take(long userId, Instant now) {
        forgetOld(now);
        Deque<ServerMessage.DialFailed> words = byUser.remove(userId);
        return words == null ? List.of() : List.copyOf(words);
    }

    int size() {
        return byUser.values().stream().mapToInt(Deque::size).sum();
    }

    private void forgetOld(Instant now) {
        Instant oldest = now.minus(KEPT_FOR);
        byUser.values().removeIf(words -> {
            words.removeIf(kept -> kept.keptSince().isBefore(oldest));
            return words.isEmpty();
        });
    }
}
