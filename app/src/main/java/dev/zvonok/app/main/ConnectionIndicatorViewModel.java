package dev.zvonok.app.main;

import dev.zvonok.app.live.ConnectionState;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The connection indicator in the main window's header: the live connection's state, and while it waits to
 * reconnect, the seconds left, counted down by {@link #tick()} (the view calls it every second).
 */
public final class ConnectionIndicatorViewModel {

    private final Reconnector reconnector;
    private final Executor fxThread;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", new ConnectionState.Connecting());
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper(this, "secondsLeft");
    private final BooleanBinding canReconnectNow = Bindings.createBooleanBinding(
            () -> state.get() instanceof ConnectionState.Reconnecting
                    || state.get() instanceof ConnectionState.Offline, state);

    /** @param fxThread where changes are applied: {@code FxThread} in the app, {@code Runnable::run} in tests */
    public ConnectionIndicatorViewModel(Reconnector reconnector, Executor fxThread, Clock clock) {
        this.reconnector = Objects.requireNonNull(reconnector, "reconnector");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The live connection's news; any thread (it hops to the FX thread itself). */
    public void connectionChanged(ConnectionState now) {
        Objects.requireNonNull(now, "now");
        fxThread.execute(() -> {
            state.set(now);
            tick();
        });
    }

    /** Recounts the seconds to the next attempt; FX thread. */
    public void tick() {
        if (state.get() instanceof ConnectionState.Reconnecting reconnecting) {
            Duration left = Duration.between(clock.instant(), reconnecting.nextAttempt());
            // rounded up: "in 1 s" until the attempt, never "in 0 s" a second early
            long seconds = left.isNegative() ? 0 : left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
            secondsLeft.set(seconds);
        } else {
            secondsLeft.set(0);
        }
    }

    public void reconnectNow() {
        if (canReconnectNow.get()) {
            reconnector.reconnectNow();
        }
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Seconds to the next attempt while reconnecting; 0 otherwise, and once the attempt is due. */
    public ReadOnlyLongProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public BooleanBinding canReconnectNowProperty() {
        return canReconnectNow;
    }
}
