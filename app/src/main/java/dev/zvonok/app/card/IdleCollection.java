package dev.zvonok.app.card;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Collects the heap's garbage in full at a moment the operator waits for no card — a call's card has just come to its
 * end (hung up, rang out, answered elsewhere) and none rings — when the old generation has too little room left for
 * what a ring keeps, so that the next ring finds room and no full collection falls into its way to the screen.
 *
 * <p>Why: with the installer's flags (a 64 MB heap, the serial collector) some 33–39 MB stay live (the main window's
 * software back buffer, the card built ahead for the next call, the history), and each ring leaves a few MB more in
 * the old generation (the shown card's view and back buffer live for the whole ring, so they are promoted). The old
 * generation was full after about every other ring, and the serial collector then compacted the whole heap (60–130
 * ms on a quiet machine, more under load) wherever it happened to be; one that fell between a ring's frame and its
 * card on screen made the tail of the card's latency (docs/benchmarks.md, issue 10). Collected as a call ends, the
 * same work costs the operator next to nothing: the card only says the call is over, typing in another window waits
 * for the pause (~0.1 s; no key is lost), and an operator's rings are minutes apart.
 *
 * <p>Why as the call ends, not once its card has closed: collected at the close, the collection was still running
 * when the benchmark's next ring came in (0.3 s later, where an operator's come minutes later) and ended 8–20 ms
 * before that ring's frame, and those rings were drawn slower than with no collection at all (55 against 32 ms at
 * the median). The call's end comes seconds before its card closes ("Finish and close", the hint of a ring that
 * stopped), and collected there no ring met it.
 *
 * <p>{@link CardIdleWork} chooses the moment (150 ms after the call's end, once per call, right after it built the next
 * card's window ahead); this class decides whether and where. A heap with room (a larger {@code -Xmx}) is left alone.
 * The collection runs on a background thread, never the FX thread; like any full collection of the serial collector
 * it stops every thread for its duration, which is why it waits for a moment without a ringing card.
 */
public final class IdleCollection {

    /**
     * What one ring may leave in the old generation (the shown card's view and back buffer, the next card's view
     * built ahead, the history refreshed after the call), with some to spare: with less room left than this, the
     * next ring would likely meet a full collection.
     */
    static final long ROOM_FOR_A_RING = 16L * 1024 * 1024;

    private final Executor background;
    private final LongSupplier oldGenerationRoom;
    private final Runnable collect;

    /**
     * @param background        where the collection runs: not the FX thread
     * @param oldGenerationRoom how many bytes the old generation can still take before it must be collected
     * @param collect           collects the heap in full
     */
    IdleCollection(Executor background, LongSupplier oldGenerationRoom, Runnable collect) {
        this.background = Objects.requireNonNull(background, "background");
        this.oldGenerationRoom = Objects.requireNonNull(oldGenerationRoom, "oldGenerationRoom");
        this.collect = Objects.requireNonNull(collect, "collect");
    }

    /** Collects this JVM's heap on {@code background}. */
    public static IdleCollection onThe(Executor background) {
        return new IdleCollection(background, IdleCollection::oldGenerationRoom, System::gc);
    }

    /** Leaves the heap to the JVM: for cards with no background thread of their own (tests, tools). */
    public static IdleCollection never() {
        return new IdleCollection(Runnable::run, () -> Long.MAX_VALUE, () -> {
        });
    }

    /**
     * Collects the heap in full on the background thread if the old generation is short of room for a ring. Called
     * by {@link CardIdleWork} at a moment the operator waits for no card.
     */
    void collectIfShortOfRoom() {
        background.execute(() -> {
            // read off the FX thread: the memory beans are slow the first time they are loaded
            if (oldGenerationRoom.getAsLong() < ROOM_FOR_A_RING) {
                collect.run();
            }
        });
    }

    /**
     * The room left in the heap's old generation (the serial collector's "Tenured Gen", or another collector's "Old
     * Gen"); as good as endless where there is none to be found, or it has no limit.
     */
    static long oldGenerationRoom() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.endsWith("Tenured Gen") || name.endsWith("Old Gen"))) {
                MemoryUsage usage = pool.getUsage();
                return usage.getMax() < 0 ? Long.MAX_VALUE : usage.getMax() - usage.getUsed();
            }
        }
        return Long.MAX_VALUE;
    }
}
