package dev.zvonok.model.ws;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonSubTypes.Type;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.zvonok.model.board.SpyMode;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import java.util.List;

/**
 * What a client sends over the WebSocket: JSON objects whose {@code type} names the message. {@link Authenticate}
 * must come first. {@code ref} is the client's own reference, echoed in the answer (an ack or an {@code error}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @Type(ClientMessage.Authenticate.class),
        @Type(ClientMessage.RefreshSession.class),
        @Type(ClientMessage.UpdateCallNotes.class),
        @Type(ClientMessage.FinishCall.class),
        @Type(ClientMessage.Originate.class),
        @Type(ClientMessage.AckDialFailed.class),
        @Type(ClientMessage.SubscribeAllCalls.class),
        @Type(ClientMessage.SubscribeBoard.class),
        @Type(ClientMessage.UnsubscribeBoard.class),
        @Type(ClientMessage.SetWorkStatus.class),
        @Type(ClientMessage.Spy.class),
        @Type(ClientMessage.Ping.class)
})
public sealed interface ClientMessage {

    String ref();

    /**
     * The access token from {@code POST /api/auth/login}; the first message of every connection. The answer,
     * {@code authenticated}, says until when the token holds: the connection is closed then (1008) unless a
     * {@link RefreshSession} came first.
     */
    @JsonTypeName("authenticate")
    record Authenticate(String ref, String token) implements ClientMessage {

        /** Tokens are secrets: never in logs. */
        @Override
        public String toString() {
            return "Authenticate[ref=" + ref + ", token=" + (token == null ? "null" : "***") + "]";
        }
    }

    /**
     * A fresh access token of the same user (from {@code POST /api/auth/refresh}) for this open connection, sent before
     * the one it was authenticated with expires: the answer is {@code authenticated} again, with the new expiry, and
     * nothing else changes — no {@code active-calls}, no card lost. A refused token ({@code error}
     * {@code not-authenticated}) leaves the connection as it was, until its current token expires.
     */
    @JsonTypeName("refresh-session")
    record RefreshSession(String ref, String token) implements ClientMessage {

        /** Tokens are secrets: never in logs. */
        @Override
        public String toString() {
            return "RefreshSession[ref=" + ref + ", token=" + (token == null ? "null" : "***") + "]";
        }
    }

    /**
     * Saves what the operator wrote on a call's card. {@code version} is the version being edited (0 for the first
     * save); the answer is {@code notes-updated} with the new version, or {@code error} {@code stale-version} with
     * the stored text.
     */
    @JsonTypeName("update-call-notes")
    record UpdateCallNotes(String ref, String callId, String notes, List<String> tags, Priority priority,
                           ClientInfo clientInfo, int version) implements ClientMessage {
    }

    /** "Finish and close": the operator is done with the call's card. Idempotent. */
    @JsonTypeName("finish-call")
    record FinishCall(String ref, String callId) implements ClientMessage {
    }

    /** Click-to-call: ring the operator's own phone, then dial the number. */
    @JsonTypeName("originate")
    record Originate(String ref, String number) implements ClientMessage {
    }

    /**
     * The app has the click-to-call failure {@code dial-failed} with this {@code id} (and showed it): the server stops
     * keeping it for the user's next sockets, whichever app of theirs sends this. Idempotent, and not answered: an
     * acknowledgement lost with its socket costs one {@code dial-failed} told again, which the app recognises by its
     * id and acknowledges again. A missing or malformed id is answered with {@code error} {@code invalid-field}.
     */
    @JsonTypeName("ack-dial-failed")
    record AckDialFailed(String ref, String id) implements ClientMessage {
    }

    /** Supervisors and admins: receive the events of every call, not only their own (the live board). */
    @JsonTypeName("subscribe-all-calls")
    record SubscribeAllCalls(String ref) implements ClientMessage {
    }

    /**
     * A supervisor or admin asks for the live board: the answer is {@code board} (a whole snapshot of what this user
     * may see), then {@code board-changed} deltas until {@link UnsubscribeBoard} or the connection ends. Sent again,
     * it brings a fresh snapshot: what a client does when a delta does not apply to the board it has.
     */
    @JsonTypeName("subscribe-board")
    record SubscribeBoard(String ref) implements ClientMessage {
    }

    /** No more board frames on this connection; answered by {@code subscribed} with scope {@code none}. */
    @JsonTypeName("unsubscribe-board")
    record UnsubscribeBoard(String ref) implements ClientMessage {
    }

    /**
     * The operator's own choice: ready for calls, or a break with one of the server's break reasons. Answered by
     * {@code work-status} (sent to every connection of the operator).
     *
     * @param reason a break reason code from the server's list; null for {@link WorkStatus#AVAILABLE}
     */
    @JsonTypeName("set-work-status")
    record SetWorkStatus(String ref, WorkStatus status, String reason) implements ClientMessage {
    }

    /**
     * A supervisor or admin listens to (or whispers to, or barges into) the call of an operator on their board: the
     * PBX rings the supervisor's own phone, which joins the operator's call once picked up. Answered by
     * {@code spy-accepted} once the PBX took the order, or {@code error}: {@code forbidden} (an operator, or an
     * operator not on the sender's board), {@code invalid-field} (no mode, or the sender has no phone),
     * {@code unknown-call} (the operator is on no call), {@code pbx-unavailable} (the PBX is not connected or refuses).
     */
    @JsonTypeName("spy")
    record Spy(String ref, long operatorId, SpyMode mode) implements ClientMessage {
    }

    @JsonTypeName("ping")
    record Ping(String ref) implements ClientMessage {
    }
}
