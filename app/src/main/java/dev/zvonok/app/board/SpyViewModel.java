package dev.zvonok.app.board;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.SpyMode;
import dev.zvonok.model.ws.ServerMessage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Listen, whisper, barge on the operator selected on the board: the server rings the supervisor's own phone into the
 * operator's call. Offered while the selected operator talks or holds a caller and no order waits for its answer;
 * the answer ({@code spy-accepted}, or the refusal with its reason), then the PBX's word on the supervisor's phone
 * ({@code spy-outcome}: picked up, or busy, not answered...) is the {@link #statusProperty() status}. The
 * selection is kept by operator, not by row: the board's rows are made afresh at every pass. FX thread, except where
 * a method says otherwise.
 */
public final class SpyViewModel {

    /** Where the last order stands. */
    public enum Outcome {
        /** Sent; the server has not answered yet. */
        SENT,
        /** The PBX took it: the supervisor's phone rings. */
        ACCEPTED,
        /** The supervisor picked up: they are in the operator's call. */
        CONNECTED,
        /** The supervisor's phone was not reached: {@link Status#code()} is the PBX's reason ({@code busy}...). */
        NOT_REACHED,
        /** The server lost its link to the PBX before the PBX said whether the supervisor's phone answered. */
        UNKNOWN,
        /** Refused: {@link Status#code()} says why, {@link Status#reason()} in the server's words. */
        REFUSED,
        /** Not connected to the server: nothing was sent. */
        NOT_CONNECTED
    }

    /**
     * @param operator the operator's name, as the board showed it
     * @param code     the server's error code when refused ({@code forbidden}, {@code unknown-call}...), else null
     */
    public record Status(Outcome outcome, SpyMode mode, String operator, String code, String reason) {
    }

    private final SpyControl control;
    private final Executor fxThread;
    private long sent;
    private String pendingRef;
    /** The order the PBX took and whose outcome is still to come. */
    private String ringingRef;
    private Long selectedId;
    private List<OperatorRow> rows = List.of();

    private final ReadOnlyObjectWrapper<OperatorRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status");

    /** @param fxThread where the server's answers are applied: {@code FxThread} in the app, {@code Runnable::run} in tests */
    public SpyViewModel(SpyControl control, Executor fxThread) {
        this.control = Objects.requireNonNull(control, "control");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** The supervisor picked an operator on the board; null for none. */
    public void select(Long operatorId) {
        selectedId = operatorId;
        refresh();
    }

    /** The board's operators after a pass (the board view-model calls it). */
    void rows(List<OperatorRow> fresh) {
        rows = List.copyOf(fresh);
        refresh();
    }

    private void refresh() {
        OperatorRow row = selectedId == null ? null
                : rows.stream().filter(r -> r.userId() == selectedId).findFirst().orElse(null);
        selected.set(row);
        available.set(row != null && pendingRef == null
                && (row.callState() == BoardCallState.TALKING || row.callState() == BoardCallState.HOLD));
    }

    public void listen() {
        spy(SpyMode.LISTEN);
    }

    public void whisper() {
        spy(SpyMode.WHISPER);
    }

    public void barge() {
        spy(SpyMode.BARGE);
    }

    private void spy(SpyMode mode) {
        OperatorRow row = selected.get();
        if (!available.get() || row == null) {
            return;
        }
        String ref = "spy-" + (++sent);
        if (control.send(ref, row.userId(), mode)) {
            pendingRef = ref;
            status.set(new Status(Outcome.SENT, mode, row.name(), null, null));
        } else {
            status.set(new Status(Outcome.NOT_CONNECTED, mode, row.name(), null, null));
        }
        refresh();
    }

    /** A server message; any thread (it hops to the FX thread itself). Anything but the answers is ignored. */
    public void accept(ServerMessage message) {
        switch (message) {
            case ServerMessage.SpyAccepted accepted -> fxThread.execute(() -> answered(accepted.ref(), null, null));
            case ServerMessage.SpyOutcome outcome -> fxThread.execute(() -> reached(outcome));
            case ServerMessage.Error error when error.ref() != null && error.ref().startsWith("spy-") ->
                    fxThread.execute(() -> answered(error.ref(), error.code(), error.message()));
            default -> {
            }
        }
    }

    private void answered(String ref, String code, String reason) {
        if (!ref.equals(pendingRef)) {
            return;
        }
        pendingRef = null;
        ringingRef = code == null ? ref : null;
        Status asked = status.get();
        status.set(new Status(code == null ? Outcome.ACCEPTED : Outcome.REFUSED, asked.mode(), asked.operator(), code,
                reason));
        refresh();
    }

    private void reached(ServerMessage.SpyOutcome outcome) {
        if (!outcome.ref().equals(ringingRef)) {
            return; // an older order's, or one answered before a newer was sent
        }
        ringingRef = null;
        Status asked = status.get();
        Outcome reached = outcome.connected() ? Outcome.CONNECTED
                : "unknown".equals(outcome.reason()) ? Outcome.UNKNOWN : Outcome.NOT_REACHED;
        status.set(new Status(reached, asked.mode(), asked.operator(), outcome.connected() ? null : outcome.reason(),
                null));
    }

    /** The live connection's state; any thread. An order sent on a lost socket is never answered. */
    public void connectionChanged(ConnectionState state) {
        if (state instanceof ConnectionState.Connected) {
            return;
        }
        fxThread.execute(() -> {
            if (pendingRef != null) {
                pendingRef = null;
                Status asked = status.get();
                status.set(new Status(Outcome.NOT_CONNECTED, asked.mode(), asked.operator(), null, null));
                refresh();
            }
        });
    }

    /** The operator selected, as the last pass showed them; null when none (or gone from the board). */
    public ReadOnlyObjectProperty<OperatorRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Whether listen / whisper / barge are offered now. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The last order and where it stands; null before the first. */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
