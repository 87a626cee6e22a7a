package dev.zvonok.model.ws;

import dev.zvonok.model.call.CallDisposition;
import java.time.Instant;

/** One earlier call of the same number, for the card: when, who took it, how it ended, what was noted. */
public record HistoryEntry(String callId, Instant startedAt, String operator, CallDisposition disposition,
                           String notes) {
}
