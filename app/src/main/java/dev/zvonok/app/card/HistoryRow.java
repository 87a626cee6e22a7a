package dev.zvonok.app.card;

import dev.zvonok.model.call.CallDisposition;

/**
 * One of the caller's earlier calls, worded for the card.
 *
 * @param when        "Today 14:05", "Yesterday 09:12" or a short date and time
 * @param operator    who took (or was rung for) the call; "—" when nobody is known
 * @param disposition how the call ended, in words; {@code outcome} is the same for styling
 * @param notes       what was noted, or empty
 */
public record HistoryRow(String when, String operator, String disposition, CallDisposition outcome, String notes) {
}
