package dev.zvonok.server.pbx;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what an asterisk-java listener receives, and names events the way the recordings do. */
final class EventRecorder implements ManagerEventListener {

    /**
     * What asterisk-java adds on its own: Connect/Disconnect pseudo-events, a legacy Dial for every DialBegin and
     * legacy Bridge events.
     */
    static final Set<String> ADDED_BY_ASTERISK_JAVA = Set.of("connect", "disconnect", "dial", "bridge");

    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();
    private final List<Long> receivedAtNanos = new CopyOnWriteArrayList<>();

    @Override
    public void onManagerEvent(ManagerEvent event) {
        receivedAtNanos.add(System.nanoTime());
        events.add(event);
    }

    List<ManagerEvent> events() {
        return events;
    }

    List<Long> receivedAtNanos() {
        return receivedAtNanos;
    }

    <T extends ManagerEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Lower-case event names as on the wire ({@code NewChannelEvent} is {@code newchannel}), minus asterisk-java's own. */
    List<String> pbxEventNames() {
        return events.stream().map(EventRecorder::wireName).filter(n -> !ADDED_BY_ASTERISK_JAVA.contains(n)).toList();
    }

    void clear() {
        events.clear();
        receivedAtNanos.clear();
    }

    static String wireName(ManagerEvent event) {
        String simple = event.getClass().getSimpleName();
        return (simple.endsWith("Event") ? simple.substring(0, simple.length() - 5) : simple).toLowerCase(Locale.ROOT);
    }
}
