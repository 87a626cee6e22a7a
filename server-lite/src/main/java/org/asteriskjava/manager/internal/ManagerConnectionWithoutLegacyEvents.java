package org.asteriskjava.manager.internal;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.backwardsCompatibility.BackwardsCompatibilityForManagerEvents;

/**
 * asterisk-java's manager connection without the events its reader makes up for code written before Asterisk 13:
 * a {@code BridgeEvent} whenever a bridge holds two channels, and MeetMe re-enactments.
 *
 * <p>Zvonok reads neither, and the bridge part orders a bridge's two {@code BridgeEnter}s by their Uniqueids on the
 * reader thread: one {@code BridgeEnter} without {@code Uniqueid} (seen from Asterisk 22) throws a
 * NullPointerException there, which ends the reader and with it the connection. Without that layer, such an event
 * reaches our listener like any other and is dropped and counted there.
 *
 * <p>It lives in the library's package because the reader factory takes the library's package-private
 * {@code Dispatcher} and the layer sits in a package-private field of the reader; everything else of ours stays in
 * {@code dev.zvonok.server.ami}. Written against asterisk-java 3.42.2: if an upgrade renames either, this no longer
 * compiles, which is the point.
 */
public class ManagerConnectionWithoutLegacyEvents extends ManagerConnectionImpl {

    private static final BackwardsCompatibilityForManagerEvents NO_LEGACY_EVENTS =
            new BackwardsCompatibilityForManagerEvents() {
                @Override
                public ManagerEvent handleEvent(ManagerEvent event) {
                    return null;
                }
            };

    @Override
    protected ManagerReader createReader(Dispatcher dispatcher, Object source) {
        ManagerReaderImpl reader = new ManagerReaderImpl(dispatcher, source);
        reader.compatibility = NO_LEGACY_EVENTS;
        return reader;
    }
}
