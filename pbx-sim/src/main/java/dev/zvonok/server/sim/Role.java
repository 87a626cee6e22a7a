package dev.zvonok.server.sim;

/**
 * A party of a simulated call, named by what it does in the call rather than by its number.
 *
 * <p>Each {@link Shape} has some of these roles; its recording fixes a token for each (e.g. {@code 777}), and a
 * {@link CallSpec} may give the role another value. The value replaces the token wherever it stands as a whole token:
 * channel names, caller ids, dial strings, device and queue-member interfaces, dialplan data, CDRs, variables.
 */
public enum Role {
    /** The outside party: the caller of an inbound call, the number dialled by a click-to-call. */
    EXTERNAL_NUMBER,
    /** The number the caller dialled, when it is not an operator's extension: a queue line or a ring group line. */
    DID,
    /**
     * The operator the call is about: the one who answers (direct, queue, ring group, hold), who is rung and does not
     * answer (no answer, busy, abandoned), who transfers, who starts a click-to-call or an internal call.
     */
    OPERATOR,
    /** The other member of a queue or ring group: rung too, loses to {@link #OPERATOR} ("answered elsewhere"). */
    OTHER_MEMBER,
    /** The operator a transfer goes to. */
    TRANSFER_TARGET,
    /** The operator called by an internal call. */
    CALLED_OPERATOR
}
