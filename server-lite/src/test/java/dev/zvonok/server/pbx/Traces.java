package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiTrace;

/** The recordings the tests use, by their number. */
final class Traces {

    static final String INBOUND_ANSWERED = "/ami-traces/01-inbound-answered-caller-hangup.ami";
    static final String CLICK_TO_CALL = "/ami-traces/09-click-to-call-originate.ami";
    static final String RESYNC = "/ami-traces/13-resync-coreshowchannels-status.ami";
    static final String RESTRICTED_USER = "/ami-traces/15-restricted-manager-user.ami";

    private Traces() {
    }

    static AmiTrace trace(String resource) {
        return AmiTrace.loadResource(resource);
    }

    static TraceTimeline timeline(String resource) {
        return TraceTimeline.loadResource(resource);
    }
}
