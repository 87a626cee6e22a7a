package dev.zvonok.server.tracking;

import dev.zvonok.server.tracking.CallEvent.CallEnded;
import dev.zvonok.server.tracking.CallEvent.CallHeld;
import dev.zvonok.server.tracking.CallEvent.CallResumed;
import dev.zvonok.server.tracking.CallEvent.CallStarted;
import dev.zvonok.server.tracking.CallEvent.CallTransferred;
import dev.zvonok.server.tracking.CallEvent.CallsMerged;
import dev.zvonok.server.tracking.CallEvent.OfferAnswered;
import dev.zvonok.server.tracking.CallEvent.OfferEnded;
import dev.zvonok.server.tracking.CallEvent.OfferRinging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the life of every call to the log, one line per step, for operators of the server and for the demo. */
public final class CallLog implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger("dev.zvonok.calls");

    @Override
    public void onCallEvent(CallEvent event) {
        switch (event) {
            case CallStarted e -> log.debug("call {} started", e.callId());
            case OfferRinging e -> log.info("call {} {} {} -> {} rings at {}{}", e.callId(), e.call().direction().wireName(),
                    orUnknown(e.call().callerNumber()), orUnknown(e.call().dialedNumber()), e.extension(),
                    e.transferredFrom() == null ? "" : " (from " + e.transferredFrom() + ")");
            case OfferAnswered e -> log.info("call {} answered by {}", e.callId(), e.extension());
            case OfferEnded e -> log.info("call {} offer to {} ended: {}{}", e.callId(), e.extension(),
                    e.result().wireName(), e.answeredBy() == null ? "" : " by " + e.answeredBy());
            case CallTransferred e -> log.info("call {} transferred {} -> {} ({})", e.callId(), e.from(), e.to(),
                    e.kind().wireName());
            case CallHeld e -> log.info("call {} on hold by {}", e.callId(), e.extension());
            case CallResumed e -> log.info("call {} resumed by {}", e.callId(), e.extension());
            case CallsMerged e -> log.info("call {} absorbed consultation call {}", e.callId(), e.absorbedCallId());
            case CallEnded e -> log.info("call {} ended: {} {} {} -> {}, answered by {}, {} offer(s), {} transfer(s)",
                    e.callId(), e.record().disposition().wireName(), e.record().direction().wireName(),
                    orUnknown(e.record().caller()), orUnknown(e.record().dialed()),
                    e.record().answeredBy() == null ? "nobody" : e.record().answeredBy(), e.record().offers().size(),
                    e.record().transfers().size());
        }
    }

    private static String orUnknown(String number) {
        return number == null ? "unknown" : number;
    }
}
