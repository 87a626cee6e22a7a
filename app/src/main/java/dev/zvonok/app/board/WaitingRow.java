package dev.zvonok.app.board;

import java.time.Duration;

/**
 * A caller waiting in a queue.
 *
 * @param caller the caller's name, else the number
 * @param waited how long they have waited so far, by the board's clock
 */
public record WaitingRow(String callId, String caller, String callerNumber, int position, Duration waited,
                         AlarmLevel alarm) {
}
