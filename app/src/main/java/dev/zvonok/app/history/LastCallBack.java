package dev.zvonok.app.history;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A list's "Call back" and how the last one went (requested, the phone ringing, failed, or the phone not reached after
 * all), the same for the missed calls, the numbers given to the operator and the supervisor's call-back list. Only the
 * latest tells: an answer to an earlier call back never overwrites a newer one's status. FX thread; answers through
 * {@code fxThread}.
 */
public final class LastCallBack {

    private final Dialer dialer;
    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<CallBackStatus> status = new ReadOnlyObjectWrapper<>(this, "callBack");

    public LastCallBack(Dialer dialer, Executor fxThread) {
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Rings the user's desk phone, which dials {@code number} when picked up (click-to-call). */
    public void callBack(String number) {
        CallBackStatus requested = new CallBackStatus(number, CallBackStatus.Stage.REQUESTED);
        status.set(requested);
        CompletableFuture<PlacedCall> answer = Answers.of(() -> dialer.callBack(number), "the dialer");
        answer.whenCompleteAsync((placed, failure) -> {
            if (status.get() == requested) { // not if another call back started meanwhile
                CallBackStatus now = new CallBackStatus(number, failure == null
                        ? CallBackStatus.Stage.PHONE_RINGING : CallBackStatus.Stage.FAILED);
                status.set(now);
                if (placed != null) {
                    placed.reportTo(status, now, fxThread); // the phone not reached after all
                }
            }
        }, fxThread);
    }

    /** The last "Call back": requested, the phone ringing, failed or not reached; null before the first. */
    public ReadOnlyObjectProperty<CallBackStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
