package dev.zvonok.app.card;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Server messages as server-lite's {@code CallDelivery} builds them, with the demo directory's people: the dealer
 * "Автодом Волга" of "ООО «Волга-Авто»" calls from +79271390907 on the line +74951234500; Иван Иванов answers on
 * 777, Пётр Петров on 888.
 */
final class Calls {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    /** Thursday 2026-11-19, 11:15 in Moscow. */
    static final Instant RING_AT = Instant.parse("2026-11-19T08:15:00Z");
    static final String CALL = "1795292466.301321";
    static final String OTHER_CALL = "1795292504.301325";
    static final String DEALER_NUMBER = "+79271390907";
    static final String LINE = "+74951234500";
    static final CallerView DEALER = new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»");
    static final CallerView COMPANY = new CallerView(CallerKind.COMPANY, "ООО Ромашка", "ООО Ромашка");

    /** The caller's last calls, newest first: yesterday's answered one with notes, and a missed one. */
    static final List<HistoryEntry> HISTORY = List.of(
            new HistoryEntry("1795206066.301001", Instant.parse("2026-11-18T13:05:00Z"), "Иван Иванов",
                    CallDisposition.ANSWERED, "Просил перезвонить по гарантии"),
            new HistoryEntry("1794946866.300870", Instant.parse("2026-11-12T06:40:00Z"), "Пётр Петров",
                    CallDisposition.MISSED, null));

    private Calls() {
    }

    /** The dealer's call rings at 777, its history still being looked up. */
    static IncomingCall ring() {
        return ring(CALL, "777", null);
    }

    static IncomingCall ring(String callId, String extension, List<HistoryEntry> history) {
        return new IncomingCall(callId, CallDirection.INBOUND, DEALER_NUMBER, DEALER, LINE, null, extension,
                RING_AT, null, history, null);
    }

    static IncomingCall queueRing(String callId, String extension) {
        return new IncomingCall(callId, CallDirection.INBOUND, "+74957654321", COMPANY, "+74951234567", "support",
                extension, RING_AT, null, List.of(), null);
    }

    static IncomingCall transferredRing(String callId, String extension, String from) {
        return new IncomingCall(callId, CallDirection.INBOUND, DEALER_NUMBER, DEALER, LINE, null, extension,
                RING_AT.plusSeconds(30), from, HISTORY, null);
    }

    /** The consultation call {@code absorbed} became part of {@code callId}: the card shows the customer now. */
    static IncomingCall merged(String callId, String absorbed, String extension) {
        return new IncomingCall(callId, CallDirection.INBOUND, DEALER_NUMBER, DEALER, LINE, null, extension,
                RING_AT, "777", HISTORY, absorbed);
    }

    static ServerMessage.CallHistory history(String callId) {
        return new ServerMessage.CallHistory(callId, HISTORY);
    }

    static ServerMessage.CallAnswered answered(String callId, String extension, Instant at) {
        return new ServerMessage.CallAnswered(callId, extension, at, false, extension, null);
    }

    static ServerMessage.CallAnswered answeredByIvanov(String callId, String ringingAt) {
        return new ServerMessage.CallAnswered(callId, ringingAt, RING_AT.plusSeconds(4), true, "777", "Иван Иванов");
    }

    static ServerMessage.CallHold hold(String callId, boolean onHold) {
        return new ServerMessage.CallHold(callId, "777", RING_AT.plusSeconds(40), onHold);
    }

    static ServerMessage.CallTransferred transferredTo888(String callId) {
        return new ServerMessage.CallTransferred(callId, RING_AT.plusSeconds(70), "777", "888", TransferKind.BLIND);
    }

    /** 777 talked {@code talk} and hung up: the card waits for "Finish and close". */
    static ServerMessage.CallEnded endedAfterTalk(String callId, Instant answeredAt, Duration talk) {
        return new ServerMessage.CallEnded(callId, "777", answeredAt.plus(talk), OfferResult.ANSWERED, null,
                talk.toSeconds(), true);
    }

    static ServerMessage.CallEnded ringEnded(String callId, OfferResult result) {
        return new ServerMessage.CallEnded(callId, "777", RING_AT.plusSeconds(25), result, null, null, false);
    }

    static ServerMessage.CallFinished finished(String callId) {
        return new ServerMessage.CallFinished("other-client-7", callId, RING_AT.plusSeconds(300));
    }
}
