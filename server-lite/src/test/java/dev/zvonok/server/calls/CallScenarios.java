package dev.zvonok.server.calls;

import static dev.zvonok.model.call.CallDirection.INBOUND;
import static dev.zvonok.model.call.CallDirection.INTERNAL;
import static dev.zvonok.model.call.CallDirection.OUTBOUND;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEvent.CallEnded;
import dev.zvonok.server.tracking.CallEvent.CallStarted;
import dev.zvonok.server.tracking.CallEvent.CallTransferred;
import dev.zvonok.server.tracking.CallEvent.CallsMerged;
import dev.zvonok.server.tracking.CallEvent.OfferAnswered;
import dev.zvonok.server.tracking.CallEvent.OfferEnded;
import dev.zvonok.server.tracking.CallEvent.OfferRinging;
import dev.zvonok.server.tracking.CallInfo;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.OfferRecord;
import dev.zvonok.server.tracking.TransferRecord;
import java.time.Instant;
import java.util.List;

/**
 * The tracker's events for the recorded demo calls, written by hand after the AMI traces (01, 02, 05, 07, 08), the
 * way the tracker reports them: live events, then the final record.
 */
public final class CallScenarios {

    public static final String DEALER = "89271390907";
    public static final String ROMASHKA = "+79991234567";

    private CallScenarios() {
    }

    public static Instant at(Instant start, double seconds) {
        return start.plusMillis(Math.round(seconds * 1000));
    }

    /** 01: the dealer calls 777 directly; Ivanov answers and talks a minute; the caller hangs up. */
    public static List<CallEvent> directAnswered(String id, Instant t0, String caller) {
        CallInfo info = new CallInfo(id, INBOUND, caller, "777", null, t0);
        return List.of(
                new CallStarted(id, t0, info),
                new OfferRinging(id, at(t0, 0.1), "777", info, null),
                new OfferAnswered(id, at(t0, 3), "777", info),
                new OfferEnded(id, at(t0, 63), "777", OfferResult.ANSWERED, null),
                new CallEnded(id, at(t0, 63), new CallRecord(id, INBOUND, caller, "777", null,
                        CallDisposition.ANSWERED, "777",
                        List.of(new OfferRecord("777", OfferResult.ANSWERED, at(t0, 0.1), at(t0, 3), at(t0, 63),
                                null, null)),
                        List.of(), t0, at(t0, 3), at(t0, 63), HangupSide.CALLER, 16, "Normal Clearing")));
    }

    /** 02: 777 rings for six seconds, nobody answers, the PBX hangs up. */
    public static List<CallEvent> missed(String id, Instant t0) {
        CallInfo info = new CallInfo(id, INBOUND, DEALER, "777", null, t0);
        return List.of(
                new CallStarted(id, t0, info),
                new OfferRinging(id, at(t0, 0.1), "777", info, null),
                new OfferEnded(id, at(t0, 6.1), "777", OfferResult.MISSED, null),
                new CallEnded(id, at(t0, 6.2), new CallRecord(id, INBOUND, DEALER, "777", null,
                        CallDisposition.MISSED, null,
                        List.of(new OfferRecord("777", OfferResult.MISSED, at(t0, 0.1), null, at(t0, 6.1), null,
                                null)),
                        List.of(), t0, null, at(t0, 6.2), HangupSide.PBX, 16, "Normal Clearing")));
    }

    /** 05: into the support queue on the main line; both phones ring, Petrov takes it, Ivanov's stops. */
    public static List<CallEvent> queueAnsweredElsewhere(String id, Instant t0) {
        CallInfo info = new CallInfo(id, INBOUND, DEALER, "74951234567", "support", t0);
        return List.of(
                new CallStarted(id, t0, info),
                new OfferRinging(id, at(t0, 2), "777", info, null),
                new OfferRinging(id, at(t0, 2), "888", info, null),
                new OfferAnswered(id, at(t0, 5), "888", info),
                new OfferEnded(id, at(t0, 5), "777", OfferResult.ANSWERED_ELSEWHERE, "888"),
                new OfferEnded(id, at(t0, 45), "888", OfferResult.ANSWERED, null),
                new CallEnded(id, at(t0, 45), new CallRecord(id, INBOUND, DEALER, "74951234567", "support",
                        CallDisposition.ANSWERED, "888",
                        List.of(new OfferRecord("777", OfferResult.ANSWERED_ELSEWHERE, at(t0, 2), null, at(t0, 5),
                                        null, null),
                                new OfferRecord("888", OfferResult.ANSWERED, at(t0, 2), at(t0, 5), at(t0, 45), null,
                                        null)),
                        List.of(), t0, at(t0, 5), at(t0, 45), HangupSide.CALLEE, 16, "Normal Clearing")));
    }

    /** 07: Ivanov answers, then passes the call to 888 without asking; Petrov answers. */
    public static List<CallEvent> blindTransfer(String id, Instant t0) {
        CallInfo info = new CallInfo(id, INBOUND, DEALER, "777", null, t0);
        return List.of(
                new CallStarted(id, t0, info),
                new OfferRinging(id, at(t0, 0.1), "777", info, null),
                new OfferAnswered(id, at(t0, 2), "777", info),
                new CallTransferred(id, at(t0, 10), "777", "888", TransferKind.BLIND),
                new OfferEnded(id, at(t0, 10), "777", OfferResult.TRANSFERRED, null),
                new OfferRinging(id, at(t0, 10.1), "888", info, "777"),
                new OfferAnswered(id, at(t0, 13), "888", info),
                new OfferEnded(id, at(t0, 40), "888", OfferResult.ANSWERED, null),
                new CallEnded(id, at(t0, 40), new CallRecord(id, INBOUND, DEALER, "777", null,
                        CallDisposition.ANSWERED, "777",
                        List.of(new OfferRecord("777", OfferResult.TRANSFERRED, at(t0, 0.1), at(t0, 2), at(t0, 10),
                                        null, "888"),
                                new OfferRecord("888", OfferResult.ANSWERED, at(t0, 10.1), at(t0, 13), at(t0, 40),
                                        "777", null)),
                        List.of(new TransferRecord("777", "888", TransferKind.BLIND, at(t0, 10))),
                        t0, at(t0, 2), at(t0, 40), HangupSide.CALLER, 16, "Normal Clearing")));
    }

    /** The live part of 08 up to Petrov answering the consultation call. */
    public static List<CallEvent> attendedTransferFirstPart(String id, String consultation, Instant t0) {
        CallInfo info = new CallInfo(id, INBOUND, DEALER, "777", null, t0);
        CallInfo consult = new CallInfo(consultation, INTERNAL, "777", "888", null, at(t0, 8));
        return List.of(
                new CallStarted(id, t0, info),
                new OfferRinging(id, at(t0, 0.1), "777", info, null),
                new OfferAnswered(id, at(t0, 2), "777", info),
                new CallEvent.CallHeld(id, at(t0, 7.5), "777"),
                new CallStarted(consultation, at(t0, 8), consult),
                new OfferRinging(consultation, at(t0, 8.1), "888", consult, null),
                new OfferAnswered(consultation, at(t0, 11), "888", consult));
    }

    /** The rest of 08: Ivanov completes the transfer; the consultation call becomes part of the caller's. */
    public static List<CallEvent> attendedTransferSecondPart(String id, String consultation, Instant t0) {
        return List.of(
                new CallTransferred(id, at(t0, 20), "777", "888", TransferKind.ATTENDED),
                new CallsMerged(id, at(t0, 20), consultation),
                new OfferEnded(id, at(t0, 20), "777", OfferResult.TRANSFERRED, null),
                new OfferEnded(id, at(t0, 50), "888", OfferResult.ANSWERED, null),
                new CallEnded(id, at(t0, 50), new CallRecord(id, INBOUND, DEALER, "777", null,
                        CallDisposition.ANSWERED, "777",
                        List.of(new OfferRecord("777", OfferResult.TRANSFERRED, at(t0, 0.1), at(t0, 2), at(t0, 20),
                                        null, "888"),
                                new OfferRecord("888", OfferResult.ANSWERED, at(t0, 8.1), at(t0, 11), at(t0, 50),
                                        "777", null)),
                        List.of(new TransferRecord("777", "888", TransferKind.ATTENDED, at(t0, 20))),
                        t0, at(t0, 2), at(t0, 50), HangupSide.CALLER, 16, "Normal Clearing")));
    }

    public static List<CallEvent> attendedTransfer(String id, String consultation, Instant t0) {
        return concat(attendedTransferFirstPart(id, consultation, t0),
                attendedTransferSecondPart(id, consultation, t0));
    }

    /** 09: click-to-call: Ivanov's phone is rung first, then the dealer, who answers. */
    public static List<CallEvent> outboundAnswered(String id, Instant t0) {
        CallInfo info = new CallInfo(id, OUTBOUND, "777", DEALER, null, t0);
        return List.of(
                new CallStarted(id, t0, info),
                new OfferRinging(id, at(t0, 0.1), "777", info, null),
                new OfferAnswered(id, at(t0, 2), "777", info),
                new OfferEnded(id, at(t0, 30), "777", OfferResult.ANSWERED, null),
                new CallEnded(id, at(t0, 30), new CallRecord(id, OUTBOUND, "777", DEALER, null,
                        CallDisposition.ANSWERED, null,
                        List.of(new OfferRecord("777", OfferResult.ANSWERED, at(t0, 0.1), at(t0, 2), at(t0, 30), null,
                                null)),
                        List.of(), t0, at(t0, 6), at(t0, 30), HangupSide.CALLER, 16, "Normal Clearing")));
    }

    @SafeVarargs
    public static List<CallEvent> concat(List<CallEvent>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
