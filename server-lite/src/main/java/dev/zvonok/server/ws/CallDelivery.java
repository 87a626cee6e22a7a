package dev.zvonok.server.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.calls.NumberHistory;
import dev.zvonok.server.dialfailures.DialFailureStore;
import dev.zvonok.server.dialfailures.KeptDialFailures;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.pipeline.OrderedStage;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEvent.CallEnded;
import dev.zvonok.server.tracking.CallEvent.CallHeld;
import dev.zvonok.server.tracking.CallEvent.CallResumed;
import dev.zvonok.server.tracking.CallEvent.CallStarted;
import dev.zvonok.server.tracking.CallEvent.CallTransferred;
import dev.zvonok.server.tracking.CallEvent.CallsMerged;
import dev.zvonok.server.tracking.CallEvent.OfferAnswered;
import dev.zvonok.server.tracking.CallEvent.OfferEnded;
import dev.zvonok.server.tracking.CallEvent.OfferRinging;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.tracking.CallInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the tracker's call events into the messages of the operators whose phones ring, and of nobody else.
 *
 * <p>The tracking thread only submits; the delivery thread (an {@link OrderedStage}) then, in PBX order: finds the
 * operator of the ringing extension and who is calling (directory, cached), the caller's last calls, keeps the cards
 * ({@link LiveCalls}), and writes each message once to the sessions of that operator and of supervisors watching all
 * calls. A client that (re)connects is attached on the same thread, between two events, so it gets every card exactly
 * once: in {@code active-calls}, or as the messages that follow.
 */
public final class CallDelivery implements CallEventListener, AutoCloseable {

    static final int HISTORY_SIZE = 3;
    /** How long {@link #close()} lets the delivery thread send what it was given. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);

    private final Directory directory;
    private final PartyLookups parties;
    private final ClientSessions sessions;
    private final Frames frames;
    private final DeliveryMetrics metrics;
    private final CardIndex index;
    private final LiveCalls live = new LiveCalls();
    /** Only on the delivery thread, as attaching is: a socket hears a word as it happens or when attached, once. */
    private final KeptDialFailures keptDialFailures = new KeptDialFailures();
    private final Clock clock;
    private final OrderedStage<Work> stage;

    CallDelivery(Directory directory, HistoryLookup history, ClientSessions sessions, ObjectMapper json,
                 DeliveryMetrics metrics, CardIndex index, Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.parties = new PartyLookups(history, HISTORY_SIZE);
        this.sessions = sessions;
        this.frames = new Frames(json);
        this.metrics = metrics;
        this.index = index;
        this.stage = OrderedStage.oneByOne("call-delivery", CLOSE_PATIENCE, this::handle);
    }

    CallDelivery start() {
        stage.start();
        return this;
    }

    /** On the tracking thread: submit and return. */
    @Override
    public void onCallEvent(CallEvent event) {
        stage.submit(new Delivery(event));
    }

    /** Runs {@code task} on the delivery thread, between two call events. */
    void execute(Runnable task) {
        stage.submit(new Task(task));
    }

    /** Call events and tasks submitted and not done yet. */
    long queued() {
        return stage.depth();
    }

    /** Call events and tasks that threw (logged by the stage); the delivery went on with the next. */
    long failures() {
        return stage.failed();
    }

    /** What the delivery thread does, in order: a call event to deliver, or a client's request between two. */
    private sealed interface Work {
    }

    private record Delivery(CallEvent event) implements Work {
    }

    private record Task(Runnable task) implements Work {
    }

    private void handle(Work work) {
        switch (work) {
            case Delivery(CallEvent event) -> deliver(event);
            case Task(Runnable task) -> task.run();
        }
    }

    private void deliver(CallEvent event) {
        switch (event) {
            case OfferRinging e -> ringing(e);
            case OfferAnswered e -> answered(e);
            case OfferEnded e -> offerEnded(e);
            case CallTransferred e -> transferred(e);
            case CallHeld e -> hold(e.callId(), e.extension(), e.at(), true);
            case CallResumed e -> hold(e.callId(), e.extension(), e.at(), false);
            case CallsMerged e -> merged(e);
            case CallEnded e -> callEnded(e);
            case CallStarted e -> meet(live.open(e.call()), otherParty(e.call()));
        }
    }

    // ---------------------------------------------------------------------------------------------------- calls

    /**
     * Who the other party is (the directory, in memory) and, off this thread, their last calls: looked up as soon
     * as the call appears, usually before its first phone rings.
     */
    private void meet(LiveCalls.LiveCall call, String number) {
        call.partyNumber = number;
        call.party = directory.callerView(number);
        call.history = null;
        call.knownClient = null;
        String callId = call.info.callId();
        parties.lastCalls(number).thenAccept(history -> execute(() -> historyArrived(callId, number, history)));
    }

    /**
     * The last calls are in: every card of the call that popped up without them gets them now, with what is known
     * of the client.
     */
    private void historyArrived(String callId, String number, NumberHistory found) {
        LiveCalls.LiveCall call = live.call(callId);
        if (call == null || !Objects.equals(number, call.partyNumber)) {
            return; // the call ended, or its other party turned out to be somebody else
        }
        call.history = found.lastCalls();
        call.knownClient = KnownClient.of(found.lastClient(), call.party);
        for (Card card : call.cards.values()) {
            if (card.incoming.history() == null) {
                card.incoming = card.incoming.withHistory(call.history, call.knownClient);
                send(Optional.of(card.userId), new ServerMessage.CallHistory(callId, call.history,
                        call.knownClient));
            }
        }
    }

    private void ringing(OfferRinging e) {
        LiveCalls.LiveCall call = live.open(e.call());
        String party = otherParty(e.call());
        if (call.party == null || !Objects.equals(party, call.partyNumber)) {
            meet(call, party); // appeared before we were watching, or a click-to-call turned out to be outbound
        }
        IncomingCall message = new IncomingCall(e.callId(), e.call().direction(), e.call().callerNumber(),
                call.party, e.call().dialedNumber(), e.call().queue(), e.extension(), e.at(), e.transferredFrom(),
                call.history, null, call.knownClient, lineOf(e.call()));
        Optional<User> operator = directory.operatorFor(e.extension());
        Card card = call.cards.get(e.extension());
        if (card == null && operator.isPresent()) {
            card = new Card(operator.get().id(), message);
            call.cards.put(e.extension(), card);
            index.put(new UserCard(e.callId(), card.userId), message);
        } else if (card != null) {
            card.incoming = message; // rings again (a queue's next round): a fresh pop-up, the same card
            card.state = ActiveCall.State.RINGING;
        }
        send(operator.map(User::id), message);
        metrics.delivered(e.at());
    }

    private void answered(OfferAnswered e) {
        Card card = card(e.callId(), e.extension());
        if (card != null) {
            card.state = ActiveCall.State.ACTIVE;
            card.answeredAt = e.at();
        }
        send(userOf(card), new ServerMessage.CallAnswered(e.callId(), e.extension(), e.at(), false, e.extension(),
                nameOf(e.extension())));
    }

    private void offerEnded(OfferEnded e) {
        LiveCalls.LiveCall call = live.call(e.callId());
        Card card = call == null ? null : call.cards.get(e.extension());
        Optional<Long> user = userOf(card);
        if (e.result() == OfferResult.ANSWERED_ELSEWHERE) {
            if (call != null) {
                call.cards.remove(e.extension());
            }
            send(user, new ServerMessage.CallAnswered(e.callId(), e.extension(), e.at(), true, e.answeredBy(),
                    nameOf(e.answeredBy())));
            return;
        }
        boolean talked = e.result() == OfferResult.ANSWERED || e.result() == OfferResult.TRANSFERRED;
        Long talkSeconds = null;
        if (card != null) {
            card.result = e.result();
            card.endedAt = e.at();
            if (talked && card.answeredAt != null) {
                talkSeconds = Duration.between(card.answeredAt, e.at()).toSeconds();
            }
            if (talked) {
                card.state = ActiveCall.State.ENDED;
            } else {
                call.cards.remove(e.extension());
                index.remove(new UserCard(e.callId(), card.userId));
            }
        }
        send(user, new ServerMessage.CallEnded(e.callId(), e.extension(), e.at(), e.result(), null, talkSeconds,
                talked && card != null));
    }

    private void transferred(CallTransferred e) {
        send(userOf(card(e.callId(), e.from())),
                new ServerMessage.CallTransferred(e.callId(), e.at(), e.from(), e.to(), e.kind()));
    }

    private void hold(String callId, String extension, Instant at, boolean onHold) {
        send(userOf(card(callId, extension)), new ServerMessage.CallHold(callId, extension, at, onHold));
    }

    /** A consultation call became part of the customer's call: its cards now show the customer's call. */
    private void merged(CallsMerged e) {
        LiveCalls.LiveCall into = live.call(e.callId());
        for (Card card : live.merge(e.absorbedCallId(), e.callId())) {
            IncomingCall was = card.incoming;
            card.incoming = new IncomingCall(e.callId(), into.info.direction(), into.info.callerNumber(), into.party,
                    into.info.dialedNumber(), into.info.queue(), was.extension(), was.ringAt(),
                    was.transferredFrom(), into.history, e.absorbedCallId(), into.knownClient, lineOf(into.info));
            index.put(new UserCard(e.callId(), card.userId), card.incoming);
            send(Optional.of(card.userId), card.incoming);
        }
    }

    private void callEnded(CallEnded e) {
        LiveCalls.LiveCall call = live.call(e.callId());
        if (call != null) {
            for (Card card : call.cards.values()) {
                card.disposition = e.record().disposition();
            }
        }
        live.ended(e.callId());
    }

    // ---------------------------------------------------------------------------------------------------- clients

    /**
     * Attaches an authenticated client: from now on it receives its user's calls. Sends {@code authenticated} and
     * {@code active-calls}: the live cards, and the unfinished ones the database holds from before (a server
     * restart), each once; then the click-to-call failures the user has not acknowledged, told late. {@code stored}
     * and {@code notes} were read from the database beforehand, off this thread.
     */
    void attach(ClientSession session, ServerMessage.Authenticated authenticated, List<ActiveCall> stored,
                Map<String, CallNotes> notes) {
        execute(() -> {
            sessions.attach(session);
            Map<String, ActiveCall> cards = new LinkedHashMap<>();
            for (ActiveCall restored : stored) {
                cards.put(restored.call().callId(), restored);
            }
            for (Card card : live.cardsOf(session.user().id())) {
                cards.put(card.callId(), card.snapshot(notes.getOrDefault(card.callId(), CallNotes.NONE)));
            }
            sendTo(List.of(session), authenticated);
            sendTo(List.of(session), new ServerMessage.ActiveCalls(new ArrayList<>(cards.values())));
            for (ServerMessage.DialFailed kept : keptDialFailures.unacknowledged(session.user().id(),
                    clock.instant())) {
                sendTo(List.of(session), kept);
            }
        });
    }

    /** A supervisor's board: every call from now on, starting with every card open now. */
    void watchAll(ClientSession session, String ref) {
        execute(() -> {
            sessions.watchAll(session);
            sendTo(List.of(session), new ServerMessage.Subscribed(ref, "all"));
            List<ActiveCall> cards = live.allCards().stream().map(card -> card.snapshot(null)).toList();
            sendTo(List.of(session), new ServerMessage.ActiveCalls(cards));
        });
    }

    /** After "Finish and close" was stored: the card closes on every client of the user. */
    void finished(UserCard key, ServerMessage.CallFinished message) {
        execute(() -> {
            live.finish(key);
            index.remove(key);
            send(Optional.of(key.userId()), message);
        });
    }

    /** To every session of the user (not to those watching all calls), after what was queued before. */
    void sendToUser(long userId, ServerMessage message) {
        execute(() -> sendTo(List.copyOf(sessions.ofUser(userId)), message));
    }

    /**
     * A click-to-call's failure, said by the PBX at {@code saidAt}: to every open socket of the user now, and kept
     * until an app of theirs acknowledges it, to be told late to each socket they authenticate next, whichever app it
     * is (the word is about their phone, not about one window). A socket open now is never told it again: an app that
     * does not acknowledge (an old one) hears it once per socket, for as long as it is kept.
     */
    void tellDialFailed(long userId, ServerMessage.DialFailed word, Instant saidAt) {
        execute(() -> {
            keptDialFailures.keep(userId, word.asKeptSince(saidAt), clock.instant());
            sendTo(sessions.ofUser(userId).stream().filter(ClientSession::isOpen).toList(), word);
        });
    }

    /** An app of the user has the failure {@code id}: the user's next sockets are not told it. */
    void dialFailureAcknowledged(long userId, String id) {
        execute(() -> keptDialFailures.acknowledged(userId, id));
    }

    /** At start, before any socket: the failures a server before this one kept and nobody acknowledged. */
    void restoreDialFailures(List<DialFailureStore.Kept> kept) {
        execute(() -> kept.forEach(k -> keptDialFailures.keep(k.userId(), k.word(), clock.instant())));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private Card card(String callId, String extension) {
        LiveCalls.LiveCall call = live.call(callId);
        return call == null ? null : call.cards.get(extension);
    }

    private static Optional<Long> userOf(Card card) {
        return card == null ? Optional.empty() : Optional.of(card.userId);
    }

    /** The number the card is about: the caller, or the called number of an operator's outbound call. */
    private static String otherParty(CallInfo call) {
        return call.direction() == CallDirection.OUTBOUND ? call.dialedNumber() : call.callerNumber();
    }

    /** The line the call came in on as the directory names it now: the same the call's record keeps. */
    private LineView lineOf(CallInfo call) {
        return directory.lineOf(call.direction(), call.dialedNumber(), call.queue())
                .map(line -> new LineView(line.name(), line.source())).orElse(null);
    }

    private String nameOf(String extension) {
        return extension == null ? null : directory.operatorFor(extension).map(User::displayName).orElse(null);
    }

    /** To the user's sessions and to every session watching all calls, each once. */
    private void send(Optional<Long> user, ServerMessage message) {
        Set<ClientSession> targets = new LinkedHashSet<>(sessions.watchingAllCalls());
        user.ifPresent(id -> targets.addAll(sessions.ofUser(id)));
        sendTo(targets, message);
    }

    private void sendTo(Collection<ClientSession> targets, ServerMessage message) {
        if (targets.isEmpty()) {
            return;
        }
        String text = frames.of(message);
        for (ClientSession session : targets) {
            session.send(text);
            metrics.frame();
        }
    }

    @Override
    public void close() {
        parties.close();
        stage.close();
    }
}
