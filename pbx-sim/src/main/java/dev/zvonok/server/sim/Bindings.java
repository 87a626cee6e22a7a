package dev.zvonok.server.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one call instance puts into its template's holes: its fresh ids, its parties, its ActionID, and how far its
 * timeline moved each recorded instant ({@link #shift(long)}). Also caches rendered values, because a call repeats
 * its channel names and ids in most of its messages.
 */
final class Bindings {

    private final String[] uniqueIds;
    private final String[] channelSequences;
    private final String[] bridgeIds;
    private final String[] sipCallIds;
    private final String[] parties = new String[Role.values().length];
    private final String originateActionId;
    private final TimeWarp warp;
    private final long startShiftMillis;
    private final long pbxStartEpochSeconds;
    private final String[] cache;

    /**
     * @param startEpochMillis     wall-clock time of the new call's first event
     * @param pbxStartEpochSeconds when the simulated PBX started (its queue members' login time)
     */
    Bindings(CallTemplate template, CallSpec spec, TimeWarp warp, long startEpochMillis, long pbxStartEpochSeconds,
             FreshIds ids) {
        this.warp = warp;
        this.startShiftMillis = startEpochMillis - template.recordedStartEpochMillis();
        this.pbxStartEpochSeconds = pbxStartEpochSeconds;
        this.originateActionId = spec.originateActionId();
        spec.parties().forEach((role, value) -> parties[role.ordinal()] = value);

        List<CallTemplate.UniqueIdSlot> uniqueIdSlots = template.uniqueIds();
        uniqueIds = new String[uniqueIdSlots.size()];
        long counter = ids.reserveUniqueIdCounters(uniqueIds.length);
        for (int i = 0; i < uniqueIds.length; i++) {
            CallTemplate.UniqueIdSlot slot = uniqueIdSlots.get(i);
            long millis = slot.epochSeconds() * 1000 + slot.fraction() + shift(slot.firstSeenAt());
            uniqueIds[i] = Math.floorDiv(millis, 1000) + "." + (counter + i);
        }

        List<String> techs = template.channelTechs();
        channelSequences = new String[techs.size()];
        Map<String, Long> next = new HashMap<>();
        template.channelsPerTech().forEach((tech, count) -> next.put(tech, ids.reserveChannelSequences(tech, count)));
        for (int i = 0; i < channelSequences.length; i++) {
            long sequence = next.merge(techs.get(i), 1L, Long::sum) - 1;
            channelSequences[i] = FreshIds.channelSequence(sequence);
        }

        bridgeIds = new String[template.bridgeIds()];
        for (int i = 0; i < bridgeIds.length; i++) {
            bridgeIds[i] = ids.bridgeId();
        }
        List<Integer> lengths = template.sipCallIdLengths();
        sipCallIds = new String[lengths.size()];
        for (int i = 0; i < sipCallIds.length; i++) {
            sipCallIds[i] = ids.hex(lengths.get(i));
        }
        cache = new String[template.cacheSlots()];
    }

    /** How much later (ms, wall clock) the new call has the moment recorded at {@code recordedInstant}. */
    long shift(long recordedInstant) {
        return startShiftMillis + warp.map(recordedInstant) - recordedInstant;
    }

    String uniqueId(int slot) {
        return uniqueIds[slot];
    }

    String channelSequence(int slot) {
        return channelSequences[slot];
    }

    String bridgeId(int slot) {
        return bridgeIds[slot];
    }

    String sipCallId(int slot) {
        return sipCallIds[slot];
    }

    String party(Role role) {
        return parties[role.ordinal()];
    }

    /** Null: as recorded; empty: the Originate had no ActionID. */
    String originateActionId() {
        return originateActionId;
    }

    long pbxStartEpochSeconds() {
        return pbxStartEpochSeconds;
    }

    String cached(int slot) {
        return slot < 0 ? null : cache[slot];
    }

    String cache(int slot, String value) {
        if (slot >= 0) {
            cache[slot] = value;
        }
        return value;
    }
}
