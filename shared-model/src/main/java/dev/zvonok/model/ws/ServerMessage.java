package dev.zvonok.model.ws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonSubTypes.Type;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.SpyMode;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.stats.AssignedCallback;
import java.time.Instant;
import java.util.List;

/**
 * What the server sends over the WebSocket: JSON objects whose {@code type} names the message. {@code callId} is the
 * call's id everywhere (Asterisk's Linkedid of the call): it is known the moment the phone rings.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @Type(ServerMessage.Authenticated.class),
        @Type(ServerMessage.IncomingCall.class),
        @Type(ServerMessage.CallHistory.class),
        @Type(ServerMessage.CallAnswered.class),
        @Type(ServerMessage.CallHold.class),
        @Type(ServerMessage.CallTransferred.class),
        @Type(ServerMessage.CallEnded.class),
        @Type(ServerMessage.ActiveCalls.class),
        @Type(ServerMessage.NotesUpdated.class),
        @Type(ServerMessage.CallFinished.class),
        @Type(ServerMessage.OriginateAccepted.class),
        @Type(ServerMessage.DialFailed.class),
        @Type(ServerMessage.SpyAccepted.class),
        @Type(ServerMessage.SpyOutcome.class),
        @Type(ServerMessage.Subscribed.class),
        @Type(ServerMessage.Board.class),
        @Type(ServerMessage.BoardChanged.class),
        @Type(ServerMessage.WorkStatusChanged.class),
        @Type(ServerMessage.CallbackAssigned.class),
        @Type(ServerMessage.CallbackWithdrawn.class),
        @Type(ServerMessage.Pong.class),
        @Type(ServerMessage.Error.class)
})
public sealed interface ServerMessage {

    /**
     * The answer to {@code authenticate} (followed by {@code active-calls}) and to {@code refresh-session} (alone).
     *
     * @param serverTime when the server answered: with {@code expiresAt}, how long is left by the server's clock
     * @param expiresAt  when the token the connection now rests on expires; the server closes the connection then
     *                   (1008) unless a {@code refresh-session} with a fresh token came before
     */
    @JsonTypeName("authenticated")
    record Authenticated(String ref, UserView user, Instant serverTime, Instant expiresAt) implements ServerMessage {
    }

    /**
     * A phone of this operator rings for a call: sent once per ring of an offer (a queue's next round rings again).
     *
     * @param callerNumber    E.164 for public numbers, the extension for a colleague
     * @param extension       the operator's phone that rings
     * @param transferredFrom the extension of the operator who passed the call on, or null
     * @param history         the caller's last calls, newest first; null while they are still being looked up (a
     *                        {@code call-history} follows): the card never waits for the database
     * @param replaces        the id of this operator's card this call takes over, or null: a consultation call made
     *                        from the phone became part of the customer's call (attended transfer); the card keeps
     *                        its state and notes under the new id
     * @param knownClient     what is known of the client behind the number, for the card's client fields to start
     *                        from (the client fields of the number's last call that had any, else the directory's
     *                        dealer or company); null while the history is being looked up (the
     *                        {@code call-history} brings it) and when nothing is known
     * @param line            the line the call came in on (its DID, else its queue), named as the directory names it
     *                        at the ring; null for a call on no known line, and for outbound and internal calls
     */
    @JsonTypeName("incoming-call")
    record IncomingCall(String callId, CallDirection direction, String callerNumber, CallerView caller,
                        String dialed, String queue, String extension, Instant ringAt, String transferredFrom,
                        List<HistoryEntry> history, String replaces, ClientInfo knownClient, LineView line)
            implements ServerMessage {

        public IncomingCall {
            history = history == null ? null : List.copyOf(history);
            knownClient = knownClient == null || knownClient.isEmpty() ? null : knownClient;
        }

        /** A ring with nothing known of the client (yet). */
        public IncomingCall(String callId, CallDirection direction, String callerNumber, CallerView caller,
                            String dialed, String queue, String extension, Instant ringAt, String transferredFrom,
                            List<HistoryEntry> history, String replaces) {
            this(callId, direction, callerNumber, caller, dialed, queue, extension, ringAt, transferredFrom, history,
                    replaces, null, null);
        }

        /** A ring on no known line. */
        public IncomingCall(String callId, CallDirection direction, String callerNumber, CallerView caller,
                            String dialed, String queue, String extension, Instant ringAt, String transferredFrom,
                            List<HistoryEntry> history, String replaces, ClientInfo knownClient) {
            this(callId, direction, callerNumber, caller, dialed, queue, extension, ringAt, transferredFrom, history,
                    replaces, knownClient, null);
        }

        public IncomingCall withHistory(List<HistoryEntry> earlier) {
            return withHistory(earlier, knownClient);
        }

        public IncomingCall withHistory(List<HistoryEntry> earlier, ClientInfo client) {
            return new IncomingCall(callId, direction, callerNumber, caller, dialed, queue, extension, ringAt,
                    transferredFrom, earlier, replaces, client, line);
        }

        public IncomingCall withLine(LineView on) {
            return new IncomingCall(callId, direction, callerNumber, caller, dialed, queue, extension, ringAt,
                    transferredFrom, history, replaces, knownClient, on);
        }
    }

    /**
     * The caller's last calls, for a card that popped up before they were looked up, and what is known of the
     * client ({@link IncomingCall#knownClient()}), or null.
     */
    @JsonTypeName("call-history")
    record CallHistory(String callId, List<HistoryEntry> history, ClientInfo knownClient) implements ServerMessage {

        public CallHistory {
            history = List.copyOf(history);
            knownClient = knownClient == null || knownClient.isEmpty() ? null : knownClient;
        }

        public CallHistory(String callId, List<HistoryEntry> history) {
            this(callId, history, null);
        }
    }

    /**
     * Somebody went off-hook for the call ringing at {@code extension}: this operator ({@code answeredElsewhere}
     * false: the card becomes active), or another one of the queue or ring group ({@code answeredElsewhere} true:
     * the card closes with a hint). {@code answeredBy} is the extension that answered.
     */
    @JsonTypeName("call-answered")
    record CallAnswered(String callId, String extension, Instant at, boolean answeredElsewhere, String answeredBy,
                        String answeredByName) implements ServerMessage {
    }

    /** The operator put the caller on hold, or took them back. */
    @JsonTypeName("call-hold")
    record CallHold(String callId, String extension, Instant at, boolean onHold) implements ServerMessage {
    }

    /** The call was passed on: from this operator (their part is over) or to them. */
    @JsonTypeName("call-transferred")
    record CallTransferred(String callId, Instant at, String from, String to, TransferKind kind)
            implements ServerMessage {
    }

    /**
     * This operator's part of the call is over. The card stays open ("Call ended") until {@code finish-call} when
     * the operator talked; a ring that stopped (missed, answered elsewhere) closes it.
     *
     * @param result          what became of this operator's offer
     * @param disposition     how the whole call ended, when it has (null while others still talk)
     * @param talkSeconds     how long this operator talked, or null
     * @param awaitingFinish  true when the card waits for {@code finish-call}
     */
    @JsonTypeName("call-ended")
    record CallEnded(String callId, String extension, Instant at, OfferResult result, CallDisposition disposition,
                     Long talkSeconds, boolean awaitingFinish) implements ServerMessage {
    }

    /** Sent right after {@code authenticated}: every card this operator has open, to restore them. */
    @JsonTypeName("active-calls")
    record ActiveCalls(List<ActiveCall> calls) implements ServerMessage {

        public ActiveCalls {
            calls = calls == null ? List.of() : List.copyOf(calls);
        }
    }

    /** The notes were stored under {@code version}. */
    @JsonTypeName("notes-updated")
    record NotesUpdated(String ref, String callId, int version, Instant savedAt) implements ServerMessage {
    }

    /** The card was closed ("Finish and close"), by this client or another one of the same user. */
    @JsonTypeName("call-finished")
    record CallFinished(String ref, String callId, Instant finishedAt) implements ServerMessage {
    }

    /** The PBX accepted the click-to-call: the operator's phone will ring. */
    @JsonTypeName("originate-accepted")
    record OriginateAccepted(String ref, String number) implements ServerMessage {
    }

    /**
     * A click-to-call the PBX had accepted ({@code originate-accepted}) did not ring the operator's phone through, as
     * the PBX reported later ({@code OriginateResponse}), or the PBX never said ({@link DialFailure#UNKNOWN}). Sent
     * only to the user who asked; a call that went through sends nothing.
     *
     * <p>The server keeps it until an app of the user answers {@code ack-dial-failed} with its {@code id}: one that
     * was not acknowledged is told again, with {@code keptSince}, on each socket the user opens next (never again on a
     * socket that was told it), for as long as it means something. A client that shows it acknowledges it, and
     * recognises by its {@code id} one told again after a reconnect (its first acknowledgement was lost with the
     * socket): shown once, acknowledged again.
     *
     * @param ref       the {@code originate} this follows (its {@code originate-accepted} had the same)
     * @param number    the number that was to be dialled, as asked
     * @param reason    why, as the PBX said; {@code unknown} when it did not
     * @param message   the same in words, for logs and for a client that knows no better
     * @param id        this failure's own id, the same each time it is told: what {@code ack-dial-failed} names;
     *                  absent from a server that asks for no acknowledgement
     * @param keptSince when the PBX said so, for a word told late (the user had no socket open then, or did not
     *                  acknowledge it on the one they had): told again on a socket opened since; absent (null) when
     *                  told as it happened, so that a live one's frame is what it was before the field existed
     */
    @JsonTypeName("dial-failed")
    record DialFailed(String ref, String number, DialFailure reason, String message,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String id,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Instant keptSince) implements ServerMessage {

        /** Told as it happened. */
        public DialFailed(String ref, String number, DialFailure reason, String message, String id) {
            this(ref, number, reason, message, id, null);
        }

        /** The same word, said by the PBX at {@code at}, told late. */
        public DialFailed asKeptSince(Instant at) {
            return new DialFailed(ref, number, reason, message, id, at);
        }
    }

    /** The PBX took the {@code spy} order: the supervisor's phone will ring, and joins the operator's call. */
    @JsonTypeName("spy-accepted")
    record SpyAccepted(String ref, long operatorId, SpyMode mode) implements ServerMessage {
    }

    /**
     * What became of an accepted {@code spy} order, as the PBX reported it ({@code OriginateResponse}): the
     * supervisor picked up and is in the operator's call, or their phone was not reached.
     *
     * @param connected whether the supervisor's phone answered and joined the call
     * @param reason    {@code answered}, or why not as a {@link DialFailure}'s wire name: {@code no-answer},
     *                  {@code busy}, {@code congestion}, {@code unavailable} (the PBX's reason), or {@code unknown} when
     *                  the PBX did not say (the link to it was lost, or no word came long after the ring timeout: the
     *                  phone may have been picked up); older servers sent {@code failed} for {@code unavailable}
     */
    @JsonTypeName("spy-outcome")
    record SpyOutcome(String ref, long operatorId, SpyMode mode, boolean connected, String reason)
            implements ServerMessage {
    }

    /** The supervisor now receives every call's events. */
    @JsonTypeName("subscribed")
    record Subscribed(String ref, String scope) implements ServerMessage {
    }

    /** The whole live board this user may see: the answer to {@code subscribe-board}. */
    @JsonTypeName("board")
    record Board(String ref, BoardSnapshot board) implements ServerMessage {
    }

    /** What changed on the board since the version the client has; see {@link BoardChange}. */
    @JsonTypeName("board-changed")
    record BoardChanged(BoardChange change) implements ServerMessage {
    }

    /**
     * The operator's work status: sent after {@code authenticate} and whenever it changes (from any of the operator's
     * apps, or from the phone: a queue pause made with a feature code).
     *
     * @param ref          the {@code set-work-status} this answers, or null when the change came from elsewhere
     * @param reason       the break reason code, or null when available
     * @param since        when this status began
     * @param breakReasons the break reason codes the server offers, in its order
     * @param pbxProblem   why the PBX did not follow (queue pause refused, PBX unreachable); null when it did or had
     *                     nothing to do. The status changed in Zvonok all the same.
     */
    @JsonTypeName("work-status")
    record WorkStatusChanged(String ref, WorkStatus status, String reason, Instant since, List<String> breakReasons,
                             String pbxProblem) implements ServerMessage {

        public WorkStatusChanged {
            breakReasons = List.copyOf(breakReasons);
        }
    }

    /**
     * A supervisor or an admin gave this operator a missed call's number to call back. It stays theirs until the
     * number is reached ({@code GET /api/callbacks/mine} no longer lists it) or it is withdrawn.
     */
    @JsonTypeName("callback-assigned")
    record CallbackAssigned(AssignedCallback callback) implements ServerMessage {
    }

    /** A number this operator was given to call back was given to somebody else, or to nobody. */
    @JsonTypeName("callback-withdrawn")
    record CallbackWithdrawn(long callId, String number) implements ServerMessage {
    }

    @JsonTypeName("pong")
    record Pong(String ref, Instant serverTime) implements ServerMessage {
    }

    /**
     * A message was refused; nothing of it was stored. {@code current} carries the stored notes when the refusal is
     * {@code stale-version}.
     */
    @JsonTypeName("error")
    record Error(String code, String message, String ref, String callId, CallNotes current)
            implements ServerMessage {

        public static Error of(ErrorCode code, String message, String ref) {
            return new Error(code.wireName(), message, ref, null, null);
        }
    }
}
