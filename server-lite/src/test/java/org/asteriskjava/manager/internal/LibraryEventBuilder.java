package org.asteriskjava.manager.internal;

import java.util.Map;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Test access to asterisk-java's own (package-private) event builder, so recorded messages become exactly the event
 * objects the library's reader would hand our listener, without a socket in between.
 */
public final class LibraryEventBuilder {

    private final EventBuilderImpl builder = new EventBuilderImpl();

    /** Attribute keys in lower case, as the library's reader passes them. Null for events it has no class for. */
    public ManagerEvent build(Object source, Map<String, Object> attributes) {
        return builder.buildEvent(source, attributes);
    }
}
