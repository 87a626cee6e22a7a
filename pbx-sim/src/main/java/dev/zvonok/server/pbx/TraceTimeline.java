package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.amiwire.TimedMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recording turned into what a replay needs: the broadcast events to play, timed from the moment the recorder
 * switched events on, and the channels that were already up when it connected.
 *
 * <p>What a recording holds besides broadcast events is the recorder's own conversation, and in a replay the
 * endpoint holds that conversation with each client itself. So the banner, the capture envelope (the responses to
 * {@code login-1}, {@code events-1}, {@code logoff-1}) and the {@code FullyBooted}/{@code SuccessfulAuth} sent at
 * login are dropped, as is every other {@code Response} and the items of every event list (a Response with
 * {@code EventList: start}, then the events with its ActionID up to the {@code ...Complete} one). Events that merely
 * carry an ActionID, such as {@code OriginateResponse}, are broadcast and stay. The recorded {@code CoreShowChannel}
 * items become {@link #channelsUpAtStart()}. Event bytes are kept as recorded.
 *
 * @param events            broadcast events, {@code atMillis} counted from the {@code events-1} response
 * @param channelsUpAtStart recorded {@code CoreShowChannel} items, to {@link AmiEndpoint#seedChannels seed} a table
 */
public record TraceTimeline(String name, List<TimedMessage> events, List<AmiMessage> channelsUpAtStart) {

    /** The ActionID the capture tool switched events on with; the timeline's zero. */
    static final String EVENTS_ON_ACTION_ID = "events-1";

    public TraceTimeline {
        events = List.copyOf(events);
        channelsUpAtStart = List.copyOf(channelsUpAtStart);
    }

    public static TraceTimeline of(AmiTrace trace) {
        List<AmiTrace.Entry> entries = trace.entries();
        int eventsOn = indexOfEventsOnResponse(entries);
        // Without the capture envelope (a hand-made trace), nothing before the first message is the recorder's.
        int first = eventsOn >= 0 ? eventsOn + 1 : 0;
        long zero = eventsOn >= 0 ? entries.get(eventsOn).atMillis() : firstMessageMillis(entries);

        List<TimedMessage> events = new ArrayList<>();
        List<AmiMessage> channelsUp = new ArrayList<>();
        Set<String> openLists = new HashSet<>();
        for (int i = first; i < entries.size(); i++) {
            AmiTrace.Entry entry = entries.get(i);
            AmiMessage message = entry.message();
            switch (entry.kind()) {
                case BANNER -> {
                    // the endpoint greets each client itself
                }
                case RESPONSE -> {
                    if ("start".equalsIgnoreCase(message.get("EventList")) && message.actionId() != null) {
                        openLists.add(message.actionId());
                    }
                }
                case EVENT -> {
                    String actionId = message.actionId();
                    if (actionId != null && openLists.contains(actionId)) {
                        if (message.isEvent("CoreShowChannel")) {
                            channelsUp.add(message);
                        }
                        if (message.event().endsWith("Complete")) {
                            openLists.remove(actionId);
                        }
                    } else {
                        events.add(new TimedMessage(Math.max(0, entry.atMillis() - zero), message));
                    }
                }
            }
        }
        return new TraceTimeline(trace.name(), events, channelsUp);
    }

    /** A recording on the class path, e.g. {@code /ami-traces/01-inbound-answered-caller-hangup.ami}. */
    public static TraceTimeline loadResource(String resource) {
        return of(AmiTrace.loadResource(resource));
    }

    /**
     * The same events, each carrying the {@code Timestamp} a PBX with {@code timestampevents = yes} (manager.conf)
     * would have sent: {@code zero} plus its recorded time. A server that reads the PBX's clock then sees the
     * recorded durations to the millisecond, whatever the playback speed or the scheduler's jitter.
     */
    public TraceTimeline withPbxTimestamps(Instant zero) {
        List<TimedMessage> stamped = new ArrayList<>(events.size());
        for (TimedMessage timed : events) {
            Instant at = zero.plusMillis(timed.atMillis());
            stamped.add(new TimedMessage(timed.atMillis(), timed.message().with("Timestamp",
                    "%d.%06d".formatted(at.getEpochSecond(), at.getNano() / 1000))));
        }
        return new TraceTimeline(name, stamped, channelsUpAtStart);
    }

    /** Recorded time from the first to the last event, at normal speed. */
    public Duration length() {
        return events.isEmpty() ? Duration.ZERO : Duration.ofMillis(events.getLast().atMillis());
    }

    private static int indexOfEventsOnResponse(List<AmiTrace.Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            AmiTrace.Entry entry = entries.get(i);
            if (entry.kind() == AmiTrace.Kind.RESPONSE && EVENTS_ON_ACTION_ID.equals(entry.message().actionId())) {
                return i;
            }
        }
        return -1;
    }

    private static long firstMessageMillis(List<AmiTrace.Entry> entries) {
        return entries.stream().filter(e -> e.kind() != AmiTrace.Kind.BANNER).mapToLong(AmiTrace.Entry::atMillis)
                .findFirst().orElse(0);
    }
}
