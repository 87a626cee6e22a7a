package dev.zvonok.server.queues.ami;

import dev.zvonok.server.queues.*;
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
public final class AmiQueuePauser {

    private final AmiConnection connection;
    private final QueueTracker tracker;

    public AmiQueuePauser(AmiConnection connection, QueueTracker tracker) {
        this.connection = connection;
        this.tracker = tracker;
    }

    /** Pauses every membership of the operator's phones, with the break's reason. */
    public QueuePauseResult pause(long userId, String reason) {
        return send(userId, true, reason);
    }

    /** Unpauses every membership of the operator's phones. */
    public QueuePauseResult unpause(long userId) {
        return send(userId, false, null);
    }

    private QueuePauseResult send(long userId, boolean paused, String reason) {
        List<String> interfaces = tracker.interfacesOf(userId);
        if (interfaces.isEmpty()) {
            return new QueuePauseResult(QueuePauseResult.Result.NOT_A_MEMBER, "the operator is a member of no queue",
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
                return new QueuePauseResult(QueuePauseResult.Result.NOT_CONNECTED, e.getMessage(), interfaces);
            }
            if (ManagerPermission.isDenial(response)) {
                // the same for every interface: say it once, with what the administrator can do about it
                return new QueuePauseResult(QueuePauseResult.Result.REFUSED, response.getMessage() + " ("
                        + ManagerPermission.QUEUE_PAUSE.advice(connection.username()) + ")", interfaces);
            }
            if (response instanceof ManagerError error) {
                refusals.add(memberInterface + ": " + error.getMessage());
            }
        }
        return refusals.isEmpty() ? new QueuePauseResult(QueuePauseResult.Result.DONE, null, interfaces)
                : new QueuePauseResult(QueuePauseResult.Result.REFUSED, String.join("; ", refusals), interfaces);
    }
}
