package dev.zvonok.model.board;

import dev.zvonok.model.directory.CallerView;
import java.time.Instant;

/**
 * A caller waiting in a queue now.
 *
 * @param position 1 for the caller who is answered next
 * @param since    when the caller joined the queue
 */
public record WaitingCaller(String callId, String callerNumber, CallerView caller, Instant since, int position) {
}
