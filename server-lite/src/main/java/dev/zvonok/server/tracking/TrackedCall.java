package dev.zvonok.server.tracking;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.HangupSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One call: every leg sharing a Linkedid (and any consultation call merged into it). Owned by the tracking thread. */
final class TrackedCall {

    final String id;
    Instant startAt;
    TrackedChannel origin;
    CallDirection direction;
    String callerNumber;
    String dialedNumber;
    String queue;

    final Map<String, TrackedOffer> offers = new LinkedHashMap<>();
    final List<TransferRecord> transfers = new ArrayList<>();
    final Set<TrackedChannel> channels = new LinkedHashSet<>();
    /** Linkedids of consultation calls merged into this one. */
    final List<String> absorbedIds = new ArrayList<>();

    /** The first operator who answered (inbound and internal calls). */
    TrackedOffer firstAnswer;
    /** Outbound calls: when the called party picked up. */
    Instant outsideAnsweredAt;
    boolean outsideBusy;
    /** The caller hung up (or left the queue) before anybody answered. */
    boolean callerAbandoned;
    /** Set by a transfer: the next operator rung is rung on behalf of this one. */
    String pendingTransferFrom;
    HangupSide hangupSide;
    /** Some leg of the call ended while the PBX was not watched (found gone at a resync). */
    boolean endUnobserved;
    Integer hangupCause;
    String hangupCauseText;

    TrackedCall(String id, Instant startAt) {
        this.id = id;
        this.startAt = startAt;
    }

    boolean isAnswered() {
        return direction == CallDirection.OUTBOUND ? outsideAnsweredAt != null : firstAnswer != null;
    }

    /** The operator now talking on this call (answered, not yet ended or transferred), most recent first. */
    TrackedOffer activeAnswered(String except) {
        TrackedOffer found = null;
        for (TrackedOffer offer : offers.values()) {
            if (offer.isAnswered() && !offer.extension.equals(except)) {
                if (found == null || offer.answerAt.isAfter(found.answerAt) || offer.answerAt.equals(found.answerAt)) {
                    found = offer;
                }
            }
        }
        return found;
    }

    CallInfo info() {
        return new CallInfo(id, direction, callerNumber, dialedNumber, queue, startAt);
    }
}
