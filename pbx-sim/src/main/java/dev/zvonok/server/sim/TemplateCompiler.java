package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one recorded call into a {@link CallTemplate}: cuts it out of its trace, finds its bursts (one more than the
 * shape has waits, or the recording does not match the shape), recognises its time fields, and cuts every other value
 * into text and holes for ids and parties.
 */
final class TemplateCompiler {

    private final Recording recording;
    private final ValueTokenizer tokenizer;

    private TemplateCompiler(Recording recording) {
        this.recording = recording;
        this.tokenizer = new ValueTokenizer(recording.parties());
    }

    static CallTemplate compile(AmiTrace trace, Recording recording) {
        return new TemplateCompiler(recording).compile(trace);
    }

    private CallTemplate compile(AmiTrace trace) {
        List<AmiTrace.Entry> entries = CallSelection.select(trace, recording.callNumber(), tokenizer);
        long startTraceMillis = entries.get(0).atMillis();
        long originEpochMillis = CallSelection.recordedOriginEpochMillis(trace);
        long startEpochMillis = originEpochMillis + startTraceMillis;

        long[] at = new long[entries.size()];
        boolean[] rtcp = new boolean[entries.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = entries.get(i).atMillis() - startTraceMillis;
            rtcp[i] = entries.get(i).name().startsWith("RTCP");
        }
        Bursts bursts = Bursts.detect(at, rtcp);
        if (bursts.count() != recording.shape().waits().size() + 1) {
            throw new IllegalStateException(recording.trace() + " call " + recording.callNumber() + " has "
                    + bursts.count() + " bursts; " + recording.shape() + " expects waits " + recording.shape().waits());
        }
        long[] burstEventTimes = new long[at.length];
        int burstEvents = 0;
        for (int i = 0; i < at.length; i++) {
            if (!rtcp[i]) {
                burstEventTimes[burstEvents++] = at[i];
            }
        }
        long[] burstTimes = Arrays.copyOf(burstEventTimes, burstEvents);

        DigitRunFinder.Found digits = DigitRunFinder.find(entries, at, recording.parties(), bursts);
        IdSlots slots = collectIds(entries, at, new TimeFields(startEpochMillis, burstTimes), startEpochMillis);
        TimeFields timeFields = new TimeFields(startEpochMillis, burstTimes); // fresh: it remembers earlier fields

        ValueCompiler values = new ValueCompiler(timeFields, slots, digits);
        List<CallTemplate.Message> messages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (digits != null && digits.skips(i)) {
                continue;
            }
            AmiMessage message = entries.get(i).message();
            String[] keys = message.keys().toArray(String[]::new);
            ValueTemplate[] compiled = new ValueTemplate[keys.length];
            for (int f = 0; f < keys.length; f++) {
                compiled[f] = values.compile(message, i, keys[f], message.valueAt(f), at[i]);
            }
            messages.add(new CallTemplate.Message(at[i], keys, compiled,
                    digits != null && digits.firstIndex() == i ? digits.run() : null));
        }
        return new CallTemplate(recording, messages, bursts, startEpochMillis, startTraceMillis, originEpochMillis,
                slots.uniqueIdSlots, slots.channelTechs, slots.channelsPerTech, slots.bridgeIds.size(),
                slots.sipCallIdLengths, values.cacheSlots, digits == null ? null : digits.run());
    }

    /** Compiles field values; the same text compiles once, so a call renders it once ({@link ValueTemplate.Tokens}). */
    private final class ValueCompiler {
        private final TimeFields timeFields;
        private final IdSlots slots;
        private final DigitRunFinder.Found digits;
        private final Map<String, ValueTemplate> compiledTexts = new HashMap<>();
        private int cacheSlots;

        ValueCompiler(TimeFields timeFields, IdSlots slots, DigitRunFinder.Found digits) {
            this.timeFields = timeFields;
            this.slots = slots;
            this.digits = digits;
        }

        ValueTemplate compile(AmiMessage message, int index, String key, String value, long at) {
            ValueTemplate time = timeFields.compile(message, key, value, at);
            if (time != null) {
                return time;
            }
            if (digits != null && digits.isDigitField(index, key)) {
                return new ValueTemplate.Digit();
            }
            if (key.equalsIgnoreCase("ActionID")) {
                return new ValueTemplate.Tokens(new ValueTemplate.Piece[] {new ValueTemplate.OriginateActionId(value)},
                        ValueTemplate.Tokens.UNCACHED);
            }
            ValueTemplate compiled = compiledTexts.get(value);
            if (compiled == null) {
                compiled = compileText(value, slots, cacheSlots);
                compiledTexts.put(value, compiled);
                if (compiled instanceof ValueTemplate.Tokens) {
                    cacheSlots++;
                }
            }
            return compiled;
        }
    }

    /** What ids the call uses, each once, ordered as Asterisk allocated them so fresh ones keep that order. */
    private static final class IdSlots {
        final Map<String, Integer> uniqueIds = new HashMap<>();
        final List<CallTemplate.UniqueIdSlot> uniqueIdSlots = new ArrayList<>();
        final Map<String, Integer> channels = new HashMap<>();
        final List<String> channelTechs = new ArrayList<>();
        final Map<String, Integer> channelsPerTech = new HashMap<>();
        final Map<String, Integer> bridgeIds = new LinkedHashMap<>();
        final Map<String, Integer> sipCallIds = new LinkedHashMap<>();
        final List<Integer> sipCallIdLengths = new ArrayList<>();
    }

    private IdSlots collectIds(List<AmiTrace.Entry> entries, long[] at, TimeFields timeFields, long startEpochMillis) {
        Map<String, Long> firstSeen = new LinkedHashMap<>();
        Map<String, TreeMap<Long, String>> channelsByTech = new TreeMap<>();
        IdSlots slots = new IdSlots();
        for (int i = 0; i < entries.size(); i++) {
            AmiMessage message = entries.get(i).message();
            for (int f = 0; f < message.size(); f++) {
                String value = message.valueAt(f);
                if (timeFields.compile(message, message.keyAt(f), value, at[i]) != null) {
                    continue;
                }
                for (ValueTokenizer.Token token : tokenizer.tokens(value)) {
                    switch (token.kind()) {
                        case UNIQUE_ID -> firstSeen.putIfAbsent(token.text(), at[i]);
                        case CHANNEL_SEQUENCE -> channelsByTech.computeIfAbsent(token.channelTech(), t -> new TreeMap<>())
                                .put(Long.parseLong(token.text(), 16), token.text());
                        case BRIDGE_ID -> slots.bridgeIds.putIfAbsent(token.text(), slots.bridgeIds.size());
                        case SIP_CALL_ID -> {
                            if (slots.sipCallIds.putIfAbsent(token.text(), slots.sipCallIds.size()) == null) {
                                slots.sipCallIdLengths.add(token.text().length());
                            }
                        }
                        case PARTY -> {
                        }
                    }
                }
            }
        }
        firstSeen.keySet().stream()
                .sorted(Comparator.comparingLong(id -> Long.parseLong(id.substring(id.indexOf('.') + 1))))
                .forEach(id -> {
                    long epochSeconds = Long.parseLong(id.substring(0, id.indexOf('.')));
                    long seenAt = firstSeen.get(id);
                    int fraction = (int) Math.max(0, Math.min(999, startEpochMillis + seenAt - epochSeconds * 1000));
                    slots.uniqueIds.put(id, slots.uniqueIdSlots.size());
                    slots.uniqueIdSlots.add(new CallTemplate.UniqueIdSlot(epochSeconds, seenAt, fraction));
                });
        channelsByTech.forEach((tech, sequences) -> {
            slots.channelsPerTech.put(tech, sequences.size());
            sequences.values().forEach(sequence -> {
                slots.channels.put(tech + "/" + sequence, slots.channelTechs.size());
                slots.channelTechs.add(tech);
            });
        });
        return slots;
    }

    private ValueTemplate compileText(String text, IdSlots slots, int cacheSlot) {
        List<ValueTokenizer.Token> tokens = tokenizer.tokens(text);
        if (tokens.isEmpty()) {
            return new ValueTemplate.Literal(text);
        }
        List<ValueTemplate.Piece> pieces = new ArrayList<>();
        int position = 0;
        for (ValueTokenizer.Token token : tokens) {
            if (token.start() > position) {
                pieces.add(new ValueTemplate.Text(text.substring(position, token.start())));
            }
            pieces.add(switch (token.kind()) {
                case UNIQUE_ID -> new ValueTemplate.UniqueId(slots.uniqueIds.get(token.text()));
                case CHANNEL_SEQUENCE -> new ValueTemplate.ChannelSequence(
                        slots.channels.get(token.channelTech() + "/" + token.text()));
                case BRIDGE_ID -> new ValueTemplate.BridgeId(slots.bridgeIds.get(token.text()));
                case SIP_CALL_ID -> new ValueTemplate.SipCallId(slots.sipCallIds.get(token.text()));
                case PARTY -> new ValueTemplate.Party(token.role());
            });
            position = token.end();
        }
        if (position < text.length()) {
            pieces.add(new ValueTemplate.Text(text.substring(position)));
        }
        return new ValueTemplate.Tokens(pieces.toArray(ValueTemplate.Piece[]::new), cacheSlot);
    }
}
