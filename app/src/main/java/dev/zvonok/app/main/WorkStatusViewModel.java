package dev.zvonok.app.main;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operator's own work status: Available, or a break with one of the server's reasons. The server's
 * {@code work-status} is the truth (it comes after {@code authenticate}, after every change from any of the operator's
 * apps or from the phone); a choice made here is pending until it comes back. FX thread, except where a method says
 * otherwise.
 */
public final class WorkStatusViewModel {

    private final WorkStatusControl control;
    private final Executor fxThread;
    private final Clock clock;
    private long sent;
    private String pendingRef;

    private final ReadOnlyObjectWrapper<WorkStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason");
    private final ReadOnlyObjectWrapper<Instant> since = new ReadOnlyObjectWrapper<>(this, "since");
    private final ReadOnlyLongWrapper seconds = new ReadOnlyLongWrapper(this, "seconds");
    private final ObservableList<String> breakReasons = FXCollections.observableArrayList();
    /** Kept: a listener added to a view made per call would go with the view's garbage. */
    private final ObservableList<String> breakReasonsView = FXCollections.unmodifiableObservableList(breakReasons);
    private final ReadOnlyStringWrapper pbxProblem = new ReadOnlyStringWrapper(this, "pbxProblem");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal");

    /** @param fxThread where the server's news is applied: {@code FxThread} in the app, {@code Runnable::run} in tests */
    public WorkStatusViewModel(WorkStatusControl control, Executor fxThread, Clock clock) {
        this.control = Objects.requireNonNull(control, "control");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Ready for calls. */
    public void available() {
        choose(WorkStatus.AVAILABLE, null);
    }

    /** A break with one of {@link #breakReasons()}. */
    public void takeBreak(String breakReason) {
        Objects.requireNonNull(breakReason, "breakReason");
        choose(WorkStatus.BREAK, breakReason);
    }

    private void choose(WorkStatus wanted, String why) {
        String ref = "work-status-" + (++sent);
        refusal.set(null);
        if (control.send(ref, wanted, why)) {
            pendingRef = ref;
            pending.set(true);
        } else {
            pendingRef = null;
            pending.set(false);
            connected.set(false);
        }
    }

    /** A server message; any thread (it hops to the FX thread itself). Anything but the work status is ignored. */
    public void accept(ServerMessage message) {
        switch (message) {
            case ServerMessage.WorkStatusChanged changed -> fxThread.execute(() -> show(changed));
            case ServerMessage.Error error when error.ref() != null -> fxThread.execute(() -> {
                if (error.ref().equals(pendingRef)) {
                    pendingRef = null;
                    pending.set(false);
                    refusal.set(error.message() == null || error.message().isBlank() ? error.code()
                            : error.message());
                }
            });
            default -> {
            }
        }
    }

    /** The live connection's state; any thread. The choice is offered only while connected. */
    public void connectionChanged(ConnectionState state) {
        boolean now = state instanceof ConnectionState.Connected;
        fxThread.execute(() -> {
            connected.set(now);
            if (!now) {
                pendingRef = null; // never answered on a lost socket; the next work-status says where it stands
                pending.set(false);
            }
        });
    }

    private void show(ServerMessage.WorkStatusChanged changed) {
        if (changed.ref() != null && changed.ref().equals(pendingRef)) {
            pendingRef = null;
            pending.set(false);
        }
        status.set(changed.status());
        reason.set(changed.reason());
        since.set(changed.since());
        if (!breakReasons.equals(changed.breakReasons())) {
            breakReasons.setAll(changed.breakReasons());
        }
        pbxProblem.set(changed.pbxProblem());
        refusal.set(null);
        connected.set(true);
        tick();
    }

    /** Recounts the time in the status; the integrator calls it periodically (FX thread). */
    public void tick() {
        Instant from = since.get();
        long elapsed = from == null ? 0 : Math.max(0, Duration.between(from, clock.instant()).toSeconds());
        seconds.set(elapsed);
    }

    /** Null until the server said. */
    public ReadOnlyObjectProperty<WorkStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The break's reason code; null when available. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> sinceProperty() {
        return since.getReadOnlyProperty();
    }

    /** Whole seconds in the current status, by the clock at the last {@link #tick()}. */
    public ReadOnlyLongProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** The break reason codes the server offers, in its order. */
    public ObservableList<String> breakReasons() {
        return breakReasonsView;
    }

    /** Why the PBX did not follow the status (the queue pause failed); null when it did. */
    public ReadOnlyStringProperty pbxProblemProperty() {
        return pbxProblem.getReadOnlyProperty();
    }

    /** A choice was sent and the server has not confirmed it yet. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Why the server refused the last choice, as it said; null when it did not. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }
}
