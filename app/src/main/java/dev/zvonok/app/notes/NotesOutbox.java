package dev.zvonok.app.notes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveListener;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.CallNotesRules;
import dev.zvonok.model.call.NotesViolation;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Notes are never lost": what the operator writes on a call card goes to a journal on disk at once, then to the
 * server, and leaves the journal only when the server acknowledged that very text.
 *
 * <ul>
 *   <li>{@link #edit} on every change: checked against the server's limits (a violation is returned, nothing is
 *       kept), journaled (forced to disk, within milliseconds, before anything is sent), and sent as
 *       {@code update-call-notes} once the operator paused typing (debounce; the newest draft wins), naming the
 *       version last acknowledged. One save per card is in flight at a time, so versions follow each other.</li>
 *   <li>{@link #finish} ("Finish and close"): journaled, and sent as {@code finish-call} once the card's last draft
 *       is acknowledged; queued while offline; the card's journal entry is cleared on {@code call-finished}.</li>
 *   <li>After every (re)connect, when {@code active-calls} has told the server's versions, every unacknowledged draft
 *       is sent again against them, and every pending finish; a draft the server already holds word for word (its
 *       acknowledgement was lost with the connection) counts as acknowledged and is not sent twice.</li>
 *   <li>A new outbox over the same journal (after a crash or a restart) picks up where the old one stopped.</li>
 * </ul>
 *
 * <p><b>The conflict rule.</b> A {@code stale-version} answer means the card was saved elsewhere (another of the
 * operator's computers) since the version this app edited. The local draft wins: it is what the operator is looking
 * at and typing into, and dropping it silently is the one thing this class exists to prevent. It is sent again at
 * once on top of the server's version, and listeners get {@link NotesListener#conflict} with the server's text it
 * replaces, so the UI can show it to the operator (who may copy from it) rather than lose it unseen. When the
 * server's text is the same as the draft, there is no conflict: the draft counts as acknowledged.
 *
 * <p>Other refusals: {@code server-error} is retried after a pause; {@code unknown-call}, {@code invalid-field} and the
 * like are told to {@link NotesListener#rejected}, and the draft stays in the journal (not sent again until the next
 * edit or reconnect). Nothing leaves the journal without the server's acknowledgement, unless the operator
 * {@link #discard}s it.
 *
 * <p>Threading: the public methods may be called from any thread (the FX thread included) and do not wait for disk
 * or network. Everything else happens on the outbox's own thread, listeners included.
 */
public final class NotesOutbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotesOutbox.class);

    /** server-lite refuses WebSocket messages larger than this (its {@code WebSocketRoutes.MAX_MESSAGE_BYTES}). */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final NotesJournal journal;
    private final LiveConnection live;
    private final NotesOutboxSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("notes-outbox").daemon().factory());
    private final List<NotesListener> listeners = new CopyOnWriteArrayList<>();
    private final LiveListener fromServer = new LiveListener() {
        @Override
        public void stateChanged(ConnectionState state) {
            onThread(() -> connectionChanged(state));
        }

        @Override
        public void received(ServerMessage message) {
            onThread(() -> NotesOutbox.this.received(message));
        }
    };

    // confined to the outbox thread
    private final Map<String, PendingCard> cards = new LinkedHashMap<>();
    /** The server's notes version of every card seen (active-calls, acknowledgements, stale answers). */
    private final Map<String, Integer> knownVersions = new HashMap<>();
    private final Map<String, PendingCard> inFlight = new HashMap<>();
    /** Connected, and active-calls has told the server's versions: saves may go. */
    private boolean synced;
    private long refs;

    // for any thread
    private final Map<String, CallNotes> drafts = new ConcurrentHashMap<>();
    private volatile int pending = -1;

    public NotesOutbox(NotesJournal journal, LiveConnection live, NotesOutboxSettings settings, ObjectMapper json,
                       Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.live = Objects.requireNonNull(live, "live");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void addListener(NotesListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(NotesListener listener) {
        listeners.remove(listener);
    }

    /**
     * Loads what the journal holds (a previous run's unsent notes) on the outbox's thread and starts following the
     * live connection; returns at once, the caller's thread never waits for the disk. Start the connection once the
     * answer completes: the drafts it restores to the cards ({@link #unacknowledgedDraft}) are known by then, and its
     * first {@code active-calls} cannot pass unseen (messages are taken on the same thread, after the load).
     *
     * @return done when the journal is loaded; failed when it cannot be read (the outbox still works, without them)
     */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> loaded = CompletableFuture.runAsync(() -> {
            for (JournalEntry entry : journal.load()) {
                PendingCard card = PendingCard.of(entry);
                cards.put(card.callId, card);
                if (card.draft != null) {
                    drafts.put(card.callId, card.draft);
                }
            }
            if (!cards.isEmpty()) {
                log.info("Notes journal: {} card(s) with notes or a finish not yet on the server", cards.size());
            }
            recount();
        }, thread);
        live.addListener(fromServer);
        return loaded;
    }

    /**
     * The operator changed the card's notes: keep {@code draft}, then save it.
     *
     * @return the limit the draft breaks (nothing of it is kept: the UI should say so and keep the text in the
     *         field), or empty when it was taken
     */
    public Optional<NotesViolation> edit(String callId, CallNotes draft) {
        requireCallId(callId);
        Objects.requireNonNull(draft, "draft");
        Optional<NotesViolation> violation = CallNotesRules.check(draft).or(() -> tooLargeToSend(callId, draft));
        if (violation.isPresent()) {
            log.info("Notes of {} not taken: {}", callId, violation.get().message());
            return violation;
        }
        onThread(() -> edited(callId, draft));
        return Optional.empty();
    }

    /** "Finish and close": sent once the card's notes are saved; idempotent. */
    public void finish(String callId) {
        requireCallId(callId);
        onThread(() -> finishRequested(callId));
    }

    /**
     * The operator gives up a card's unsaved notes and finish, knowingly (e.g. a draft the server keeps rejecting as
     * not their call): they leave the journal. The only way anything leaves it without the server's acknowledgement.
     */
    public void discard(String callId) {
        requireCallId(callId);
        onThread(() -> {
            PendingCard card = cards.get(callId);
            if (card == null) {
                return;
            }
            if (card.inFlightRef != null) {
                inFlight.remove(card.inFlightRef);
            }
            log.info("Notes of {} discarded by the operator", callId);
            card.draft = null;
            card.finishRequested = false;
            drafts.remove(callId);
            journal(card);
            forget(card);
            recount();
        });
    }

    /**
     * The newest draft of the card that the server has not acknowledged yet, e.g. one a crash left in the journal:
     * the card should show this rather than the (older) notes of {@code active-calls}. Includes every edit taken
     * before the last {@link #awaitJournaled()} (and, in practice, within milliseconds of any edit).
     */
    public Optional<CallNotes> unacknowledgedDraft(String callId) {
        return Optional.ofNullable(drafts.get(callId));
    }

    /** Cards with notes not yet acknowledged or a finish not yet done; 0 before {@link #start()}. */
    public int pendingCount() {
        return Math.max(0, pending);
    }

    /** Waits until every edit and finish asked for so far is in the journal on disk. */
    public void awaitJournaled() {
        await(() -> {
        });
    }

    /** Stops; whatever is not acknowledged stays in the journal for the next start. */
    @Override
    public void close() {
        live.removeListener(fromServer);
        try {
            await(() -> cards.values().forEach(card -> {
                card.landed();
                if (card.debounce != null) {
                    card.debounce.cancel(false);
                }
            }));
        } catch (RejectedExecutionException alreadyClosed) {
            return;
        }
        thread.shutdown();
    }

    // ---------------------------------------------------------------------------------------- the outbox thread

    private void edited(String callId, CallNotes draft) {
        PendingCard card = cards.computeIfAbsent(callId,
                id -> new PendingCard(id, knownVersions.getOrDefault(id, draft.version())));
        card.draft = draft;
        card.draftSeq++;
        card.parked = false;
        drafts.put(callId, draft);
        journal(card);
        Instant now = clock.instant();
        if (card.firstUnsentEditAt == null) {
            card.firstUnsentEditAt = now;
        }
        if (card.debounce != null) {
            card.debounce.cancel(false);
        }
        // a pause in typing sends, and so does typing on for maxDelay
        Duration left = settings.maxDelay().minus(Duration.between(card.firstUnsentEditAt, now));
        Duration delay = left.compareTo(settings.debounce()) < 0 ? left : settings.debounce();
        card.debounce = thread.schedule(() -> {
            card.debounce = null;
            trySend(card);
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        recount();
    }

    private void finishRequested(String callId) {
        PendingCard card = cards.computeIfAbsent(callId, id -> new PendingCard(id, knownVersions.getOrDefault(id, 0)));
        if (card.finishRequested) {
            return;
        }
        card.finishRequested = true;
        journal(card);
        if (card.debounce != null) {
            // the operator is done: the last draft need not wait for the pause
            card.debounce.cancel(false);
            card.debounce = null;
        }
        trySend(card);
        recount();
    }

    /** Sends what the card needs next, if it may go now: its draft first, then its finish. */
    private void trySend(PendingCard card) {
        if (cards.get(card.callId) != card || !synced || card.inFlightRef != null) {
            return;
        }
        ClientMessage message;
        String ref;
        if (card.draft != null) {
            if (card.parked || card.isDebouncing()) {
                return;
            }
            ref = "notes-" + (++refs);
            CallNotes draft = card.draft;
            message = new ClientMessage.UpdateCallNotes(ref, card.callId, draft.notes(), draft.tags(),
                    draft.priority(), draft.clientInfo(), card.baseVersion);
        } else if (card.finishRequested) {
            ref = "finish-" + (++refs);
            message = new ClientMessage.FinishCall(ref, card.callId);
        } else {
            return;
        }
        if (!live.send(message)) {
            return; // not connected after all: everything goes again after the next active-calls
        }
        card.inFlightRef = ref;
        card.inFlightSeq = card.draftSeq;
        card.inFlightIsFinish = message instanceof ClientMessage.FinishCall;
        card.firstUnsentEditAt = null;
        inFlight.put(ref, card);
        card.ackTimeout = thread.schedule(() -> {
            if (ref.equals(card.inFlightRef)) {
                log.warn("No answer to {} for {} within {}; sending again", ref, card.callId, settings.ackTimeout());
                inFlight.remove(ref);
                card.landed();
                trySend(card);
            }
        }, settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connectionChanged(ConnectionState state) {
        if (!(state instanceof ConnectionState.Connected) && synced) {
            synced = false;
            forgetInFlight();
        }
    }

    private void received(ServerMessage message) {
        switch (message) {
            case ServerMessage.ActiveCalls restore -> resync(restore);
            case ServerMessage.NotesUpdated ack -> acknowledged(ack);
            case ServerMessage.CallFinished done -> finished(done.callId());
            case ServerMessage.Error error -> refused(error);
            case ServerMessage.IncomingCall ring when ring.replaces() != null -> renamed(ring.replaces(), ring.callId());
            default -> {
            }
        }
    }

    /** (Re)connected: the server's versions are known now; send everything again against them. */
    private void resync(ServerMessage.ActiveCalls restore) {
        forgetInFlight();
        synced = true;
        Map<String, CallNotes> stored = new HashMap<>();
        for (ActiveCall call : restore.calls()) {
            if (call.call() != null && call.notes() != null) {
                stored.put(call.call().callId(), call.notes());
                knownVersions.put(call.call().callId(), call.notes().version());
            }
        }
        for (PendingCard card : new ArrayList<>(cards.values())) {
            card.parked = false; // a new connection gives a refused draft another chance
            CallNotes onServer = stored.get(card.callId);
            if (onServer != null) {
                card.baseVersion = onServer.version();
                if (card.draft != null && CallNotesRules.sameContent(card.draft, onServer)) {
                    // saved before the connection dropped; only the answer was lost
                    draftLanded(card, onServer.version(), null);
                }
            }
            journal(card);
            if (!card.isPending()) {
                forget(card);
            } else {
                trySend(card);
            }
        }
        recount();
    }

    private void acknowledged(ServerMessage.NotesUpdated ack) {
        PendingCard card = inFlight.remove(ack.ref());
        if (card == null) {
            return; // an answer to another connection's save
        }
        boolean newest = card.inFlightSeq == card.draftSeq;
        card.landed();
        knownVersions.put(card.callId, ack.version());
        card.baseVersion = ack.version();
        if (newest) {
            draftLanded(card, ack.version(), ack.savedAt());
        } else {
            notify(listener -> listener.acknowledged(card.callId, ack.version(), ack.savedAt()));
        }
        journal(card);
        goOn(card);
    }

    private void finished(String callId) {
        PendingCard card = cards.get(callId);
        if (card == null) {
            knownVersions.remove(callId);
            return;
        }
        card.finishRequested = false;
        if (card.inFlightIsFinish) {
            inFlight.remove(card.inFlightRef);
            card.landed();
        }
        journal(card);
        if (!card.isPending()) {
            forget(card);
            knownVersions.remove(callId);
        } else {
            // closed elsewhere while a draft was on its way here: the server still stores notes on a closed card
            goOn(card);
        }
        recount();
    }

    private void refused(ServerMessage.Error error) {
        PendingCard card = error.ref() == null ? null : inFlight.remove(error.ref());
        if (card == null) {
            return; // not about notes (click-to-call...), or about an earlier connection's message
        }
        boolean wasFinish = card.inFlightIsFinish;
        long sentSeq = card.inFlightSeq;
        card.landed();
        String code = error.code() == null ? "" : error.code();
        if (code.equals(ErrorCode.STALE_VERSION.wireName()) && !wasFinish && error.current() != null) {
            rebase(card, error.current(), sentSeq);
        } else if (code.equals(ErrorCode.SERVER_ERROR.wireName())) {
            log.warn("The server failed to store {} of {} ({}); trying again in {}", wasFinish ? "the finish" : "notes",
                    card.callId, error.message(), settings.retryDelay());
            thread.schedule(() -> trySend(card), settings.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
        } else if (code.equals(ErrorCode.NOT_AUTHENTICATED.wireName())) {
            log.info("Not authenticated for {} of {}; sent again after the next reconnect", error.ref(), card.callId);
        } else {
            log.warn("The server refused {} of {}: {} {}", wasFinish ? "the finish" : "the notes", card.callId, code,
                    error.message());
            if (wasFinish) {
                card.finishRequested = false;
            } else {
                card.parked = true;
            }
            journal(card);
            NotesRejection rejection = new NotesRejection(code, error.message());
            notify(listener -> listener.rejected(card.callId, rejection));
            if (!card.isPending()) {
                forget(card);
            }
        }
        recount();
    }

    /** Saved elsewhere since the version sent: the local draft goes on top of the server's (see the class comment). */
    private void rebase(PendingCard card, CallNotes current, long sentSeq) {
        knownVersions.put(card.callId, current.version());
        card.baseVersion = current.version();
        if (card.draft != null && CallNotesRules.sameContent(card.draft, current)) {
            draftLanded(card, current.version(), null);
        } else if (card.draft != null) {
            CallNotes kept = card.draft;
            log.info("Notes of {} were changed elsewhere (now version {}); keeping the local draft (edit {}, sent {}) "
                    + "and saving it over them", card.callId, current.version(), card.draftSeq, sentSeq);
            notify(listener -> listener.conflict(card.callId, current, kept));
        }
        journal(card);
        goOn(card);
    }

    /** An attended transfer: the card now lives under the customer's call id. */
    private void renamed(String from, String to) {
        PendingCard card = cards.get(from);
        if (card == null || cards.containsKey(to)) {
            return;
        }
        cards.remove(from);
        try {
            journal.remove(from);
        } catch (IOException e) {
            log.warn("Cannot remove the journal entry of {} (now {}): {}", from, to, e.toString());
        }
        card.callId = to;
        cards.put(to, card);
        Integer version = knownVersions.remove(from);
        if (version != null) {
            knownVersions.put(to, version);
        }
        CallNotes draft = drafts.remove(from);
        if (draft != null) {
            drafts.put(to, draft);
        }
        journal(card);
        log.info("Notes of {} now belong to call {}", from, to);
    }

    /** The card's newest draft is on the server as {@code version}. */
    private void draftLanded(PendingCard card, int version, Instant savedAt) {
        CallNotes landed = card.draft;
        card.draft = null;
        if (landed != null) {
            drafts.remove(card.callId, landed);
        }
        notify(listener -> listener.acknowledged(card.callId, version, savedAt));
    }

    /** After an answer: forget a card with nothing left, or send what it needs next. */
    private void goOn(PendingCard card) {
        if (!card.isPending()) {
            forget(card);
        } else if (!card.isDebouncing()) {
            trySend(card);
        }
        recount();
    }

    private void forget(PendingCard card) {
        if (card.debounce != null) {
            card.debounce.cancel(false);
        }
        card.landed();
        cards.remove(card.callId, card);
    }

    private void forgetInFlight() {
        inFlight.clear();
        cards.values().forEach(PendingCard::landed);
    }

    /** Writes the card's entry, or removes it when the server has everything. */
    private void journal(PendingCard card) {
        try {
            if (card.isPending()) {
                journal.write(card.toEntry(clock.instant()));
            } else {
                journal.remove(card.callId);
            }
        } catch (IOException e) {
            // still sent: the server is the other safe place; only a crash before its answer would lose it
            log.error("Cannot write the notes journal for {} in {}: {}", card.callId, journal.directory(),
                    e.toString());
        }
    }

    private void recount() {
        int now = (int) cards.values().stream().filter(PendingCard::isPending).count();
        if (now != pending) {
            pending = now;
            notify(listener -> listener.pendingChanged(now));
        }
    }

    private void notify(Consumer<NotesListener> event) {
        for (NotesListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.error("A notes listener failed", e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** The whole message must fit the server's frame limit; JSON escapes can make it larger than the text. */
    private Optional<NotesViolation> tooLargeToSend(String callId, CallNotes draft) {
        try {
            int bytes = json.writeValueAsBytes(new ClientMessage.UpdateCallNotes("notes-" + Long.MAX_VALUE, callId,
                    draft.notes(), draft.tags(), draft.priority(), draft.clientInfo(), Integer.MAX_VALUE)).length;
            return bytes <= MAX_MESSAGE_BYTES ? Optional.empty()
                    : Optional.of(new NotesViolation("notes", "too large to send: " + bytes + " bytes, at most "
                    + MAX_MESSAGE_BYTES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the notes of " + callId, e);
        }
    }

    private static void requireCallId(String callId) {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("a call id is required");
        }
    }

    private void onThread(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("The notes outbox failed on a task; going on", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            log.warn("The notes outbox is closed; a change was not taken");
        }
    }

    private void await(Runnable task) {
        try {
            thread.submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the notes outbox did not answer", e);
        }
    }
}
