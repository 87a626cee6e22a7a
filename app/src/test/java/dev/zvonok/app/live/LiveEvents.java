package dev.zvonok.app.live;

import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Everything a live connection told its listeners, in order, for a test to wait for. */
public final class LiveEvents implements LiveListener {

    public static final Duration WAIT = Duration.ofSeconds(30);

    /** States and messages together, in the order they were delivered. */
    public final List<Object> all = new CopyOnWriteArrayList<>();
    public final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    public final List<ServerMessage> messages = new CopyOnWriteArrayList<>();
    public final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public void stateChanged(ConnectionState state) {
        threads.add(Thread.currentThread().getName());
        states.add(state);
        all.add(state);
    }

    @Override
    public void received(ServerMessage message) {
        threads.add(Thread.currentThread().getName());
        messages.add(message);
        all.add(message);
    }

    /** The first message of {@code type} that matches, once it arrived. */
    public <T extends ServerMessage> T await(Class<T> type, Predicate<T> matching) {
        return type.cast(Awaitility.await().atMost(WAIT).until(() -> messages.stream()
                .filter(type::isInstance).map(type::cast).filter(matching).findFirst().orElse(null),
                found -> found != null));
    }

    public <T extends ServerMessage> T await(Class<T> type) {
        return await(type, message -> true);
    }

    /** Waits until {@code count} messages of {@code type} arrived. */
    public <T extends ServerMessage> List<T> awaitCount(Class<T> type, int count) {
        Awaitility.await().atMost(WAIT).until(() -> count(type) >= count);
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public int count(Class<?> type) {
        return (int) all.stream().filter(type::isInstance).count();
    }

    /** Waits until the {@code count}th state of {@code type} was published; returns it. */
    public <T extends ConnectionState> T awaitState(Class<T> type, int count) {
        Awaitility.await().atMost(WAIT).until(() -> states.stream().filter(type::isInstance).count() >= count);
        return states.stream().filter(type::isInstance).map(type::cast).skip(count - 1).findFirst().orElseThrow();
    }

    public <T extends ConnectionState> T awaitState(Class<T> type) {
        return awaitState(type, 1);
    }

    public ConnectionState lastState() {
        return states.isEmpty() ? null : states.getLast();
    }
}
