package dev.zvonok.app.card;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.Priority;
import java.util.List;

/**
 * One of the caller's earlier calls, worded for the card.
 *
 * @param when         "Today 14:05", "Yesterday 09:12" or a short date and time
 * @param operator     who took (or was rung for) the call, by name; "—" when nobody is known
 * @param operatorFull the operator with their extension ("Иван Иванов, 777"), for the tooltip
 * @param disposition  how the call ended, in words; {@code outcome} is the same for styling
 * @param notes        what was noted, or empty
 * @param tags         the call's tags, for small labels
 * @param priority     the priority in words when it was marked above or below normal, else empty; {@code urgency}
 *                     is the same for styling (null when empty)
 * @param client       the client noted on the call ("Анна Смирнова · Автодом Волга"), or empty
 */
public record HistoryRow(String when, String operator, String operatorFull, String disposition,
                         CallDisposition outcome, String notes, List<String> tags, String priority, Priority urgency,
                         String client) {

    public HistoryRow {
        tags = List.copyOf(tags);
    }
}
