package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an AMI login with a restricted {@code read=} sees: only events whose class (the first word of their
 * {@code Privilege}, e.g. {@code call} in {@code call,all}) it may read. Trace 15 is such a login ({@code call,agent}).
 */
public final class EventClasses {

    private final Set<String> readable;

    private EventClasses(Set<String> readable) {
        this.readable = readable;
    }

    /** E.g. {@code EventClasses.of("call", "agent")}. */
    public static EventClasses of(String... classes) {
        return new EventClasses(Set.of(classes).stream().map(c -> c.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** True for an event of a readable class, and for responses and events without a class (list items). */
    public boolean allows(AmiMessage message) {
        String privilege = message.get("Privilege");
        if (message.event() == null || privilege == null) {
            return true;
        }
        int comma = privilege.indexOf(',');
        String eventClass = (comma < 0 ? privilege : privilege.substring(0, comma)).toLowerCase(Locale.ROOT);
        return readable.contains(eventClass);
    }

    public List<TimedMessage> filter(List<TimedMessage> timeline) {
        return timeline.stream().filter(timed -> allows(timed.message())).toList();
    }
}
