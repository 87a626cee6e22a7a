package dev.zvonok.server.ws;

import dev.zvonok.server.calls.NumberHistory;

/** What earlier calls tell about a number, for the card that pops up when it calls again. */
@FunctionalInterface
public interface HistoryLookup {

    /** Its last calls, newest first, at most {@code limit}, and its last client fields; none for a withheld number. */
    NumberHistory of(String normalizedNumber, int limit);
}
