package dev.zvonok.server.tracking;

/** Receives the tracker's events, on the tracking thread, in PBX order. Implementations must return quickly. */
@FunctionalInterface
public interface CallEventListener {

    void onCallEvent(CallEvent event);
}
