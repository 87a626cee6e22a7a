package dev.zvonok.app.card;

/**
 * A periodic callback on the FX thread, for the cards' running timers and their "closing in a moment" hints. The
 * cards read the time from their {@link java.time.Clock}; ticks only say "look again", so tests drive both by hand.
 */
public interface TickSource {

    /** Calls {@code onTick} periodically from now on, until {@link #stop()}. Starting twice keeps the first. */
    void start(Runnable onTick);

    /** No more ticks (one already queued may still arrive). */
    void stop();
}
