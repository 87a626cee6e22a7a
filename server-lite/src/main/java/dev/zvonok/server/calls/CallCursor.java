package dev.zvonok.server.calls;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a page of calls ended, for the next (keyset paging): the last call's start and id, the list's order. On the
 * wire it is opaque text, {@code <microseconds since the epoch>.<id>}; the database keeps microseconds, so the text
 * names the row exactly.
 */
public record CallCursor(Instant startedAt, long id) {

    public CallCursor {
        Objects.requireNonNull(startedAt, "startedAt");
        startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static CallCursor after(CallSummary call) {
        return new CallCursor(call.startedAt(), call.id());
    }

    /** @throws IllegalArgumentException when the text is not a cursor this class wrote */
    public static CallCursor parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 1 || dot == text.length() - 1) {
            throw new IllegalArgumentException("not a cursor: " + text);
        }
        try {
            long micros = Long.parseLong(text.substring(0, dot));
            long id = Long.parseLong(text.substring(dot + 1));
            return new CallCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a cursor: " + text, e);
        }
    }

    public String text() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, startedAt) + "." + id;
    }
}
