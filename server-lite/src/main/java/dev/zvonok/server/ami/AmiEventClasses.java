package dev.zvonok.server.ami;

import java.util.List;
import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.ManagerEvent;

/** Our event classes that replace asterisk-java's for the fields it drops; registered on every connection. */
public final class AmiEventClasses {

    private static final List<Class<? extends ManagerEvent>> CLASSES = List.of(ResyncChannelEvent.class);

    private AmiEventClasses() {
    }

    public static void registerOn(ManagerConnection connection) {
        registerWith(connection::registerUserEventClass);
    }

    /** For anything else that builds events the way the library does (the tests' and benchmarks' event builder). */
    public static void registerWith(Consumer<Class<? extends ManagerEvent>> registry) {
        CLASSES.forEach(registry);
    }
}
