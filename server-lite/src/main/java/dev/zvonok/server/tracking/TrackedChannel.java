package dev.zvonok.server.tracking;

import dev.zvonok.model.call.OfferResult;
import java.time.Instant;

/** One live leg as the tracker knows it. Mutable; owned by the tracking thread. */
final class TrackedChannel {

    enum Role { OPERATOR_PHONE, OUTSIDE_LINE, LOCAL }

    final String uniqueId;
    final String name;
    final ChannelName parsed;
    final Role role;
    /** The operator's extension for {@link Role#OPERATOR_PHONE}, else null. */
    final String extension;
    final Instant createdAt;

    TrackedCall call;
    ChannelState state = ChannelState.UNKNOWN;
    String callerNumber;
    String exten;
    /** The leg that dialled this one (DialBegin), when known. */
    TrackedChannel dialledBy;
    /** The other half of a Local pair. */
    TrackedChannel localPeer;
    /** The offer this leg rings or talks for (operator phones only). */
    TrackedOffer offer;
    /** How this leg's ring ended without an answer (DialEnd BUSY, NOANSWER...); null while it rings or talks. */
    OfferResult ringEnd;

    TrackedChannel(String uniqueId, String name, ChannelName parsed, Role role, String extension, Instant createdAt) {
        this.uniqueId = uniqueId;
        this.name = name;
        this.parsed = parsed;
        this.role = role;
        this.extension = extension;
        this.createdAt = createdAt;
    }

    boolean isOperatorPhone() {
        return role == Role.OPERATOR_PHONE;
    }

    boolean isOutsideLine() {
        return role == Role.OUTSIDE_LINE;
    }

    boolean isLocal() {
        return role == Role.LOCAL;
    }

    @Override
    public String toString() {
        return name + "(" + uniqueId + ")";
    }
}
