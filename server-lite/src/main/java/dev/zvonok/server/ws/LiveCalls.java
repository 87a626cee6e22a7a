package dev.zvonok.server.ws;

import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.server.tracking.CallInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cards open on operators' screens: those of calls in progress, and those of ended calls that wait for
 * "Finish and close". Kept by the delivery thread alone, so that a (re)connecting client gets exactly the cards the
 * messages before it built, and the messages after it build on them.
 */
final class LiveCalls {

    /** Unfinished cards kept per user; older ones remain in the database for a restore. */
    static final int MAX_UNFINISHED_PER_USER = 20;

    /** A call in progress: the other party's identity, and their last calls once they are read. */
    static final class LiveCall {
        CallInfo info;
        /** The number {@link #party} and {@link #history} are about; null before the first lookup. */
        String partyNumber;
        CallerView party;
        /** Null until read. */
        List<HistoryEntry> history;
        /** What the card's client fields start from ({@link KnownClient}); null until the history is read, or none. */
        ClientInfo knownClient;
        final Map<String, Card> cards = new LinkedHashMap<>();

        LiveCall(CallInfo info) {
            this.info = info;
        }
    }

    private final Map<String, LiveCall> calls = new HashMap<>();
    private final Map<Long, LinkedHashMap<String, Card>> unfinished = new HashMap<>();

    LiveCall call(String callId) {
        return calls.get(callId);
    }

    LiveCall open(CallInfo info) {
        LiveCall call = calls.computeIfAbsent(info.callId(), id -> new LiveCall(info));
        call.info = info;
        return call;
    }

    /** The call is over: its cards that wait for "Finish and close" stay, the others go. */
    void ended(String callId) {
        LiveCall call = calls.remove(callId);
        if (call == null) {
            return;
        }
        for (Card card : call.cards.values()) {
            if (card.awaitsFinish()) {
                card.forgetHistory(); // the card is restored without it; memory holds many such cards
                LinkedHashMap<String, Card> cards = unfinished.computeIfAbsent(card.userId, id -> new LinkedHashMap<>());
                cards.put(card.callId(), card);
                while (cards.size() > MAX_UNFINISHED_PER_USER) {
                    cards.pollFirstEntry();
                }
            }
        }
    }

    /** The consultation call's cards become cards of the call it was merged into. */
    List<Card> merge(String absorbedId, String intoId) {
        LiveCall absorbed = calls.remove(absorbedId);
        LiveCall into = calls.get(intoId);
        if (absorbed == null || into == null) {
            return List.of();
        }
        List<Card> moved = new ArrayList<>();
        for (Card card : absorbed.cards.values()) {
            if (into.cards.putIfAbsent(card.extension(), card) == null) {
                moved.add(card);
            }
        }
        return moved;
    }

    /** Every card of the user, live or waiting for "Finish and close", oldest first. */
    List<Card> cardsOf(long userId) {
        List<Card> cards = new ArrayList<>();
        for (LiveCall call : calls.values()) {
            for (Card card : call.cards.values()) {
                if (card.userId == userId) {
                    cards.add(card);
                }
            }
        }
        cards.addAll(unfinished.getOrDefault(userId, new LinkedHashMap<>()).values());
        return cards;
    }

    /** Every card of every operator: what a supervisor's board starts from. */
    List<Card> allCards() {
        List<Card> cards = new ArrayList<>();
        calls.values().forEach(call -> cards.addAll(call.cards.values()));
        unfinished.values().forEach(byCall -> cards.addAll(byCall.values()));
        return cards;
    }

    /** "Finish and close": the card is gone from every list. */
    void finish(UserCard key) {
        LinkedHashMap<String, Card> cards = unfinished.get(key.userId());
        if (cards != null) {
            cards.remove(key.callId());
            if (cards.isEmpty()) {
                unfinished.remove(key.userId());
            }
        }
        LiveCall call = calls.get(key.callId());
        if (call != null) {
            call.cards.values().removeIf(card -> card.userId == key.userId() && card.awaitsFinish());
        }
    }

    int callsInProgress() {
        return calls.size();
    }
}
