package org.asteriskjava.manager.internal;

import dev.zvonok.server.ami.AmiEventClasses;
import dev.zvonok.server.amiwire.AmiMessage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Test and benchmark access to asterisk-java's own (package-private) event builder, so that AMI messages become
 * exactly the event objects the library's reader would hand our listener, without a socket in between.
 */
public final class LibraryEventBuilder {

    private final EventBuilderImpl builder = new EventBuilderImpl();

    public LibraryEventBuilder() {
        AmiEventClasses.registerWith(builder::registerEventClass);
    }

    /** The event the library's reader builds from this message; null for events it has no class for. */
    public ManagerEvent build(Object source, AmiMessage message) {
        // the reader hands the builder lower-case keys, the first value of a repeated key winning
        Map<String, Object> attributes = new HashMap<>();
        for (int i = 0; i < message.size(); i++) {
            attributes.putIfAbsent(message.keyAt(i).toLowerCase(Locale.ENGLISH), message.valueAt(i));
        }
        return builder.buildEvent(source, attributes);
    }
}
