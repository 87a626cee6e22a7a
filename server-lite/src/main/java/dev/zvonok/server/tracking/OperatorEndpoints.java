package dev.zvonok.server.tracking;

/**
 * Tells the tracker which legs lead to an operator's phone, the only legs that make offers.
 *
 * <p>A leg is either an operator's device (its extension is the offer's key), an outside line (a trunk), or a Local
 * channel (plumbing that leads to one of the other two).
 */
public interface OperatorEndpoints {

    /**
     * The extension of the operator's phone behind a (non-Local) channel, e.g. {@code 777} for
     * {@code SIP/777-0000000c}; null when the channel is an outside line.
     */
    String extensionOf(ChannelName channel);

    /**
     * The operator an outside number belongs to (e.g. a ring group that also rings an operator's mobile), as the key
     * their offers carry; null for a customer's number. The number comes normalized.
     */
    default String operatorOwning(String normalizedNumber) {
        return null;
    }
}
