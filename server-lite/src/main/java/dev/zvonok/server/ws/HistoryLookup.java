package dev.zvonok.server.ws;

import dev.zvonok.model.ws.HistoryEntry;
import java.util.List;

/** The last calls of a number, for the card that pops up when it calls again. */
@FunctionalInterface
public interface HistoryLookup {

    /** Newest first, at most {@code limit}; empty for a withheld (null) number. */
    List<HistoryEntry> lastCalls(String normalizedNumber, int limit);
}
