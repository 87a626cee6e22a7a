package dev.zvonok.app.card;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.ActiveCalls;
import dev.zvonok.model.ws.ServerMessage.Authenticated;
import dev.zvonok.model.ws.ServerMessage.CallAnswered;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.CallFinished;
import dev.zvonok.model.ws.ServerMessage.CallHistory;
import dev.zvonok.model.ws.ServerMessage.CallHold;
import dev.zvonok.model.ws.ServerMessage.CallTransferred;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.model.ws.ServerMessage.NotesUpdated;
import dev.zvonok.model.ws.ServerMessage.OriginateAccepted;
import dev.zvonok.model.ws.ServerMessage.Pong;
import dev.zvonok.model.ws.ServerMessage.Subscribed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operator's open call cards, kept up to date from the server's messages: a card per call (by call id), from the
 * first ring until "Finish and close", the end of a ring, or {@code call-finished}.
 *
 * <p><b>Threading:</b> not thread-safe. In the app every method is called on the FX thread: the WebSocket listener
 * makes its one hop ({@code FxThread}) before {@link #accept}, and the {@link TickSource} calls back on it. Nothing
 * here blocks or touches a window; edits leave through {@link CardSync}, which only queues. In tests, any one thread.
 *
 * <p>Feed it the operator's own messages only: a supervisor's "all calls" stream would open a card for every call.
 */
public final class CardsPresenter {

    private final CardSync sync;
    private final Clock clock;
    private final TickSource ticks;
    private CardLabels labels;

    private final Map<String, CardViewModel> byCallId = new LinkedHashMap<>();
    private final ObservableList<CardViewModel> cards = FXCollections.observableArrayList();
    private final ObservableList<CardViewModel> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final PhoneNumbers phones;
    private final ReadOnlyBooleanWrapper ringing = new ReadOnlyBooleanWrapper(this, "ringing");
    private final InvalidationListener ringMayHaveChanged = observable -> updateRing();
    private CardViewModel next;
    private boolean ticking;

    /**
     * @param clock  the time for the running timers and the hints, in the zone the call history's dates are shown in
     * @param locale the language of the cards (Russian or English)
     * @see #CardsPresenter(CardSync, Clock, TickSource, Locale, PhoneNumbers) numbers read by a server's own rules
     */
    public CardsPresenter(CardSync sync, Clock clock, TickSource ticks, Locale locale) {
        this(sync, clock, ticks, locale, PhoneNumbers.russian());
    }

    /** @param phones how numbers are shown: by the server's rules, which it sends at login */
    public CardsPresenter(CardSync sync, Clock clock, TickSource ticks, Locale locale, PhoneNumbers phones) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticks = Objects.requireNonNull(ticks, "ticks");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.labels = labelsIn(locale);
    }

    private CardLabels labelsIn(Locale locale) {
        // the package's one bundle: the same as Texts.of(CardView.class, locale)
        return new CardLabels(Texts.of(CardsPresenter.class, locale), clock.getZone(), phones);
    }

    /**
     * The operator chose another language: the cards opened from now on speak it. A card already open keeps its
     * words until it closes; switching in the middle of a call would only make the operator look for them.
     */
    public void changeLanguage(Locale locale) {
        if (!locale.equals(labels.locale())) {
            labels = labelsIn(locale);
            next = null; // made ahead in the old language
        }
    }

    /** The open cards, oldest first: the order they stack in from the screen's corner. */
    public ObservableList<CardViewModel> cards() {
        return cardsView;
    }

    /** True while a card rings and its ring was not silenced: the ring sound plays. */
    public ReadOnlyBooleanProperty ringingProperty() {
        return ringing.getReadOnlyProperty();
    }

    /**
     * The card the next call will open in, made ahead with no call in it yet, so that a view can be built for it
     * while nothing rings (building a view is most of a card's way to the screen). The same card until a call takes
     * it; a call comes in fine without one.
     */
    public CardViewModel nextCard() {
        if (next == null) {
            next = new CardViewModel(null, labels, sync, clock);
        }
        return next;
    }

    /** One message from the server, in the order the server sent them. Messages that are no card's are ignored. */
    public void accept(ServerMessage message) {
        Instant now = clock.instant();
        switch (message) {
            case IncomingCall call -> incoming(call, now);
            case CallHistory h -> find(h.callId())
                    .ifPresent(card -> card.showHistory(h.history(), h.knownClient(), now));
            case CallAnswered a -> answered(a, now);
            case CallHold h -> find(h.callId()).ifPresent(card -> card.hold(h.onHold()));
            case CallTransferred t -> transferred(t);
            case CallEnded e -> ended(e, now);
            case ActiveCalls restore -> {
                cards.forEach(CardViewModel::serverBack);
                restore(restore.calls(), now);
            }
            case NotesUpdated n -> find(n.callId()).ifPresent(card -> card.notesSaved(n.version()));
            case CallFinished f -> find(f.callId()).ifPresent(this::close);
            case ServerMessage.Error e -> refused(e); // not imported: it would hide java.lang.Error
            case Authenticated ignored -> { }
            case OriginateAccepted ignored -> { }
            case ServerMessage.DialFailed ignored -> { } // the call-back lists' own (LiveDialer)
            case Subscribed ignored -> { }
            case Pong ignored -> { }
            // the board's and the work status's frames: no card's business
            case ServerMessage.Board ignored -> { }
            case ServerMessage.BoardChanged ignored -> { }
            case ServerMessage.WorkStatusChanged ignored -> { }
            case ServerMessage.SpyAccepted ignored -> { } // the board's own answer
            case ServerMessage.SpyOutcome ignored -> { } // the board's own too
            // the numbers given to this operator to call back: the main window's list
            case ServerMessage.CallbackAssigned ignored -> { }
            case ServerMessage.CallbackWithdrawn ignored -> { }
        }
        afterChange();
    }

    /** Time passed: timers move, cards whose hint is over close. Called by the {@link TickSource}. */
    public void tick() {
        Instant now = clock.instant();
        for (CardViewModel card : List.copyOf(cards)) {
            if (card.tick(now)) {
                close(card);
            }
        }
        afterChange();
    }

    // ------------------------------------------------------------------------------------------ messages

    private void incoming(IncomingCall call, Instant now) {
        String replaced = call.replaces();
        if (replaced != null && !replaced.equals(call.callId()) && byCallId.containsKey(replaced)) {
            takeOver(byCallId.get(replaced), call, now);
            return;
        }
        CardViewModel card = byCallId.get(call.callId());
        if (card == null) {
            open(call.callId(), fresh -> {
                fresh.showCall(call, now);
                fresh.ring();
            });
        } else if (replaced != null) {
            card.showCall(call, now); // a merge, not a new ring: the card stays as it stands
        } else {
            card.showCall(call, now);
            card.ring();
        }
    }

    /**
     * An attended transfer made with the phone's transfer key: the consultation call's card now shows the customer's
     * call, under its id, and keeps its state and notes.
     */
    private void takeOver(CardViewModel card, IncomingCall call, Instant now) {
        CardViewModel already = byCallId.get(call.callId());
        if (already != null) {
            close(card); // the same phone had both calls: the server joined both cards' notes into the one kept
            already.showCall(call, now);
            return;
        }
        byCallId.remove(card.callId());
        card.rekey(call.callId());
        byCallId.put(call.callId(), card);
        card.showCall(call, now);
        if (card.notes().hasUnsavedEdits()) {
            card.notes().resend(); // what the outbox still holds under the old id will not find the call any more
        }
    }

    private void answered(CallAnswered answer, Instant now) {
        find(answer.callId()).ifPresent(card -> {
            if (answer.answeredElsewhere()) {
                card.closeSoon(card.labels().answeredBy(answer.answeredByName(), answer.answeredBy()), now);
            } else {
                card.answered(answer.at(), now);
            }
        });
    }

    private void transferred(CallTransferred transfer) {
        find(transfer.callId()).ifPresent(card -> {
            if (card.extension() != null && card.extension().equals(transfer.to())) {
                return; // passed on to this operator: the ring that follows says so
            }
            card.transferredAway(transfer.to(), transfer.at());
        });
    }

    private void ended(CallEnded end, Instant now) {
        find(end.callId()).ifPresent(card -> {
            if (end.awaitingFinish()) {
                card.ended(end);
            } else {
                card.closeSoon(card.labels().ringStopped(end.result()), now);
            }
        });
    }

    /**
     * {@code active-calls} after (re)connecting lists every card the server holds open for the operator: those are
     * shown as they stand there; a card not listed was closed while we were away (finished on another computer, or
     * its ring ended), unless it is closing here anyway.
     */
    private void restore(List<ActiveCall> open, Instant now) {
        Set<String> listed = new HashSet<>();
        for (ActiveCall restored : open) {
            String id = restored.call().callId();
            listed.add(id);
            CardViewModel card = byCallId.get(id);
            if (card == null) {
                open(id, fresh -> fresh.restore(restored, now));
            } else {
                card.restore(restored, now);
            }
            CardViewModel shown = byCallId.get(id);
            if (shown != null && !shown.notes().hasUnsavedEdits()) {
                sync.unsavedDraft(id).ifPresent(shown.notes()::recover);
            }
        }
        for (CardViewModel card : new ArrayList<>(cards)) {
            if (!listed.contains(card.callId()) && card.phase() != CardPhase.CLOSING) {
                close(card);
            }
        }
    }

    private void refused(ServerMessage.Error error) {
        if (error.callId() == null) {
            return; // no card's: the outbox knows its refs
        }
        find(error.callId()).ifPresent(card -> {
            if (ErrorCode.STALE_VERSION.wireName().equals(error.code())) {
                card.notesRefused(error.current());
            } else {
                card.notesFailed();
            }
        });
    }

    // ------------------------------------------------------------------------------------------ cards

    /** A new card, shown (added to {@link #cards()}) only once {@code fill} has put the call in. */
    private void open(String callId, Consumer<CardViewModel> fill) {
        CardViewModel card = next != null ? next : new CardViewModel(callId, labels, sync, clock);
        next = null;
        card.rekey(callId);
        fill.accept(card);
        card.phaseProperty().addListener(ringMayHaveChanged);
        card.ringSilencedProperty().addListener(ringMayHaveChanged);
        byCallId.put(callId, card);
        cards.add(card);
    }

    /** The link to the server is lost: every open card says so until the server lists the cards again. */
    public void connectionLost() {
        cards.forEach(CardViewModel::serverLost);
    }

    /**
     * Sends at once the finish of every card still in its undo window and closes them: the operator quits or logs
     * out, and what they finished must not be lost with the window.
     */
    public void finishPending() {
        for (CardViewModel card : List.copyOf(cards)) {
            if (card.finishNow()) {
                close(card);
            }
        }
        afterChange();
    }

    private void close(CardViewModel card) {
        card.phaseProperty().removeListener(ringMayHaveChanged);
        card.ringSilencedProperty().removeListener(ringMayHaveChanged);
        byCallId.remove(card.callId(), card);
        cards.remove(card);
    }

    private Optional<CardViewModel> find(String callId) {
        return Optional.ofNullable(callId == null ? null : byCallId.get(callId));
    }

    private void afterChange() {
        updateRing();
        if (!cards.isEmpty() && !ticking) {
            ticking = true;
            ticks.start(this::tick);
        } else if (cards.isEmpty() && ticking) {
            ticking = false;
            ticks.stop();
        }
    }

    private void updateRing() {
        ringing.set(cards.stream().anyMatch(CardViewModel::rings));
    }
}
