package dev.zvonok.app.stats;

import dev.zvonok.model.stats.MyStats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The operator's "My day": their calls of today, accepted, missed and the acceptance rate, from
 * {@code /api/stats/my}; read again after each of their calls ends and is finished ({@link #refresh()}). A failed
 * read keeps the last figures: a panel of zeros would say something untrue. FX thread.
 */
public final class MyDayViewModel {

    private final StatsSource source;
    private final Executor fxThread;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<MyStats> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final AtomicInteger generation = new AtomicInteger();

    public MyDayViewModel(StatsSource source, Executor fxThread, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void refresh() {
        LocalDate today = LocalDate.now(clock);
        int asked = generation.incrementAndGet();
        source.my(today, today).whenCompleteAsync((my, failure) -> {
            if (asked == generation.get() && my != null) {
                figures.set(my);
            }
        }, fxThread);
    }

    /** Null until the first answer. */
    public ReadOnlyObjectProperty<MyStats> figuresProperty() {
        return figures.getReadOnlyProperty();
    }
}
