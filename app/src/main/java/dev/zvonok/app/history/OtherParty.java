package dev.zvonok.app.history;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.call.CallDirection;
import java.util.Collection;

/** Whom a call was with, seen from the operator: the number to show in the list and to call back. */
public final class OtherParty {

    private OtherParty() {
    }

    /**
     * The caller of an inbound call, the dialled number of an outbound one; of an internal call the extension that
     * is not the operator's own.
     */
    public static String number(CallListItem call, Collection<String> ownExtensions) {
        if (call.direction() == CallDirection.OUTBOUND) {
            return call.dialed();
        }
        if (call.direction() == CallDirection.INTERNAL && ownExtensions.contains(call.callerNumber())) {
            return call.dialed();
        }
        return call.callerNumber();
    }
}
