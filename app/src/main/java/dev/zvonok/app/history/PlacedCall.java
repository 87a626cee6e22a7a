package dev.zvonok.app.history;

import dev.zvonok.model.ws.DialFailure;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;

/**
 * A click-to-call the server accepted: the desk phone is about to ring. {@link #notReached()} completes if the PBX
 * then did not ring the phone through (busy, not picked up in time...) or never said whether it did
 * ({@link DialFailure#UNKNOWN}); for a call that went through it never completes — the server says nothing then.
 */
public record PlacedCall(CompletableFuture<DialFailure> notReached) {

    public PlacedCall {
        Objects.requireNonNull(notReached, "notReached");
    }

    /**
     * Once the phone was not reached, {@code status} says why — unless another call back replaced {@code ringing}
     * meanwhile. {@code status} is changed on {@code fxThread}.
     */
    public void reportTo(ObjectProperty<CallBackStatus> status, CallBackStatus ringing, Executor fxThread) {
        notReached.thenAcceptAsync(why -> {
            if (status.get() == ringing) {
                status.set(ringing.notReached(why));
            }
        }, fxThread);
    }
}
