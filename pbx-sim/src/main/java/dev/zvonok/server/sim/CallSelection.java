package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.amiwire.MalformedAmiMessageException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts one call out of a recording: the events after the login envelope (banner, Login and Events responses,
 * FullyBooted, the AMI SuccessfulAuth), without the responses to the recorder's own actions, which belong to the
 * client that sent them rather than to the call.
 *
 * <p>When a trace holds several calls (11, 15), call <i>n</i> is the <i>n</i>-th Linkedid to appear: its channel
 * events carry that Linkedid. An event without one goes with the call whose Uniqueid or bridge it names (CDRs,
 * BridgeCreate), or else whose parties it names while that call is on (device and extension state, queue members,
 * SIP auth). The PBX-wide ones ({@code Queue:support_avail}) name no party and go with no call.
 */
final class CallSelection {

    /** How long after a call's last channel event its device-state events may still arrive. */
    private static final long DEVICE_STATE_LAG_MILLIS = 50;

    private CallSelection() {
    }

    static List<AmiTrace.Entry> select(AmiTrace trace, int callNumber, ValueTokenizer parties) {
        List<AmiTrace.Entry> events = eventsAfterLogin(trace);
        List<String> linkedids = linkedidsInOrder(events);
        if (callNumber > linkedids.size()) {
            throw new IllegalArgumentException(trace.name() + " has " + linkedids.size() + " calls, not " + callNumber);
        }
        if (linkedids.size() == 1) {
            return events;
        }
        String linkedid = linkedids.get(callNumber - 1);
        Set<String> ids = new HashSet<>(); // its Uniqueids and bridges, to place the events without a Linkedid
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (AmiTrace.Entry entry : events) {
            if (linkedid.equals(entry.message().get("Linkedid"))) {
                ids.add(entry.message().get("Uniqueid"));
                String bridge = entry.message().get("BridgeUniqueid");
                if (bridge != null) {
                    ids.add(bridge);
                }
                first = Math.min(first, entry.atMillis());
                last = Math.max(last, entry.atMillis());
            }
        }
        List<AmiTrace.Entry> call = new ArrayList<>();
        for (AmiTrace.Entry entry : events) {
            if (belongs(entry, linkedid, ids, first, last, parties)) {
                call.add(entry);
            }
        }
        return call;
    }

    /** Wall-clock time (epoch ms) of the recording's time 0, read from the first {@code EventTV} in it. */
    static long recordedOriginEpochMillis(AmiTrace trace) {
        for (AmiTrace.Entry entry : trace.entries()) {
            String eventTv = entry.message() == null ? null : entry.message().get("EventTV");
            if (eventTv != null) {
                long epochMillis = OffsetDateTime.parse(eventTv, DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd'T'HH:mm:ss.SSSxx")).toInstant().toEpochMilli();
                return epochMillis - entry.atMillis();
            }
        }
        for (AmiTrace.Entry entry : trace.entries()) {
            String uniqueid = entry.message() == null ? null : entry.message().get("Uniqueid");
            if (uniqueid != null && uniqueid.indexOf('.') == 10) {
                return Long.parseLong(uniqueid.substring(0, 10)) * 1000 - entry.atMillis();
            }
        }
        throw new MalformedAmiMessageException(trace.name() + " tells no wall-clock time (no EventTV, no Uniqueid)");
    }

    private static List<AmiTrace.Entry> eventsAfterLogin(AmiTrace trace) {
        List<AmiTrace.Entry> entries = trace.entries();
        int eventsOn = -1;
        for (int i = 0; i < entries.size() && eventsOn < 0; i++) {
            AmiMessage message = entries.get(i).message();
            if (entries.get(i).kind() == AmiTrace.Kind.RESPONSE && "On".equalsIgnoreCase(message.get("Events"))) {
                eventsOn = i;
            }
        }
        if (eventsOn < 0) {
            throw new MalformedAmiMessageException(trace.name() + " has no 'Events: On' response to start after");
        }
        return entries.subList(eventsOn + 1, entries.size()).stream()
                .filter(entry -> entry.kind() == AmiTrace.Kind.EVENT)
                .toList();
    }

    private static List<String> linkedidsInOrder(List<AmiTrace.Entry> events) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (AmiTrace.Entry entry : events) {
            String linkedid = entry.message().get("Linkedid");
            if (linkedid != null) {
                seen.putIfAbsent(linkedid, true);
            }
        }
        return List.copyOf(seen.keySet());
    }

    private static boolean belongs(AmiTrace.Entry entry, String linkedid, Set<String> ids, long first,
                                   long last, ValueTokenizer parties) {
        AmiMessage message = entry.message();
        boolean carriesLinkedid = false;
        for (int i = 0; i < message.size(); i++) {
            if (message.keyAt(i).endsWith("Linkedid")) {
                carriesLinkedid = true;
                if (message.valueAt(i).equals(linkedid)) {
                    return true;
                }
            }
        }
        if (carriesLinkedid) {
            return false;
        }
        for (int i = 0; i < message.size(); i++) {
            if (ids.contains(message.valueAt(i))) {
                return true;
            }
        }
        if (entry.atMillis() < first || entry.atMillis() > last + DEVICE_STATE_LAG_MILLIS) {
            return false;
        }
        for (int i = 0; i < message.size(); i++) {
            if (parties.containsParty(message.valueAt(i))) {
                return true;
            }
        }
        return false;
    }
}
