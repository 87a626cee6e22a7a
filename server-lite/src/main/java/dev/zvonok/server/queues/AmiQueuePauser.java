package dev.zvonok.server.queues;

import dev.zvonok.server.ami.AmiConnection;
import dev.zvonok.server.ami.ManagerPermission;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * Sends AMI {@code QueuePause} for each of the operator's member interfaces the {@link QueueTracker} knows, without a
 * queue, so that Asterisk pauses the interface in every queue it is a member of (each answered by a
 * {@code QueueMemberPause} event, which the tracker then shows). The account needs {@code write = agent}.
 */
public final class AmiQueuePauser implements QueuePauser {

    private final AmiConnection connection;
    private final QueueTracker tracker;

    public AmiQueuePauser(AmiConnection connection, QueueTracker tracker) {
        this.connection = connection;
        this.tracker = tracker;
    }

    @Override
    public PauseOutcome pause(long userId, String reason) {
        return send(userId, true, reason);
    }

    @Override
    public PauseOutcome unpause(long userId) {
        return send(userId, false, null);
    }

    private PauseOutcome send(long userId, boolean paused, String reason) {
        List<String> interfaces = tracker.interfacesOf(userId);
        if (interfaces.isEmpty()) {
            return new PauseOutcome(PauseOutcome.Result.NOT_A_MEMBER, "the operator is a member of no queue",
                    interfaces);
        }
        List<String> refusals = new ArrayList<>();
        for (String memberInterface : interfaces) {
            QueuePauseAction action = new QueuePauseAction(memberInterface, paused);
            if (reason != null && !reason.isBlank()) {
                action.setReason(reason);
            }
            ManagerResponse response;
            try {
                response = connection.send(action);
            } catch (IOException e) {
                return new PauseOutcome(PauseOutcome.Result.NOT_CONNECTED, e.getMessage(), interfaces);
            }
            if (ManagerPermission.isDenial(response)) {
                // the same for every interface: say it once, with what the administrator can do about it
                return new PauseOutcome(PauseOutcome.Result.REFUSED, response.getMessage() + " ("
                        + ManagerPermission.QUEUE_PAUSE.advice(connection.username()) + ")", interfaces);
            }
            if (response instanceof ManagerError error) {
                refusals.add(memberInterface + ": " + error.getMessage());
            }
        }
        return refusals.isEmpty() ? new PauseOutcome(PauseOutcome.Result.DONE, null, interfaces)
                : new PauseOutcome(PauseOutcome.Result.REFUSED, String.join("; ", refusals), interfaces);
    }
}
