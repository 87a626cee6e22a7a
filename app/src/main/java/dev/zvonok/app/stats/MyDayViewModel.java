package dev.zvonok.app.stats;

import dev.zvonok.model.stats.MyStats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The operator's "My day": their calls of today, accepted, missed and the acceptance rate, from
 * {@code /api/stats/my}; read again after each of their calls ends and is finished ({@link #refresh()}). A failed
 * read keeps the last figures: a panel of zeros would say something untrue. While the server recomputes its
 * statistics the panel says so ({@link #recomputingProperty()}) and reads again by itself. FX thread.
 */
public final class MyDayViewModel {

    private final StatsSource source;
    private final Executor fxThread;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<MyStats> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final AtomicInteger generation = new AtomicInteger();
    private final RecomputeRetry recompute;

    public MyDayViewModel(StatsSource source, Executor fxThread, Clock clock) {
        this(source, fxThread, clock, RetryLater.never());
    }

    /** @param retryLater how the figures are read again while the server recomputes its statistics */
    public MyDayViewModel(StatsSource source, Executor fxThread, Clock clock, RetryLater retryLater) {
        this.recompute = new RecomputeRetry(retryLater, this::refresh);
        this.source = Objects.requireNonNull(source, "source");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void refresh() {
        LocalDate today = LocalDate.now(clock);
        int asked = generation.incrementAndGet();
        source.my(today, today).whenCompleteAsync((my, failure) -> {
            if (asked != generation.get()) {
                return;
            }
            recompute.answered(failure, () -> asked == generation.get());
            if (my != null) {
                figures.set(my);
            }
        }, fxThread);
    }

    /** True while the last answer was the server recomputing its statistics: read again by itself. */
    public ReadOnlyBooleanProperty recomputingProperty() {
        return recompute.recomputingProperty();
    }

    /** Null until the first answer. */
    public ReadOnlyObjectProperty<MyStats> figuresProperty() {
        return figures.getReadOnlyProperty();
    }
}
