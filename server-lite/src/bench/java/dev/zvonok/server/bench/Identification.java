package dev.zvonok.server.bench;

import dev.zvonok.server.directory.CallerIdentity;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEventListener;

/**
 * What the tracking thread does for every ring on top of tracking: who is calling, and whose phone it is — the two
 * directory lookups the operator's card needs. Counts what it found, so that no work can be optimised away.
 */
final class Identification implements CallEventListener {

    private final Directory directory;
    long rings;
    long knownCallers;
    long knownOperators;
    long callsEnded;

    Identification(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallEvent.OfferRinging ring) {
            rings++;
            CallerIdentity caller = directory.identify(ring.call().callerNumber());
            if (caller.known()) {
                knownCallers++;
            }
            if (directory.operatorFor(ring.extension()).isPresent()) {
                knownOperators++;
            }
        } else if (event instanceof CallEvent.CallEnded) {
            callsEnded++;
        }
    }
}
