package dev.zvonok.server.workstatus;

import dev.zvonok.model.board.WorkStatus;
import java.time.Instant;

/**
 * An operator's work status now.
 *
 * @param reason the break's reason code; null when available
 * @param since  when this status began
 */
public record CurrentStatus(WorkStatus status, String reason, Instant since) {

    public static CurrentStatus available(Instant since) {
        return new CurrentStatus(WorkStatus.AVAILABLE, null, since);
    }
}
