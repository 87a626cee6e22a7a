package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One generated call: its fresh ids are drawn and its timeline fixed, but its messages are rendered only when asked
 * for, so that a load run holding thousands of calls in progress does not hold their messages.
 *
 * <p>Times are ms on the simulator's timeline ({@link PbxSimulator#epoch()} is 0).
 */
public final class SimulatedCall {

    private final CallSpec spec;
    private final CallTemplate template;
    private final Map<Wait, Duration> waits;
    private final Bindings bindings;
    private final long startMillis;
    private final int[] templateIndex;
    private final String[] digits;
    private final long[] atMillis;

    SimulatedCall(CallTemplate template, CallSpec spec, long startMillis, long epochMillis, FreshIds ids) {
        if (startMillis < 0) {
            throw new IllegalArgumentException("a call cannot start before the timeline: " + startMillis);
        }
        this.spec = Objects.requireNonNull(spec, "spec");
        this.template = template;
        this.startMillis = startMillis;
        this.waits = effectiveWaits(template, spec);

        CallTemplate.DigitRun run = template.digitRun();
        String dialled = run == null ? null : spec.party(run.role());
        Bursts bursts = template.bursts();
        long[] growAfter = new long[bursts.count()];
        long[] growth = new long[bursts.count()];
        Arrays.fill(growAfter, Long.MAX_VALUE);
        if (run != null) {
            growAfter[run.burst()] = run.lastDigitAt();
            growth[run.burst()] = (long) (dialled.length() - run.recordedDigits()) * run.spacingMillis();
        }
        long[] waitMillis = spec.shape().waits().stream().mapToLong(wait -> waits.get(wait).toMillis()).toArray();
        TimeWarp warp = new TimeWarp(bursts, waitMillis, growAfter, growth);
        this.bindings = new Bindings(template, spec, warp, epochMillis + startMillis, Math.floorDiv(epochMillis, 1000),
                ids);

        List<CallTemplate.Message> messages = template.messages();
        int count = messages.size() + (run == null ? 0 : dialled.length() - 1);
        templateIndex = new int[count];
        digits = new String[count];
        atMillis = new long[count];
        int next = 0;
        long previous = startMillis;
        for (int i = 0; i < messages.size(); i++) {
            CallTemplate.Message message = messages.get(i);
            int repeats = message.digits() == null ? 1 : dialled.length();
            for (int d = 0; d < repeats; d++) {
                long at = startMillis + warp.map(message.at()) + (message.digits() == null ? 0 : d * run.spacingMillis());
                previous = Math.max(previous, at); // rounding inside a wait must not reorder messages
                templateIndex[next] = i;
                digits[next] = message.digits() == null ? null : String.valueOf(dialled.charAt(d));
                atMillis[next] = previous;
                next++;
            }
        }
    }

    public CallSpec spec() {
        return spec;
    }

    public Shape shape() {
        return spec.shape();
    }

    /** Every wait of the call with its length: the spec's where it sets one, the recording's elsewhere. */
    public Map<Wait, Duration> waits() {
        return waits;
    }

    /** When the call's first message is due. */
    public long startMillis() {
        return startMillis;
    }

    /** When its last message is due. */
    public long endMillis() {
        return atMillis[atMillis.length - 1];
    }

    public int size() {
        return atMillis.length;
    }

    public long atMillis(int index) {
        return atMillis[index];
    }

    public TimedMessage message(int index) {
        CallTemplate.Message recorded = template.messages().get(templateIndex[index]);
        String[] keys = recorded.keys();
        ValueTemplate[] values = recorded.values();
        AmiMessage.Builder builder = AmiMessage.builder();
        for (int f = 0; f < keys.length; f++) {
            String value = values[f].render(bindings, digits[index]);
            if (!value.isEmpty() || !keys[f].equalsIgnoreCase("ActionID")) {
                builder.add(keys[f], value);
            }
        }
        return new TimedMessage(atMillis[index], builder.build());
    }

    /** All its messages, rendered now. */
    public List<TimedMessage> messages() {
        List<TimedMessage> all = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            all.add(message(i));
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * Its messages with times counted from its own start (the first is at 0), for a player that schedules a
     * timeline from "now", as the click-to-call path does.
     */
    public List<TimedMessage> messagesFromStart() {
        List<TimedMessage> all = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            all.add(message(i).shiftedBy(-startMillis));
        }
        return Collections.unmodifiableList(all);
    }

    /** A view that renders each message when it is read. */
    public List<TimedMessage> lazyMessages() {
        return new AbstractList<>() {
            @Override
            public TimedMessage get(int index) {
                return message(index);
            }

            @Override
            public int size() {
                return SimulatedCall.this.size();
            }
        };
    }

    /** The call's Linkedid: the Uniqueid of its first channel. */
    public String linkedid() {
        for (int i = 0; i < size(); i++) {
            CallTemplate.Message recorded = template.messages().get(templateIndex[i]);
            for (int f = 0; f < recorded.keys().length; f++) {
                if (recorded.keys()[f].equals("Linkedid")) {
                    return recorded.values()[f].render(bindings, null);
                }
            }
        }
        throw new IllegalStateException(spec.shape() + " has no Linkedid");
    }

    private static Map<Wait, Duration> effectiveWaits(CallTemplate template, CallSpec spec) {
        Map<Wait, Duration> waits = new EnumMap<>(template.recordedWaits());
        waits.putAll(spec.waits());
        return Collections.unmodifiableMap(waits);
    }

    @Override
    public String toString() {
        return spec.shape() + " " + spec.parties() + " at " + startMillis + " ms";
    }
}
