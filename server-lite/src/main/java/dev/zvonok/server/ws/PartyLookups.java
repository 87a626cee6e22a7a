package dev.zvonok.server.ws;

import dev.zvonok.server.calls.NumberHistory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's last calls and last client fields, read off the delivery thread: the database reads a card needs, started the moment a
 * call appears. The card never waits for it: when it is not in by the time the phone rings, it follows the card.
 */
final class PartyLookups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartyLookups.class);

    /** After this long a lookup is given up: the card goes without history rather than wait on a sick database. */
    static final Duration PATIENCE = Duration.ofSeconds(2);

    private final HistoryLookup history;
    private final int historySize;
    private final ExecutorService lookups = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("history-lookup-", 0).factory());

    PartyLookups(HistoryLookup history, int historySize) {
        this.history = history;
        this.historySize = historySize;
    }

    CompletableFuture<NumberHistory> lastCalls(String number) {
        if (number == null) {
            return CompletableFuture.completedFuture(NumberHistory.NONE);
        }
        return CompletableFuture.supplyAsync(() -> history.of(number, historySize), lookups)
                .orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    log.warn("Cannot read the last calls of {} for the card: {}", number, failure.toString());
                    return NumberHistory.NONE;
                });
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
