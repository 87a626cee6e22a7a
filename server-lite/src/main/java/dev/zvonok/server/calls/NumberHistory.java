package dev.zvonok.server.calls;

import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.ws.HistoryEntry;
import java.util.List;

/**
 * What earlier calls tell about a number when it calls again.
 *
 * @param lastCalls  its last ended calls, newest first, as the card lists them
 * @param lastClient the client fields of its newest ended call that had any, or null
 */
public record NumberHistory(List<HistoryEntry> lastCalls, ClientInfo lastClient) {

    public static final NumberHistory NONE = new NumberHistory(List.of(), null);

    public NumberHistory {
        lastCalls = List.copyOf(lastCalls);
        lastClient = lastClient == null || lastClient.isEmpty() ? null : lastClient;
    }
}
