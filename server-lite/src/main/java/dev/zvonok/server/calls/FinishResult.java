package dev.zvonok.server.calls;

import java.time.Instant;

/** What became of "Finish and close" ({@link CallCards#finish}). */
public sealed interface FinishResult permits FinishResult.Finished, UnknownCall {

    /**
     * The card is closed, since {@code finishedAt}.
     *
     * @param wrapUpMs        from the end of the operator's part of the call to the close; null when the call had not
     *                        ended (as far as the database knew) when the card was closed
     * @param alreadyFinished the card had been closed before: nothing changed, the times are the first close's
     */
    record Finished(Instant finishedAt, Long wrapUpMs, boolean alreadyFinished) implements FinishResult {
    }
}
