package dev.zvonok.server.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Hands each call event to several listeners, in order. */
public final class CallEventFanOut implements CallEventListener {

    private final List<CallEventListener> listeners;

    public CallEventFanOut(List<CallEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static CallEventListener of(CallEventListener... listeners) {
        return listeners.length == 1 ? listeners[0] : new CallEventFanOut(List.of(listeners));
    }

    @Override
    public void onCallEvent(CallEvent event) {
        for (CallEventListener listener : listeners) {
            listener.onCallEvent(event);
        }
    }

    @Override
    public void onReconciled(Instant at, Set<String> callsInProgress) {
        for (CallEventListener listener : listeners) {
            listener.onReconciled(at, callsInProgress);
        }
    }
}
