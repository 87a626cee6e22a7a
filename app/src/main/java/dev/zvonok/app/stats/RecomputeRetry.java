package dev.zvonok.app.stats;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The statistics' screens' one rule for the server recomputing its statistics (503 {@code statistics-recomputing}):
 * say so ({@link #recomputingProperty()}), and load again by itself after the wait the server asked for
 * ({@link StatisticsRecomputing#retryAfter()}, kept within reason there) — unless a newer load started meanwhile, whose
 * own answer then decides. One per view-model; FX thread, as the answers it is given.
 */
public final class RecomputeRetry {

    private final RetryLater later;
    private final Runnable reload;
    private final ReadOnlyBooleanWrapper recomputing = new ReadOnlyBooleanWrapper(this, "recomputing");

    /**
     * @param later  how the wait is waited (the FX thread's timer; the test's hand in tests)
     * @param reload the screen's load, asked again after the wait
     */
    public RecomputeRetry(RetryLater later, Runnable reload) {
        this.later = Objects.requireNonNull(later, "later");
        this.reload = Objects.requireNonNull(reload, "reload");
    }

    /**
     * A load's answer came: {@code failure} is null when it succeeded.
     *
     * @param stillLatest whether the load that was answered is still the screen's latest when the wait is over
     * @return true when the server was recomputing: no error to show, and what the screen shows stays
     */
    public boolean answered(Throwable failure, BooleanSupplier stillLatest) {
        Objects.requireNonNull(stillLatest, "stillLatest");
        Optional<StatisticsRecomputing> recomputed = failure == null ? Optional.empty()
                : StatisticsRecomputing.in(failure);
        recomputing.set(recomputed.isPresent());
        recomputed.ifPresent(r -> later.after(r.retryAfter(), () -> {
            if (stillLatest.getAsBoolean()) {
                reload.run();
            }
        }));
        return recomputed.isPresent();
    }

    /** True while the last answer was the server recomputing its statistics: the load is asked again by itself. */
    public ReadOnlyBooleanProperty recomputingProperty() {
        return recomputing.getReadOnlyProperty();
    }
}
