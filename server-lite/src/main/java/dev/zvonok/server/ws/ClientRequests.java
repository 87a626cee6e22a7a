package dev.zvonok.server.ws;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.board.SpyMode;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.ami.ChanSpy;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.board.Board;
import dev.zvonok.server.board.SpyTarget;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.calls.CallCards;
import dev.zvonok.server.calls.CardKey;
import dev.zvonok.server.calls.CardSeed;
import dev.zvonok.server.calls.CardsUnavailableException;
import dev.zvonok.server.calls.FinishResult;
import dev.zvonok.server.calls.OpenCard;
import dev.zvonok.server.calls.SaveResult;
import dev.zvonok.server.calls.UnknownCall;
import dev.zvonok.server.dialfailures.DialFailureStore;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserRepository;
import dev.zvonok.server.workstatus.CurrentStatus;
import dev.zvonok.server.workstatus.WorkStatuses;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what an authenticated client asks: save a card's notes, close a card, place a call, watch all calls, ping.
 * Runs on the client's WebSocket thread (a client's messages are handled one after the other); every save is in the
 * database before its acknowledgement leaves, and a refused message changes nothing.
 */
final class ClientRequests {

    private static final Logger log = LoggerFactory.getLogger(ClientRequests.class);
    /**
     * Where the PBX's final word on an order (click-to-call, spy) is audited and told: off asterisk-java's reader and
     * the patience timer, which the database must not hold up; a rare event, one short-lived thread each.
     */
    private static final Executor PBX_OUTCOMES = Thread.ofVirtual().name("pbx-outcome")::start;

    private final CallCards cards;
    private final CardIndex index;
    private final CallDelivery delivery;
    private final UserRepository users;
    private final SessionLifetimes lifetimes;
    private final ClickToCallOrders clickToCalls;
    /** Null until the PBX is connected, and for a PBX that cannot ring phones (a replayed recording). */
    private volatile ChanSpy chanSpy;
    private final AuditLog audit;
    private final Frames frames;
    private final Clock clock;
    private final Board board;
    private final WorkStatuses workStatuses;

    ClientRequests(CallCards cards, CardIndex index, CallDelivery delivery, UserRepository users,
                   SessionLifetimes lifetimes, Frames frames, Clock clock, Board board, WorkStatuses workStatuses,
                   AuditLog audit, DialFailureStore keptDialFailures) {
        this.audit = audit;
        this.board = board;
        this.workStatuses = workStatuses;
        this.cards = cards;
        this.index = index;
        this.delivery = delivery;
        this.users = users;
        this.lifetimes = lifetimes;
        this.frames = frames;
        this.clock = clock;
        this.clickToCalls = new ClickToCallOrders(delivery, frames, audit, keptDialFailures, clock,
                PBX_OUTCOMES);
    }

    void placeCallsThrough(ClickToCall pbx) {
        clickToCalls.placeThrough(pbx);
    }

    void spyThrough(ChanSpy pbx) {
        this.chanSpy = pbx;
    }

    /** The client just proved who it is: greet it and restore its cards, then let it follow its calls. */
    void attach(ClientSession session, String ref) {
        AuthenticatedUser user = session.user();
        List<String> extensions = extensionsOf(user);
        List<ActiveCall> stored = new ArrayList<>();
        Map<String, CallNotes> notes = new HashMap<>();
        List<OpenCard> open = List.of();
        try {
            open = cards.awaitingFinish(user.id());
            for (OpenCard card : open) {
                stored.add(card.toActiveCall(List.of()));
                notes.put(card.callId(), card.notes());
            }
        } catch (CardsUnavailableException e) {
            log.warn("Cannot restore the cards of {} from the database: {}", user.login(), e.getMessage());
        }
        UserView view = new UserView(user.id(), user.login(), user.name(), user.role(), extensions);
        delivery.attach(session, new ServerMessage.Authenticated(ref, view, clock.instant(), session.expiresAt()),
                stored, notes);
        if (user.role() == Role.OPERATOR) {
            // after active-calls (the delivery's thread keeps the order): the status the operator's controls show
            CurrentStatus status = workStatuses.connected(user.id());
            board.connected(user.id(), status, open);
            delivery.sendToUser(user.id(), workStatus(null, status, null));
        }
        log.info("WebSocket client {} authenticated ({} cards to restore)", session.describe(), stored.size());
    }

    void handle(ClientSession session, ClientMessage message) {
        switch (message) {
            case ClientMessage.UpdateCallNotes m -> saveNotes(session, m);
            case ClientMessage.FinishCall m -> finish(session, m);
            case ClientMessage.Originate m -> clickToCalls.originate(session, m, extensionsOf(session.user()));
            case ClientMessage.AckDialFailed m -> clickToCalls.acknowledged(session, m);
            case ClientMessage.SubscribeAllCalls m -> watchAll(session, m);
            case ClientMessage.Ping m -> frames.send(session, new ServerMessage.Pong(m.ref(), clock.instant()));
            case ClientMessage.RefreshSession m -> refreshSession(session, m);
            case ClientMessage.Authenticate m -> error(session, ErrorCode.INVALID_FIELD, "already authenticated", m.ref());
            case ClientMessage.SubscribeBoard m -> subscribeBoard(session, m);
            case ClientMessage.UnsubscribeBoard m -> board.unsubscribe(session.id(), m.ref(),
                    new BoardFrames(session, frames));
            case ClientMessage.SetWorkStatus m -> setWorkStatus(session, m);
            case ClientMessage.Spy m -> spy(session, m);
        }
    }

    /** The socket closed: its board subscription ends, and with the operator's last socket their status stretch. */
    void detach(ClientSession session, boolean lastOfUser) {
        AuthenticatedUser user = session.user();
        board.forget(session.id());
        if (user.role() == Role.OPERATOR) {
            board.disconnected(user.id());
            if (lastOfUser) {
                workStatuses.disconnected(user.id());
            }
        }
    }

    private void subscribeBoard(ClientSession session, ClientMessage.SubscribeBoard m) {
        AuthenticatedUser user = session.user();
        if (!user.seesAllCalls()) {
            error(session, ErrorCode.FORBIDDEN, "only supervisors and admins see the board", m.ref());
            return;
        }
        board.subscribe(session.id(), user.id(), user.role(), m.ref(), new BoardFrames(session, frames));
    }

    /** Answered with {@code work-status} on every socket of the operator, so that all their apps show the same. */
    private void setWorkStatus(ClientSession session, ClientMessage.SetWorkStatus m) {
        AuthenticatedUser user = session.user();
        if (user.role() != Role.OPERATOR) {
            error(session, ErrorCode.FORBIDDEN, "only operators have a work status", m.ref());
            return;
        }
        try {
            switch (workStatuses.set(user.id(), m.status(), m.reason(), m.ref())) {
                case WorkStatuses.Outcome.Changed changed -> delivery.sendToUser(user.id(),
                        workStatus(m.ref(), changed.status(), changed.pbxProblem()));
                case WorkStatuses.Outcome.Refused refused -> error(session, ErrorCode.INVALID_FIELD, refused.why(),
                        m.ref());
            }
        } catch (RuntimeException e) {
            log.warn("Cannot change the work status of {}: {}", user.login(), e.toString());
            error(session, ErrorCode.SERVER_ERROR, "the status could not be stored now; nothing changed", m.ref());
        }
    }

    ServerMessage.WorkStatusChanged workStatus(String ref, CurrentStatus status, String pbxProblem) {
        return new ServerMessage.WorkStatusChanged(ref, status.status(), status.reason(), status.since(),
                workStatuses.reasons().codes(), pbxProblem);
    }

    /** A fresh token for the open socket: {@code authenticated} again with its expiry, and nothing else changes. */
    private void refreshSession(ClientSession session, ClientMessage.RefreshSession m) {
        switch (lifetimes.renew(session, m.token())) {
            case SessionLifetimes.Renewed(AuthenticatedUser user, Instant until) -> frames.send(session,
                    new ServerMessage.Authenticated(m.ref(), new UserView(user.id(), user.login(), user.name(),
                            user.role(), extensionsOf(user)), clock.instant(), until));
            case SessionLifetimes.Refused(ErrorCode code, String why) -> error(session, code, why, m.ref());
        }
    }

    private void saveNotes(ClientSession session, ClientMessage.UpdateCallNotes m) {
        if (isBlank(m.callId())) {
            error(session, ErrorCode.INVALID_FIELD, "callId is required", m.ref());
            return;
        }
        if (m.notes() == null) {
            // absent or null would otherwise store as "": a client's bug must not wipe what the operator wrote
            error(session, ErrorCode.INVALID_FIELD, "notes is required (\"\" for none); nothing was stored", m.ref());
            return;
        }
        long userId = session.user().id();
        CallNotes edit = new CallNotes(m.notes(), m.tags(), m.priority(), m.clientInfo(), m.version());
        try {
            SaveResult result = onUsersCard(session.user(), m.callId(),
                    (key, seed) -> cards.save(key, userId, seed, edit), SaveResult.class);
            switch (result) {
                case SaveResult.Saved saved -> frames.send(session,
                        new ServerMessage.NotesUpdated(m.ref(), m.callId(), saved.version(), saved.savedAt()));
                case SaveResult.Stale stale -> frames.send(session, new ServerMessage.Error(
                        ErrorCode.STALE_VERSION.wireName(), "the notes changed since version " + m.version()
                        + "; nothing was stored", m.ref(), m.callId(), stale.current()));
                case SaveResult.Invalid invalid -> error(session, ErrorCode.INVALID_FIELD,
                        invalid.field() + ": " + invalid.message() + "; nothing was stored", m.ref());
                case UnknownCall unknown -> unknownCall(session, m.callId(), m.ref());
            }
        } catch (CardsUnavailableException e) {
            error(session, ErrorCode.SERVER_ERROR, "the notes could not be stored now; send them again", m.ref());
        }
    }

    private void finish(ClientSession session, ClientMessage.FinishCall m) {
        if (isBlank(m.callId())) {
            error(session, ErrorCode.INVALID_FIELD, "callId is required", m.ref());
            return;
        }
        long userId = session.user().id();
        try {
            FinishResult result = onUsersCard(session.user(), m.callId(),
                    (key, seed) -> cards.finish(key, userId, seed, clock.instant()), FinishResult.class);
            switch (result) {
                case FinishResult.Finished finished -> {
                    delivery.finished(new UserCard(m.callId(), userId),
                            new ServerMessage.CallFinished(m.ref(), m.callId(), finished.finishedAt()));
                    board.finished(userId, m.callId());
                }
                case UnknownCall unknown -> unknownCall(session, m.callId(), m.ref());
            }
        } catch (CardsUnavailableException e) {
            error(session, ErrorCode.SERVER_ERROR, "the card could not be closed now; try again", m.ref());
        }
    }

    /**
     * Runs {@code action} on the user's card of the call: the one the delivery showed (with the ring to seed rows
     * the recorder has not written yet), else each of the user's extensions in turn, as the database knows them.
     */
    private <R> R onUsersCard(AuthenticatedUser user, String callId, CardAction<R> action, Class<R> type) {
        Optional<IncomingCall> ring = index.get(new UserCard(callId, user.id()));
        if (ring.isPresent()) {
            return action.apply(new CardKey(callId, ring.get().extension()),
                    CardSeed.of(ring.get()));
        }
        R last = type.cast(new UnknownCall());
        for (String extension : extensionsOf(user)) {
            last = action.apply(new CardKey(callId, extension), null);
            if (!(last instanceof UnknownCall)) {
                return last;
            }
        }
        return last;
    }

    @FunctionalInterface
    private interface CardAction<R> {
        R apply(CardKey key, CardSeed seed);
    }

    /**
     * Listen, whisper, barge: the supervisor's phone rings into the operator's call. Only an operator on the
     * supervisor's board, on a call now; every order the PBX answered is a row in the audit log, accepted or not.
     */
    private void spy(ClientSession session, ClientMessage.Spy m) {
        AuthenticatedUser user = session.user();
        if (!user.seesAllCalls()) {
            error(session, ErrorCode.FORBIDDEN, "only supervisors and admins may listen to operators' calls", m.ref());
            return;
        }
        if (m.mode() == null) {
            error(session, ErrorCode.INVALID_FIELD, "mode is required: listen, whisper or barge", m.ref());
            return;
        }
        ChanSpy pbx = chanSpy;
        if (pbx == null) {
            error(session, ErrorCode.PBX_UNAVAILABLE, "this server cannot ring phones", m.ref());
            return;
        }
        List<String> phones = extensionsOf(user);
        if (phones.isEmpty()) {
            error(session, ErrorCode.INVALID_FIELD, "you have no phone extension to listen on", m.ref());
            return;
        }
        SpyTarget target;
        try {
            target = board.spyTarget(user.id(), user.role(), m.operatorId());
        } catch (IllegalStateException e) {
            error(session, ErrorCode.SERVER_ERROR, "the board did not answer; try again", m.ref());
            return;
        }
        switch (target) {
            case SpyTarget.NotOnBoard ignored -> error(session, ErrorCode.FORBIDDEN,
                    "operator " + m.operatorId() + " is not on your board", m.ref());
            case SpyTarget.NoCall ignored -> error(session, ErrorCode.UNKNOWN_CALL,
                    "the operator is on no call now", m.ref());
            case SpyTarget.OnCall call -> spyOn(session, m, pbx, phones.getFirst(), call.channel());
        }
    }

    private void spyOn(ClientSession session, ClientMessage.Spy m, ChanSpy pbx, String phone, String channel) {
        String operator = users.find(m.operatorId()).map(User::displayName).orElse("#" + m.operatorId());
        Actor actor = session.actor();
        // A phone that answers at once may be reported before the PBX's "queued" reaches us: the outcome waits for
        // the acceptance to be sent, so that the supervisor always hears them in that order.
        CompletableFuture<Void> acceptanceSent = new CompletableFuture<>();
        String refusal = null;
        // read only after acceptanceSent, which follows the assignment
        AtomicReference<String> order = new AtomicReference<>();
        try {
            order.set(pbx.spy(phone, channel, m.mode(), m.mode().wireName() + ": " + operator,
                    outcome -> acceptanceSent.thenRunAsync(() -> {
                        // off asterisk-java's thread (the database); the row before the word, as for the order
                        Map<String, Object> what = spyDetails(m, operator, channel, phone, outcome.reason());
                        what.put("order", order.get());
                        auditSpy(actor, m, what);
                        frames.send(session, new ServerMessage.SpyOutcome(m.ref(), m.operatorId(), m.mode(),
                                outcome.connected(), outcome.reason()));
                    }, PBX_OUTCOMES)));
        } catch (IOException | IllegalArgumentException e) {
            refusal = e.getMessage();
            log.warn("{} of {} on {} refused: {}", m.mode(), session.describe(), channel, refusal);
        }
        // audited before the answer: whoever hears the answer finds the row written
        Map<String, Object> what = spyDetails(m, operator, channel, phone,
                refusal == null ? "accepted" : "refused: " + refusal);
        if (order.get() != null) {
            what.put("order", order.get());
        }
        auditSpy(actor, m, what);
        if (refusal == null) {
            frames.send(session, new ServerMessage.SpyAccepted(m.ref(), m.operatorId(), m.mode()));
            acceptanceSent.complete(null);
        } else {
            error(session, ErrorCode.PBX_UNAVAILABLE, refusal, m.ref());
        }
    }

    /**
     * An audit row's "after" for a spy order: who, on which channel, from which phone, and {@code result}:
     * {@code accepted} or {@code refused: why} when the PBX answered the order, then the PBX's final word on the
     * supervisor's phone ({@code answered}, {@code busy}, {@code no-answer}, {@code congestion}, {@code failed}) or
     * {@code unknown} when the link to the PBX was lost before it said.
     */
    private static Map<String, Object> spyDetails(ClientMessage.Spy m, String operator, String channel, String phone,
                                                  String result) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("mode", m.mode().wireName());
        what.put("operator", operator);
        what.put("channel", channel);
        what.put("phone", phone);
        what.put("result", result);
        return what;
    }

    private void auditSpy(Actor actor, ClientMessage.Spy m, Map<String, Object> what) {
        try {
            audit.record(actor, m.mode().wireName(), "user", m.operatorId(), what);
        } catch (RuntimeException e) {
            log.error("Cannot write the audit row of {} by {} ({}): {}", m.mode(), actor.login(), what.get("result"),
                    e.toString());
        }
    }

    private void watchAll(ClientSession session, ClientMessage.SubscribeAllCalls m) {
        if (!session.user().seesAllCalls()) {
            error(session, ErrorCode.FORBIDDEN, "only supervisors and admins may watch all calls", m.ref());
            return;
        }
        delivery.watchAll(session, m.ref());
    }

    private List<String> extensionsOf(AuthenticatedUser user) {
        return users.find(user.id()).map(User::extensions).orElse(List.of());
    }

    private void unknownCall(ClientSession session, String callId, String ref) {
        frames.send(session, new ServerMessage.Error(ErrorCode.UNKNOWN_CALL.wireName(),
                "no call " + callId + " of yours", ref, callId, null));
    }

    private void error(ClientSession session, ErrorCode code, String message, String ref) {
        frames.send(session, ServerMessage.Error.of(code, message, ref));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
