package dev.zvonok.server.tracking;

import java.util.Objects;

/**
 * Names one channel (one leg of a call) as every AMI event does: its Uniqueid, the Linkedid of the call it belongs
 * to, and its channel name such as {@code SIP/777-0000000c}.
 *
 * @param linkedId may be null when the event does not carry it (Hold, some agent events)
 * @param name     may be null when the event does not carry it
 */
public record ChannelRef(String uniqueId, String linkedId, String name) {

    public ChannelRef {
        Objects.requireNonNull(uniqueId, "uniqueId");
    }
}
