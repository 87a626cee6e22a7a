package dev.zvonok.server.queues;

import java.util.List;

/**
 * What came of a {@link QueuePauser} request.
 *
 * @param result     what happened
 * @param message    the PBX's own words when it refused (e.g. {@code Permission denied}, {@code Interface not found}),
 *                   or why nothing was sent; null when done
 * @param interfaces the member interfaces the request named
 */
public record QueuePauseResult(Result result, String message, List<String> interfaces) {

    public enum Result {
        /** The PBX paused (or unpaused) every interface. */
        DONE,
        /** The operator is a member of no queue the PBX reported: nothing to pause. */
        NOT_A_MEMBER,
        /** The PBX refused at least one interface; {@code message} says why. */
        REFUSED,
        /** No PBX connection now (or it did not answer). */
        NOT_CONNECTED
    }

    public QueuePauseResult {
        interfaces = List.copyOf(interfaces);
    }

    public boolean done() {
        return result == Result.DONE;
    }
}
