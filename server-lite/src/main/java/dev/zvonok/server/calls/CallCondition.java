package dev.zvonok.server.calls;

import java.util.Objects;
import org.jooq.Condition;

/**
 * A narrowing of the listed calls that another feature defines by a rule of its own — the calls a statistics figure
 * counts — so that the journal lists by that very rule without knowing it.
 *
 * @param calls over {@code calls}, unaliased
 */
public record CallCondition(Condition calls) {

    public CallCondition {
        Objects.requireNonNull(calls, "calls");
    }
}
