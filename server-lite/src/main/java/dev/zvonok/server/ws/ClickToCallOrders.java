package dev.zvonok.server.ws;

import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.DialFailure;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.ami.OriginateOutcome;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.dialfailures.DialFailureStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's click-to-call, from the {@code originate} to the PBX's final word: places the order, answers it
 * ({@code originate-accepted} or an error), tells a phone that was not reached ({@code dial-failed}, kept — in memory
 * and in the database — until an app of the user acknowledges it), and leaves two rows in the audit log — the order
 * as the PBX answered it, then its final word — so that an admin sees who called which number from which phone, and
 * what came of it.
 */
final class ClickToCallOrders {

    /** The audit rows' action; their entity is the user who called, as {@code user} and their id. */
    static final String AUDITED_AS = "click-to-call";

    private static final Logger log = LoggerFactory.getLogger(ClickToCallOrders.class);

    private final CallDelivery delivery;
    private final Frames frames;
    private final AuditLog audit;
    private final DialFailureStore keptFailures;
    private final Clock clock;
    /** Where the final word is audited and told: never asterisk-java's reader, nor the patience timer. */
    private final Executor outcomes;
    /** Null until the PBX is connected, and for a PBX that cannot place calls (a replayed recording). */
    private volatile ClickToCall pbx;

    ClickToCallOrders(CallDelivery delivery, Frames frames, AuditLog audit, DialFailureStore keptFailures,
                      Clock clock, Executor outcomes) {
        this.delivery = delivery;
        this.keptFailures = keptFailures;
        this.clock = clock;
        this.frames = frames;
        this.audit = audit;
        this.outcomes = outcomes;
    }

    void placeThrough(ClickToCall clickToCall) {
        this.pbx = clickToCall;
    }

    /** @param extensions the caller's phones; the first is rung */
    void originate(ClientSession session, ClientMessage.Originate m, List<String> extensions) {
        if (m.number() == null || m.number().isBlank()) {
            error(session, ErrorCode.INVALID_FIELD, "number is required", m.ref());
            return;
        }
        ClickToCall clickToCall = pbx;
        if (clickToCall == null) {
            error(session, ErrorCode.PBX_UNAVAILABLE, "this server cannot place calls", m.ref());
            return;
        }
        if (extensions.isEmpty()) {
            error(session, ErrorCode.INVALID_FIELD, "you have no phone extension to call from", m.ref());
            return;
        }
        Order order = new Order(session.actor(), m, extensions.getFirst(),
                clickToCall.channelOf(extensions.getFirst()));
        // A phone that fails at once may be reported before the PBX's "queued" reaches us: the final word waits for
        // the acceptance to be audited and sent, so that the operator and the audit log have them in that order.
        CompletableFuture<Void> acceptanceSent = new CompletableFuture<>();
        // read only after acceptanceSent, which follows the assignment
        AtomicReference<String> actionId = new AtomicReference<>();
        ErrorCode refused = null;
        String refusal = null;
        try {
            actionId.set(clickToCall.call(order.extension(), m.number(),
                    outcome -> acceptanceSent.thenRunAsync(() -> finalWord(order, actionId.get(), outcome),
                            outcomes)));
        } catch (IllegalArgumentException e) {
            refused = ErrorCode.INVALID_FIELD;
            refusal = e.getMessage();
        } catch (IOException e) {
            log.warn("Click-to-call of {} to {} failed: {}", session.describe(), m.number(), e.getMessage());
            refused = ErrorCode.PBX_UNAVAILABLE;
            refusal = e.getMessage();
        }
        // audited before the answer: whoever hears the answer finds the row written
        audit(order, actionId.get(), refused == null ? "accepted" : "refused: " + refusal);
        if (refused == null) {
            frames.send(session, new ServerMessage.OriginateAccepted(m.ref(), m.number()));
            acceptanceSent.complete(null);
        } else {
            error(session, refused, refusal, m.ref());
        }
    }

    /** What one order was: who asked, on which socket's behalf, and which of their phones was to ring. */
    private record Order(Actor actor, ClientMessage.Originate asked, String extension, String channel) {
    }

    /**
     * The PBX's last word on an accepted order (or its silence): audited, then — a phone not reached — kept in the
     * database until acknowledged, and told to the user who asked, on every socket of theirs open now and on each
     * they open next until then; the one that asked matches the {@code ref}.
     */
    private void finalWord(Order order, String actionId, OriginateOutcome outcome) {
        audit(order, actionId, outcome.reason());
        if (outcome.connected()) {
            return;
        }
        DialFailure why = outcome.failure();
        ClientMessage.Originate m = order.asked();
        log.info("Click-to-call of {} to {} did not go through: {}", order.actor().login(), m.number(),
                why.wireName());
        ServerMessage.DialFailed word = new ServerMessage.DialFailed(m.ref(), m.number(), why,
                switch (why) {
                    case BUSY -> "your phone was busy: the number was not dialled";
                    case NO_ANSWER -> "your phone was not picked up in time: the number was not dialled";
                    case CONGESTION -> "the PBX found no way to your phone (congestion): the number was not dialled";
                    case UNAVAILABLE ->
                            "the PBX could not ring your phone (unregistered or unknown): the number was not dialled";
                    case UNKNOWN -> "the PBX did not say whether your phone rang: look at your phone";
                }, UUID.randomUUID().toString());
        Instant saidAt = clock.instant();
        try {
            // stored before it is told: whoever acknowledges it finds the row, and a restart after it keeps it
            keptFailures.keep(order.actor().userId(), word.asKeptSince(saidAt));
        } catch (RuntimeException e) {
            log.error("Cannot keep the click-to-call failure {} of {} in the database (told all the same; a restart "
                    + "before it is acknowledged forgets it): {}", word.id(), order.actor().login(), e.toString());
        }
        delivery.tellDialFailed(order.actor().userId(), word, saidAt);
    }

    /**
     * An app of the user has the failure: forgotten for the user's next sockets, in the database first (on this
     * client's thread, as a save of notes is). Not answered; an acknowledgement the database could not take still
     * ends the word in memory — only a restart before the next one would tell it once more, and the app knows it.
     */
    void acknowledged(ClientSession session, ClientMessage.AckDialFailed m) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(m.id()));
        } catch (IllegalArgumentException e) {
            error(session, ErrorCode.INVALID_FIELD, "id must be the id of a dial-failed", m.ref());
            return;
        }
        long userId = session.user().id();
        try {
            keptFailures.acknowledged(userId, id);
        } catch (RuntimeException e) {
            log.warn("Cannot forget the acknowledged click-to-call failure {} of {} in the database: {}", id,
                    session.describe(), e.toString());
        }
        delivery.dialFailureAcknowledged(userId, id.toString());
    }

    /**
     * A row with the order and {@code result}: {@code accepted} or {@code refused: why} when it was placed, then the
     * final word — {@code answered} (the operator's phone was picked up and the number dialled), {@code busy},
     * {@code no-answer}, {@code congestion}, {@code unavailable}, or {@code unknown} when the PBX never said.
     */
    private void audit(Order order, String actionId, String result) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("ref", order.asked().ref());
        what.put("number", order.asked().number());
        what.put("extension", order.extension());
        what.put("channel", order.channel());
        if (actionId != null) {
            what.put("order", actionId);
        }
        what.put("result", result);
        try {
            audit.record(order.actor(), AUDITED_AS, "user", order.actor().userId(), what);
        } catch (RuntimeException e) {
            log.error("Cannot write the audit row of a click-to-call by {} to {} ({}): {}", order.actor().login(),
                    order.asked().number(), result, e.toString());
        }
    }

    private void error(ClientSession session, ErrorCode code, String message, String ref) {
        frames.send(session, ServerMessage.Error.of(code, message, ref));
    }
}
