package dev.zvonok.app.card;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One call's card: what the operator sees (read-only properties, already in words) and what they can do (the notes,
 * finish, collapse, silence the ring). The {@link CardsPresenter} moves it from ringing to active to ended; it knows no
 * view and no thread, so it is tested without JavaFX running.
 */
public final class CardViewModel {

    /** How long an "answered by a colleague" or "missed" hint stays before the card closes itself. */
    static final Duration HINT_DURATION = Duration.ofSeconds(2);
    /** How long a finished card stays, with Reopen, before it closes and the finish is sent: the undo of a slip. */
    static final Duration UNDO_WINDOW = Duration.ofSeconds(4);
    /** A click this soon after Finish is the same gesture (a double click), never a Reopen. */
    static final Duration CLICK_GUARD = Duration.ofMillis(600);

    private final CardLabels labels;
    private final CardSync sync;
    private final Clock clock;

    private final ReadOnlyStringWrapper callId = new ReadOnlyStringWrapper(this, "callId");
    private final ReadOnlyObjectWrapper<CardPhase> phase =
            new ReadOnlyObjectWrapper<>(this, "phase", CardPhase.RINGING);
    private final ReadOnlyObjectWrapper<CallerKind> callerKind =
            new ReadOnlyObjectWrapper<>(this, "callerKind", CallerKind.UNKNOWN);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper callerDetail = new ReadOnlyStringWrapper(this, "callerDetail", "");
    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper(this, "number", "");
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper(this, "line", "");
    private final ReadOnlyStringWrapper transferredFrom = new ReadOnlyStringWrapper(this, "transferredFrom", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
    private final ReadOnlyBooleanWrapper onHold = new ReadOnlyBooleanWrapper(this, "onHold");
    private final ReadOnlyBooleanWrapper historyLoading = new ReadOnlyBooleanWrapper(this, "historyLoading");
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyBooleanWrapper ringSilenced = new ReadOnlyBooleanWrapper(this, "ringSilenced");
    private final ReadOnlyBooleanWrapper collapsed = new ReadOnlyBooleanWrapper(this, "collapsed");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection", "");
    private final BooleanExpression canFinish = phase.isEqualTo(CardPhase.ENDED);
    private final BooleanExpression canReopen = phase.isEqualTo(CardPhase.FINISHED);
    private final NotesDraft notes;

    private String extension;
    private Instant answeredAt;
    private Duration talked;
    private String transferredTo;
    private String hint;
    private Instant closeAt;
    private Instant finishedAt;

    CardViewModel(String callId, CardLabels labels, CardSync sync, Clock clock) {
        this.labels = labels;
        this.sync = sync;
        this.clock = clock;
        this.callId.set(callId);
        this.notes = new NotesDraft(draft -> sync.notesEdited(this.callId.get(), draft));
        notes.saveStateProperty().addListener((property, was, now) -> saveStatus.set(saveStatusText(now)));
        // a card starts ringing, and says so: restored as ringing from active-calls, it is never told to ring()
        enter(CardPhase.RINGING);
    }

    // ------------------------------------------------------------------------------------------ what the view shows

    public ReadOnlyStringProperty callIdProperty() {
        return callId.getReadOnlyProperty();
    }

    public String callId() {
        return callId.get();
    }

    public ReadOnlyObjectProperty<CardPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public CardPhase phase() {
        return phase.get();
    }

    /** For the caller's icon. */
    public ReadOnlyObjectProperty<CallerKind> callerKindProperty() {
        return callerKind.getReadOnlyProperty();
    }

    /** The caller's name, or their number when the directory does not know them. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Dealer · ООО «Волга-Авто»", "Colleague", "Unknown caller"... */
    public ReadOnlyStringProperty callerDetailProperty() {
        return callerDetail.getReadOnlyProperty();
    }

    /** The number in readable form; empty when the title shows it already. */
    public ReadOnlyStringProperty numberProperty() {
        return number.getReadOnlyProperty();
    }

    /** The dialled line and queue, or "Outgoing call"; may be empty. */
    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    /** "Transferred from 777", or empty. */
    public ReadOnlyStringProperty transferredFromProperty() {
        return transferredFrom.getReadOnlyProperty();
    }

    /**
     * "Pick up the handset", "Conversation active" (or "On hold"), "Call ended", "Transferred to 888", or the closing
     * hint.
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The running talk time while active, the talk duration once ended, else empty. */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onHoldProperty() {
        return onHold.getReadOnlyProperty();
    }

    /** The caller's last calls are still being looked up: they arrive with {@code call-history}. */
    public ReadOnlyBooleanProperty historyLoadingProperty() {
        return historyLoading.getReadOnlyProperty();
    }

    /** The caller's last calls, newest first. */
    public ObservableList<HistoryRow> history() {
        return historyView;
    }

    public ReadOnlyBooleanProperty ringSilencedProperty() {
        return ringSilenced.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty collapsedProperty() {
        return collapsed.getReadOnlyProperty();
    }

    /**
     * Empty while the server is reachable; else that the card may be out of date (what happened to the call since the
     * link was lost is not known here).
     */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** "Saving…", "Saved ✓", "Changed on another computer"...; empty before the first edit. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    public BooleanExpression canFinishProperty() {
        return canFinish;
    }

    /** Finished a moment ago: Reopen still brings the card back. */
    public BooleanExpression canReopenProperty() {
        return canReopen;
    }

    public NotesDraft notes() {
        return notes;
    }

    // ------------------------------------------------------------------------------------------ commands

    /**
     * "Finish and close": only once the call is over. The card stays in its place for {@link #UNDO_WINDOW}, saying
     * so, with Reopen; then it closes and the outbox sends the finish. Nothing moves under the pointer meanwhile, so
     * a double click cannot finish the card that would have slid into the first one's place.
     */
    public void finish() {
        if (phase.get() != CardPhase.ENDED) {
            return;
        }
        finishedAt = clock.instant();
        closeAt = finishedAt.plus(UNDO_WINDOW);
        enter(CardPhase.FINISHED);
    }

    /** Undoes "Finish and close" within its window; the second click of a double click is ignored. */
    public void reopen() {
        if (phase.get() != CardPhase.FINISHED || clock.instant().isBefore(finishedAt.plus(CLICK_GUARD))) {
            return;
        }
        finishedAt = null;
        closeAt = null;
        enter(CardPhase.ENDED);
    }

    /** A finished card whose window is still open: its finish is sent now (the app quits, the operator logs out). */
    boolean finishNow() {
        if (phase.get() != CardPhase.FINISHED) {
            return false;
        }
        closeAt = null;
        sendFinish();
        return true;
    }

    /** Stops this card's ring; a new ring of the same call rings again. */
    public void silenceRing() {
        ringSilenced.set(true);
    }

    /** Out of the way without losing it (Esc): the header and the status stay. */
    public void collapse() {
        collapsed.set(true);
    }

    public void expand() {
        collapsed.set(false);
    }

    public void toggleCollapsed() {
        collapsed.set(!collapsed.get());
    }

    // ------------------------------------------------------------------------------------------ from the presenter

    String extension() {
        return extension;
    }

    /** The words of this card, in the language it opened in. */
    CardLabels labels() {
        return labels;
    }

    /** The call this card is about: its first one (a card made ahead has none yet), or the one that took it over. */
    void rekey(String newCallId) {
        callId.set(newCallId);
    }

    /** Who calls and on which line, as the ring (or the restored card) says; the history only when it has some. */
    void showCall(IncomingCall call, Instant now) {
        extension = call.extension();
        String party = CardLabels.partyNumber(call);
        callerKind.set(call.caller() == null ? CallerKind.UNKNOWN : call.caller().kind());
        title.set(labels.title(call.caller(), party));
        callerDetail.set(labels.callerDetail(call.caller()));
        String shownNumber = labels.number(party);
        number.set(shownNumber == null || shownNumber.equals(title.get()) ? "" : shownNumber);
        line.set(labels.line(call));
        transferredFrom.set(labels.transferredFrom(call.transferredFrom()));
        if (call.history() != null) {
            showHistory(call.history(), call.knownClient(), now);
        } else if (history.isEmpty()) {
            historyLoading.set(true);
        }
    }

    /**
     * The caller's last calls, and what the server knows of the client behind the number: the client fields start
     * from it unless the operator already wrote there.
     */
    void showHistory(List<HistoryEntry> entries, ClientInfo knownClient, Instant now) {
        history.setAll(entries.stream().map(entry -> labels.historyRow(entry, now)).toList());
        historyLoading.set(false);
        notes.prefill(knownClient);
    }

    /** The phone rings (again: a queue's next round, or the call came back): a fresh ring, the same notes. */
    void ring() {
        answeredAt = null;
        talked = null;
        transferredTo = null;
        closeAt = null;
        onHold.set(false);
        ringSilenced.set(false);
        collapsed.set(false);
        enter(CardPhase.RINGING);
    }

    void answered(Instant at, Instant now) {
        answeredAt = Objects.requireNonNullElse(at, now);
        closeAt = null;
        enter(CardPhase.ACTIVE);
        tick(now);
    }

    void hold(boolean held) {
        if (phase.get() != CardPhase.ACTIVE) {
            return; // a late hold of a call that is over says nothing any more
        }
        onHold.set(held);
        status.set(labels.texts().get(held ? "card.onHold" : "card.active"));
    }

    /** This operator passed the call on: their part is over, the card waits for "Finish and close". */
    void transferredAway(String to, Instant at) {
        transferredTo = to;
        if (answeredAt != null && talked == null && at != null) {
            talked = Duration.between(answeredAt, at);
        }
        onHold.set(false);
        closeAt = null;
        enter(CardPhase.ENDED);
    }

    void ended(CallEnded ended) {
        if (ended.talkSeconds() != null) {
            talked = Duration.ofSeconds(ended.talkSeconds());
        } else if (answeredAt != null && ended.at() != null && talked == null) {
            talked = Duration.between(answeredAt, ended.at());
        }
        onHold.set(false);
        closeAt = null;
        enter(CardPhase.ENDED);
    }

    /** Shows {@code text} for a moment, then the presenter closes the card. */
    void closeSoon(String text, Instant now) {
        hint = text;
        closeAt = now.plus(HINT_DURATION);
        onHold.set(false);
        enter(CardPhase.CLOSING);
    }

    /** After a (re)connect: where the card stands on the server, with the notes stored there. */
    void restore(ActiveCall card, Instant now) {
        showCall(card.call(), now);
        switch (card.state()) {
            case RINGING -> {
                if (phase.get() != CardPhase.RINGING) {
                    ring();
                }
            }
            case ACTIVE -> {
                if (phase.get() != CardPhase.ACTIVE) {
                    answered(card.answeredAt(), now);
                }
            }
            case ENDED -> {
                if (phase.get() != CardPhase.ENDED) {
                    if (card.answeredAt() != null) {
                        answeredAt = card.answeredAt();
                    }
                    if (answeredAt != null && card.endedAt() != null) {
                        talked = Duration.between(answeredAt, card.endedAt());
                    }
                    closeAt = null;
                    enter(CardPhase.ENDED);
                }
            }
        }
        notes.restore(card.notes());
    }

    void notesSaved(int version) {
        notes.saved(version);
    }

    void notesRefused(CallNotes current) {
        notes.refused(current);
    }

    void notesFailed() {
        notes.failed();
    }

    /** Time passed: the running timer moves. Returns whether the card's closing hint is over. */
    boolean tick(Instant now) {
        if (phase.get() == CardPhase.ACTIVE && answeredAt != null) {
            elapsed.set(CardLabels.duration(Duration.between(answeredAt, now)));
        }
        if (closeAt == null || now.isBefore(closeAt)) {
            return false;
        }
        if (phase.get() == CardPhase.FINISHED) {
            sendFinish(); // nobody took it back: now it is final
        }
        return true;
    }

    /** The link to the server is lost: the card says so at once, and a ring it shows is no longer confirmed. */
    void serverLost() {
        if (connection.get().isEmpty()) {
            connection.set(labels.texts().get("card.offline"));
            enter(phase.get());
        }
    }

    /** The server told again where every card stands. */
    void serverBack() {
        if (!connection.get().isEmpty()) {
            connection.set("");
            enter(phase.get());
        }
    }

    boolean rings() {
        return phase.get() == CardPhase.RINGING && !ringSilenced.get();
    }

    /** The card as it shows is what is stored for the call: a known client the fields show goes before the finish. */
    private void sendFinish() {
        notes.sendPrefill();
        sync.finish(callId.get());
    }

    private void enter(CardPhase next) {
        phase.set(next);
        var texts = labels.texts();
        switch (next) {
            case RINGING -> {
                // a ring the server cannot confirm may have ended long ago: "pick up" would be a guess
                status.set(texts.get(connection.get().isEmpty() ? "card.pickUp" : "card.ringUnknown"));
                elapsed.set("");
            }
            case ACTIVE -> status.set(texts.get(onHold.get() ? "card.onHold" : "card.active"));
            case ENDED -> {
                status.set(transferredTo != null ? labels.transferredTo(transferredTo) : texts.get("card.ended"));
                elapsed.set(talked == null ? "" : CardLabels.duration(talked));
            }
            case FINISHED -> status.set(texts.get("card.finished"));
            case CLOSING -> {
                status.set(hint);
                elapsed.set("");
            }
        }
    }

    private String saveStatusText(SaveState state) {
        var texts = labels.texts();
        return switch (state) {
            case UNCHANGED -> "";
            case SAVING -> texts.get("card.save.saving");
            case SAVED -> texts.get("card.save.saved");
            case CONFLICT -> texts.get("card.save.conflict");
            case FAILED -> texts.get("card.save.failed");
        };
    }

    @Override
    public String toString() {
        return "CardViewModel[" + callId.get() + ", " + phase.get() + "]";
    }
}
