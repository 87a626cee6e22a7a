package dev.zvonok.server.board;

import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.server.calls.OpenCard;
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
import dev.zvonok.server.tracking.CallInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every operator's state on the board, derived from the tracker's call events, the operator's app connections, the
 * cards waiting for "Finish and close" and the work status the operator chose. Pure: no I/O, no clock (time comes
 * with each input), one thread at a time; the board's thread feeds it in PBX order.
 *
 * <p>An operator's calls are kept per call, not per phone: two devices of one operator ringing for the same call are
 * one call on the tile, and a call passed on moves from the operator who passed it (wrap-up) to the one it rings at.
 * The operator's state follows from the calls first — talking, then hold, then ringing — because that is what the
 * supervisor must see even of an operator on a break who picks up; then offline (no app: nobody will finish a card),
 * then the break the operator chose (an explicit choice is newer than a card left open), then wrap-up, then
 * available.
 */
final class OperatorStates {

    private final BoardDirectory directory;
    private final Map<Long, Desk> desks = new HashMap<>();
    /** What is known of every call in progress: a merge names only ids, the tiles need the surviving call. */
    private final Map<String, CallInfo> calls = new HashMap<>();
    private final Set<Long> changed = new LinkedHashSet<>();

    OperatorStates(BoardDirectory directory) {
        this.directory = directory;
    }

    // ------------------------------------------------------------------------------------------------------- inputs

    void onCallEvent(CallEvent event) {
        switch (event) {
            case CallStarted e -> calls.put(e.callId(), e.call());
            case OfferRinging e -> ringing(e);
            case OfferAnswered e -> answered(e);
            case OfferEnded e -> offerEnded(e);
            case CallHeld e -> held(e.callId(), e.extension(), e.at(), true);
            case CallResumed e -> held(e.callId(), e.extension(), e.at(), false);
            case CallsMerged e -> merged(e);
            case CallEnded e -> callEnded(e.callId(), e.at());
            // the passer's offer ends as TRANSFERRED and the target's rings with transferredFrom: nothing more here
            case CallTransferred e -> {
            }
        }
    }

    /**
     * The tracker reconciled with the PBX's channel list: a call it does not list is over, whatever events were lost.
     */
    void onReconciled(Instant at, Set<String> callsInProgress) {
        calls.keySet().retainAll(callsInProgress);
        for (Map.Entry<Long, Desk> entry : desks.entrySet()) {
            for (String callId : List.copyOf(entry.getValue().legs.keySet())) {
                if (!callsInProgress.contains(callId)) {
                    endLeg(entry.getKey(), entry.getValue(), callId, at);
                }
            }
        }
    }

    /** One more app of the operator is connected. */
    void connected(long userId, Instant at) {
        Desk desk = desk(userId);
        desk.connections++;
        settle(userId, desk, at);
    }

    /** One app of the operator disconnected; with the last one the operator is offline unless on a call. */
    void disconnected(long userId, Instant at) {
        Desk desk = desks.get(userId);
        if (desk != null && desk.connections > 0) {
            desk.connections--;
            settle(userId, desk, at);
        }
    }

    /** The operator's work status, as chosen (in the app or on the phone) and logged. */
    void workStatus(long userId, WorkStatus status, String reason, Instant at) {
        Desk desk = desk(userId);
        desk.status = status;
        desk.reason = status == WorkStatus.BREAK ? reason : null;
        settle(userId, desk, at);
    }

    /**
     * The operator's cards the database holds open, read when an app connects: after a restart of the server they
     * are the wrap-ups nobody saw end. Cards of calls still in progress there are left to the call events.
     */
    void openCards(long userId, List<OpenCard> cards, Instant at) {
        Desk desk = desk(userId);
        for (OpenCard card : cards) {
            if (card.endAt() == null || desk.legs.containsKey(card.callId())) {
                continue;
            }
            Leg leg = new Leg(card.callId(), card.direction(), card.callerNumber(), card.caller(), card.line(),
                    card.queue(), card.transferredFrom());
            leg.state = BoardCallState.WRAPUP;
            leg.since = card.endAt();
            desk.legs.put(card.callId(), leg);
        }
        settle(userId, desk, at);
    }

    /** "Finish and close" of the operator's card: the wrap-up is over (or will not start when the call ends). */
    void finished(long userId, String callId, Instant at) {
        Desk desk = desks.get(userId);
        Leg leg = desk == null ? null : desk.legs.get(callId);
        if (leg == null) {
            return;
        }
        if (leg.state == BoardCallState.WRAPUP) {
            desk.legs.remove(callId);
        } else {
            leg.finished = true; // closed while still talking: when the talk ends there is nothing left to do
        }
        settle(userId, desk, at);
    }

    // ------------------------------------------------------------------------------------------------------ outputs

    /** What the operator is doing now. */
    OperatorNow now(long userId) {
        Desk desk = desks.get(userId);
        if (desk == null) {
            return OperatorNow.offline(null);
        }
        List<BoardCall> shown = new ArrayList<>();
        for (Leg leg : desk.legs.values()) {
            shown.add(leg.view());
        }
        return new OperatorNow(desk.state, desk.since, desk.state == OperatorState.BREAK ? desk.reason : null, shown,
                desk.unansweredInARow);
    }

    /**
     * The PBX channel of the operator's conversation, the one a supervisor listens to: of a call they talk on, else
     * of one on hold; empty when they are on no call (or the channel is not known).
     */
    Optional<String> conversationChannel(long userId) {
        Desk desk = desks.get(userId);
        if (desk == null) {
            return Optional.empty();
        }
        for (BoardCallState wanted : List.of(BoardCallState.TALKING, BoardCallState.HOLD)) {
            for (Leg leg : desk.legs.values()) {
                if (leg.state == wanted) {
                    Optional<String> channel = leg.up.values().stream().filter(Objects::nonNull).findFirst();
                    if (channel.isPresent()) {
                        return channel;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The operators whose {@link #now} changed since the last call, and forgets them. */
    Set<Long> drainChanged() {
        Set<Long> drained = Set.copyOf(changed);
        changed.clear();
        return drained;
    }

    // ------------------------------------------------------------------------------------------------------- calls

    private void ringing(OfferRinging e) {
        calls.putIfAbsent(e.callId(), e.call());
        Optional<Long> user = directory.operatorOf(e.extension());
        if (user.isEmpty()) {
            return;
        }
        Desk desk = desk(user.get());
        Leg leg = desk.legs.get(e.callId());
        if (leg == null || leg.state == BoardCallState.WRAPUP) {
            // a call that comes back to an operator who passed it on rings afresh
            desk.legs.remove(e.callId());
            leg = legOf(e.call(), e.transferredFrom());
            leg.state = BoardCallState.RINGING;
            leg.since = e.at();
            desk.legs.put(e.callId(), leg);
        }
        leg.ringing.add(e.extension());
        settle(user.get(), desk, e.at());
    }

    private void answered(OfferAnswered e) {
        calls.putIfAbsent(e.callId(), e.call());
        Optional<Long> user = directory.operatorOf(e.extension());
        if (user.isEmpty()) {
            return;
        }
        Desk desk = desk(user.get());
        Leg leg = desk.legs.get(e.callId());
        if (leg == null || leg.state == BoardCallState.WRAPUP) {
            leg = legOf(e.call(), null); // a pickup: answered without ringing here
            desk.legs.put(e.callId(), leg);
        }
        leg.ringing.remove(e.extension());
        leg.up.put(e.extension(), e.channel());
        desk.unansweredInARow = 0;
        if (leg.state != BoardCallState.TALKING) {
            leg.state = BoardCallState.TALKING;
            leg.since = e.at();
        }
        settle(user.get(), desk, e.at());
    }

    private void offerEnded(OfferEnded e) {
        Optional<Long> user = directory.operatorOf(e.extension());
        Desk desk = user.map(desks::get).orElse(null);
        Leg leg = desk == null ? null : desk.legs.get(e.callId());
        if (leg == null) {
            return;
        }
        leg.ringing.remove(e.extension());
        boolean talked = e.result() == OfferResult.ANSWERED || e.result() == OfferResult.TRANSFERRED;
        if (talked) {
            leg.up.remove(e.extension());
        }
        if (leg.ringing.isEmpty() && leg.up.isEmpty()) {
            if (leg.state == BoardCallState.TALKING || leg.state == BoardCallState.HOLD || talked) {
                wrapUp(desk, leg, e.at());
            } else if (leg.state == BoardCallState.RINGING) {
                desk.legs.remove(e.callId()); // rang out, taken elsewhere, refused: nothing for this operator to do
                if (e.result() == OfferResult.MISSED || e.result() == OfferResult.REJECTED) {
                    desk.unansweredInARow++;
                    changed.add(user.get()); // the state may stay the same, the count is on the tile
                }
            }
        }
        settle(user.get(), desk, e.at());
    }

    private void held(String callId, String extension, Instant at, boolean onHold) {
        Optional<Long> user = directory.operatorOf(extension);
        Desk desk = user.map(desks::get).orElse(null);
        Leg leg = desk == null ? null : desk.legs.get(callId);
        if (leg == null || (leg.state != BoardCallState.TALKING && leg.state != BoardCallState.HOLD)) {
            return;
        }
        BoardCallState next = onHold ? BoardCallState.HOLD : BoardCallState.TALKING;
        if (leg.state != next) {
            leg.state = next;
            leg.since = at;
        }
        settle(user.get(), desk, at);
    }

    /** A consultation call became part of the customer's call: its legs now show the customer's call. */
    private void merged(CallsMerged e) {
        CallInfo into = calls.get(e.callId());
        calls.remove(e.absorbedCallId());
        for (Map.Entry<Long, Desk> entry : desks.entrySet()) {
            Desk desk = entry.getValue();
            Leg absorbed = desk.legs.remove(e.absorbedCallId());
            if (absorbed == null) {
                continue;
            }
            Leg survivor = into == null ? absorbed.renamed(e.callId())
                    : legOf(into, absorbed.transferredFrom).takeOver(absorbed);
            Leg existing = desk.legs.get(e.callId());
            if (existing == null || rank(survivor.state) > rank(existing.state)) {
                desk.legs.put(e.callId(), survivor);
            }
            settle(entry.getKey(), desk, e.at());
        }
    }

    private void callEnded(String callId, Instant at) {
        calls.remove(callId);
        for (Map.Entry<Long, Desk> entry : desks.entrySet()) {
            if (entry.getValue().legs.containsKey(callId)) {
                endLeg(entry.getKey(), entry.getValue(), callId, at);
            }
        }
    }

    /** The call is over for this operator, whatever its offers said: ringing vanishes, talk becomes wrap-up. */
    private void endLeg(long userId, Desk desk, String callId, Instant at) {
        Leg leg = desk.legs.get(callId);
        leg.ringing.clear();
        leg.up.clear();
        if (leg.state == BoardCallState.RINGING) {
            desk.legs.remove(callId);
        } else if (leg.state != BoardCallState.WRAPUP) {
            wrapUp(desk, leg, at);
        }
        settle(userId, desk, at);
    }

    private static void wrapUp(Desk desk, Leg leg, Instant at) {
        if (leg.finished) {
            desk.legs.remove(leg.callId);
            return;
        }
        if (leg.state != BoardCallState.WRAPUP) {
            leg.state = BoardCallState.WRAPUP;
            leg.since = at;
        }
    }

    // -------------------------------------------------------------------------------------------------- deriving

    /** Derives the operator's state again; a new state (or break reason) starts now, and the tile changed anyway. */
    private void settle(long userId, Desk desk, Instant at) {
        OperatorState state = derive(desk);
        String reason = state == OperatorState.BREAK ? desk.reason : null;
        if (state != desk.state || !java.util.Objects.equals(reason, desk.shownReason)) {
            desk.state = state;
            desk.shownReason = reason;
            desk.since = at;
        }
        changed.add(userId);
    }

    private static OperatorState derive(Desk desk) {
        Set<BoardCallState> states = new HashSet<>();
        for (Leg leg : desk.legs.values()) {
            states.add(leg.state);
        }
        if (states.contains(BoardCallState.TALKING)) {
            return OperatorState.TALKING;
        }
        if (states.contains(BoardCallState.HOLD)) {
            return OperatorState.HOLD;
        }
        if (states.contains(BoardCallState.RINGING)) {
            return OperatorState.RINGING;
        }
        if (desk.connections == 0) {
            return OperatorState.OFFLINE;
        }
        if (desk.status == WorkStatus.BREAK) {
            return OperatorState.BREAK;
        }
        return states.contains(BoardCallState.WRAPUP) ? OperatorState.WRAPUP : OperatorState.AVAILABLE;
    }

    /** Which of two legs of the same call a merge keeps: the one furthest from over. */
    private static int rank(BoardCallState state) {
        return switch (state) {
            case WRAPUP -> 0;
            case RINGING -> 1;
            case HOLD -> 2;
            case TALKING -> 3;
        };
    }

    private Desk desk(long userId) {
        return desks.computeIfAbsent(userId, id -> new Desk());
    }

    private Leg legOf(CallInfo call, String transferredFrom) {
        // the number the tile is about: the caller, or the called number of an operator's outbound call
        String party = call.direction() == CallDirection.OUTBOUND ? call.dialedNumber() : call.callerNumber();
        return new Leg(call.callId(), call.direction(), party, directory.caller(party), directory.line(call),
                call.queue(), transferredFrom);
    }

    /** One operator, as the board keeps them between events. */
    private static final class Desk {
        int connections;
        /** Calls that rang here and were not taken (rang out or declined) since the operator last answered one. */
        int unansweredInARow;
        WorkStatus status = WorkStatus.AVAILABLE;
        String reason;
        OperatorState state = OperatorState.OFFLINE;
        String shownReason;
        Instant since;
        /** By call id, oldest first. */
        final Map<String, Leg> legs = new LinkedHashMap<>();
    }

    /** One call of one operator: the phones of theirs ringing for it and off-hook on it. */
    private static final class Leg {
        final String callId;
        final CallDirection direction;
        final String callerNumber;
        final CallerView caller;
        final LineView line;
        final String queue;
        final String transferredFrom;
        final Set<String> ringing = new HashSet<>();
        /** The operator's extensions off-hook on the call, each with the channel that carries it (null: unknown). */
        final Map<String, String> up = new HashMap<>();
        BoardCallState state = BoardCallState.RINGING;
        Instant since;
        boolean finished;

        Leg(String callId, CallDirection direction, String callerNumber, CallerView caller, LineView line,
            String queue, String transferredFrom) {
            this.callId = callId;
            this.direction = direction;
            this.callerNumber = callerNumber;
            this.caller = caller;
            this.line = line;
            this.queue = queue;
            this.transferredFrom = transferredFrom;
        }

        Leg renamed(String newCallId) {
            return new Leg(newCallId, direction, callerNumber, caller, line, queue, transferredFrom).takeOver(this);
        }

        /** This leg (of the surviving call) in the state of {@code absorbed}. */
        Leg takeOver(Leg absorbed) {
            ringing.addAll(absorbed.ringing);
            up.putAll(absorbed.up);
            state = absorbed.state;
            since = absorbed.since;
            finished = absorbed.finished;
            return this;
        }

        BoardCall view() {
            return new BoardCall(callId, direction, callerNumber, caller, line, queue, transferredFrom, state, since);
        }
    }
}
