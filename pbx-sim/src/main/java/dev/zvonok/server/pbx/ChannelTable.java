package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live channels of the simulated PBX, kept up to date from the events it publishes, so that
 * {@code CoreShowChannels} and {@code Status} answer like a PBX that has been running.
 *
 * <p>Every channel event carries the channel's current block ({@code Channel}, state, caller, connected line,
 * context, exten, priority...), sometimes twice with a prefix ({@code Dest...} in Dial and agent events,
 * {@code LocalOne...}, {@code Transferee...}): each such block refreshes the channel it names. On top of that,
 * {@code Newchannel} adds a channel, {@code Newexten} sets its application, {@code BridgeEnter}/{@code BridgeLeave}
 * its bridge, {@code Rename} its name, and {@code Hangup} removes it. Events about channels the table never saw
 * created are ignored rather than guessed into existence. Thread-safe; insertion order is kept.
 *
 * <p>Only the endpoint changes it (through {@link AmiEndpoint#publish} and {@link AmiEndpoint#seedChannels}), so the
 * table never says anything the clients were not told.
 */
public final class ChannelTable {

    private static final String UNIQUEID = "Uniqueid";

    private final Map<String, ChannelSnapshot> byUniqueid = new LinkedHashMap<>();

    /** Applies one published event; {@code nowMillis} dates channels created by it. */
    synchronized void apply(AmiMessage event, long nowMillis) {
        String name = event.event();
        if (name == null) {
            return;
        }
        String uniqueid = event.get(UNIQUEID);
        if (name.equalsIgnoreCase("Newchannel") && uniqueid != null) {
            byUniqueid.put(uniqueid, ChannelSnapshot.created(event, nowMillis));
            return;
        }
        if (name.equalsIgnoreCase("Hangup")) {
            if (uniqueid != null) {
                byUniqueid.remove(uniqueid);
            }
            return;
        }
        refreshChannelBlocks(event);
        if (uniqueid == null || !byUniqueid.containsKey(uniqueid)) {
            return;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "newexten" -> byUniqueid.computeIfPresent(uniqueid,
                    (id, channel) -> channel.withApplication(orEmpty(event.get("Application")),
                            orEmpty(event.get("AppData"))));
            case "bridgeenter" -> byUniqueid.computeIfPresent(uniqueid,
                    (id, channel) -> channel.withBridgeId(orEmpty(event.get("BridgeUniqueid"))));
            case "bridgeleave" -> byUniqueid.computeIfPresent(uniqueid,
                    (id, channel) -> channel.bridgeId().equals(event.get("BridgeUniqueid"))
                            ? channel.withBridgeId("") : channel);
            case "rename" -> {
                String newName = event.get("Newname");
                if (newName != null) {
                    byUniqueid.computeIfPresent(uniqueid, (id, channel) -> channel.withName(newName));
                }
            }
            default -> {
                // the channel block refresh above is all this event tells
            }
        }
    }

    /**
     * Adds channels that were up before anything was published, from {@code CoreShowChannel} events as a recording
     * holds them (see {@link TraceTimeline#channelsUpAtStart()}).
     */
    synchronized void seed(Collection<AmiMessage> coreShowChannelEvents, long nowMillis) {
        for (AmiMessage item : coreShowChannelEvents) {
            ChannelSnapshot channel = ChannelSnapshot.fromCoreShowChannel(item, nowMillis);
            if (!channel.uniqueid().isEmpty()) {
                byUniqueid.put(channel.uniqueid(), channel);
            }
        }
    }

    /** The live channels, in the order they were created. */
    public synchronized List<ChannelSnapshot> snapshot() {
        return List.copyOf(byUniqueid.values());
    }

    public synchronized Optional<ChannelSnapshot> byName(String channelName) {
        if (channelName == null) {
            return Optional.empty();
        }
        return byUniqueid.values().stream().filter(c -> c.channel().equalsIgnoreCase(channelName)).findFirst();
    }

    public synchronized Optional<ChannelSnapshot> byUniqueid(String uniqueid) {
        return Optional.ofNullable(byUniqueid.get(uniqueid));
    }

    public synchronized int size() {
        return byUniqueid.size();
    }

    /** Every {@code <prefix>Uniqueid} with a {@code <prefix>ChannelState} beside it is a channel block. */
    private void refreshChannelBlocks(AmiMessage event) {
        List<String> prefixes = new ArrayList<>(2);
        for (String key : event.keys()) {
            if (key.length() >= UNIQUEID.length() && key.regionMatches(true, key.length() - UNIQUEID.length(),
                    UNIQUEID, 0, UNIQUEID.length())) {
                String prefix = key.substring(0, key.length() - UNIQUEID.length());
                if (event.has(prefix + "ChannelState")) {
                    prefixes.add(prefix);
                }
            }
        }
        for (String prefix : prefixes) {
            String uniqueid = event.get(prefix + UNIQUEID);
            byUniqueid.computeIfPresent(uniqueid, (id, channel) -> channel.updatedFrom(event, prefix));
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
