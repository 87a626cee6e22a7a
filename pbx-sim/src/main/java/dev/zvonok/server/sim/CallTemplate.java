package dev.zvonok.server.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded call compiled for fast instantiation: its messages with every field value pre-cut into literal text,
 * id and party holes and timeline-bound times; its bursts; and what its ids looked like, so a new call can draw as
 * many fresh ones. Built once by {@link TemplateCompiler}, immutable, shared by every call of its shape.
 */
final class CallTemplate {

    /** One recorded message; {@code at} is ms since the call's first event. */
    record Message(long at, String[] keys, ValueTemplate[] values, DigitRun digits) {
    }

    /**
     * Events that spell a party digit by digit (08: the DTMF {@code 8}, {@code 8}, {@code 8} of the transfer target
     * after {@code *2}); the template keeps the first, and a call repeats it once per digit of its own party.
     *
     * @param burst       the burst they are in, which grows or shrinks with the number of digits
     * @param lastDigitAt when the recorded run ended: later events of that burst move by the growth
     */
    record DigitRun(Role role, int recordedDigits, long spacingMillis, int burst, long lastDigitAt) {
    }

    /** A recorded Uniqueid: its epoch part becomes the new call's time, its counter a fresh one. */
    record UniqueIdSlot(long epochSeconds, long firstSeenAt, int fraction) {
    }

    private final Recording recording;
    private final List<Message> messages;
    private final Bursts bursts;
    private final long recordedStartEpochMillis;
    private final long recordedStartTraceMillis;
    private final long recordedOriginEpochMillis;
    private final List<UniqueIdSlot> uniqueIds;
    private final List<String> channelTechs;
    private final Map<String, Integer> channelsPerTech;
    private final int bridgeIds;
    private final List<Integer> sipCallIdLengths;
    private final int cacheSlots;
    private final DigitRun digitRun;

    CallTemplate(Recording recording, List<Message> messages, Bursts bursts, long recordedStartEpochMillis,
                 long recordedStartTraceMillis, long recordedOriginEpochMillis, List<UniqueIdSlot> uniqueIds,
                 List<String> channelTechs, Map<String, Integer> channelsPerTech, int bridgeIds,
                 List<Integer> sipCallIdLengths, int cacheSlots, DigitRun digitRun) {
        this.recording = recording;
        this.messages = List.copyOf(messages);
        this.bursts = bursts;
        this.recordedStartEpochMillis = recordedStartEpochMillis;
        this.recordedStartTraceMillis = recordedStartTraceMillis;
        this.recordedOriginEpochMillis = recordedOriginEpochMillis;
        this.uniqueIds = List.copyOf(uniqueIds);
        this.channelTechs = List.copyOf(channelTechs);
        this.channelsPerTech = Map.copyOf(channelsPerTech);
        this.bridgeIds = bridgeIds;
        this.sipCallIdLengths = List.copyOf(sipCallIdLengths);
        this.cacheSlots = cacheSlots;
        this.digitRun = digitRun;
    }

    Recording recording() {
        return recording;
    }

    Shape shape() {
        return recording.shape();
    }

    List<Message> messages() {
        return messages;
    }

    Bursts bursts() {
        return bursts;
    }

    /** The recorded waits, in the shape's order. */
    Map<Wait, Duration> recordedWaits() {
        Map<Wait, Duration> waits = new EnumMap<>(Wait.class);
        List<Wait> names = shape().waits();
        for (int i = 0; i < names.size(); i++) {
            waits.put(names.get(i), Duration.ofMillis(bursts.gapAfter(i)));
        }
        return waits;
    }

    /** Wall-clock time of the recorded call's first event. */
    long recordedStartEpochMillis() {
        return recordedStartEpochMillis;
    }

    /** When the call's first event arrived, in ms since its recording began. */
    long recordedStartTraceMillis() {
        return recordedStartTraceMillis;
    }

    /** Wall-clock time at which the recording began (its time 0). */
    Instant recordedOrigin() {
        return Instant.ofEpochMilli(recordedOriginEpochMillis);
    }

    List<UniqueIdSlot> uniqueIds() {
        return uniqueIds;
    }

    /** Per channel-sequence slot, its technology; slots of one technology are in recorded order. */
    List<String> channelTechs() {
        return channelTechs;
    }

    Map<String, Integer> channelsPerTech() {
        return channelsPerTech;
    }

    int bridgeIds() {
        return bridgeIds;
    }

    List<Integer> sipCallIdLengths() {
        return sipCallIdLengths;
    }

    int cacheSlots() {
        return cacheSlots;
    }

    /** The dialled-digits run, or null when the call has none. */
    DigitRun digitRun() {
        return digitRun;
    }
}
