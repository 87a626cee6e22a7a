package dev.zvonok.app.history;

import dev.zvonok.model.stats.AssignedCallback;
import dev.zvonok.model.stats.AssignedCallbacks;
import dev.zvonok.model.ws.ServerMessage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The numbers a supervisor gave this operator to call back ("To call back"), the longest waiting first, each with
 * "Call back". The server says when one is given or taken back ({@code callback-assigned}, {@code callback-withdrawn}
 * over the WebSocket: {@link #accept}); a number leaves the list once it is reached, which the server's list says
 * at the next read ({@link #refresh}, with the missed list's: after each of the operator's calls, F5, a reconnect).
 * FX thread, but {@link #accept}, which hops there itself.
 */
public final class ToCallBackViewModel {

    private final AssignedCallbacksSource source;
    private final Dialer dialer;
    private final Executor fxThread;

    private final ObservableList<AssignedCallback> rows = FXCollections.observableArrayList();
    private final ObservableList<AssignedCallback> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<AssignedCallback> given = new ReadOnlyObjectWrapper<>(this, "given");
    private final ReadOnlyObjectWrapper<CallBackStatus> callBack = new ReadOnlyObjectWrapper<>(this, "callBack");
    private long generation;

    public ToCallBackViewModel(AssignedCallbacksSource source, Dialer dialer, Executor fxThread) {
        this.source = Objects.requireNonNull(source, "source");
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Reads the list again; a failed read leaves what is shown (the live messages keep it close). */
    public void refresh() {
        long mine = ++generation;
        CompletableFuture<AssignedCallbacks> answer;
        try {
            answer = Objects.requireNonNull(source.assignedToMe(), "the source returned no future");
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenCompleteAsync((list, failure) -> {
            if (mine == generation && failure == null) {
                rows.setAll(list.callbacks());
            }
        }, fxThread);
    }

    /** A message of the live connection, on its thread: a number given or taken back. */
    public void accept(ServerMessage message) {
        if (message instanceof ServerMessage.CallbackAssigned assigned) {
            fxThread.execute(() -> given(assigned.callback()));
        } else if (message instanceof ServerMessage.CallbackWithdrawn withdrawn) {
            fxThread.execute(() -> {
                generation++; // a read under way may predate this
                rows.removeIf(row -> row.callId() == withdrawn.callId());
            });
        }
    }

    private void given(AssignedCallback callback) {
        generation++; // a read under way may predate this
        rows.removeIf(row -> row.callId() == callback.callId());
        int at = 0;
        while (at < rows.size() && !rows.get(at).missedAt().isAfter(callback.missedAt())) {
            at++;
        }
        rows.add(at, callback);
        given.set(callback);
    }

    /** Rings the operator's phone, which dials the number when picked up. */
    public void callBack(AssignedCallback item) {
        String number = item.number();
        CallBackStatus requested = new CallBackStatus(number, CallBackStatus.Stage.REQUESTED);
        callBack.set(requested);
        CompletableFuture<PlacedCall> answer;
        try {
            answer = Objects.requireNonNull(dialer.callBack(number), "the dialer returned no future");
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenCompleteAsync((placed, failure) -> {
            if (callBack.get() == requested) {
                CallBackStatus now = new CallBackStatus(number, failure == null
                        ? CallBackStatus.Stage.PHONE_RINGING : CallBackStatus.Stage.FAILED);
                callBack.set(now);
                if (placed != null) {
                    placed.reportTo(callBack, now, fxThread); // the phone not reached after all
                }
            }
        }, fxThread);
    }

    public ObservableList<AssignedCallback> rows() {
        return readOnlyRows;
    }

    /** The last number given while the app was open: what the notification tells. */
    public ReadOnlyObjectProperty<AssignedCallback> givenProperty() {
        return given.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CallBackStatus> callBackProperty() {
        return callBack.getReadOnlyProperty();
    }
}
