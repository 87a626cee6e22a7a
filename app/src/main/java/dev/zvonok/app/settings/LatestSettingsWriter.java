package dev.zvonok.app.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the user arranged (a board's thresholds, a table's columns) off the FX thread as it changes. A column
 * dragged wider changes the widths at every pulse: each write takes the newest value not written yet and only one
 * write waits at a time, so a burst costs a few writes. Writes never overtake each other, so the file ends with the
 * last change however the background threads are scheduled. A failed write is only logged: an arrangement is never
 * worth an error in the operator's face, and the next change writes the whole value again.
 *
 * @param <T> the value written as a whole
 */
public final class LatestSettingsWriter<T> implements Consumer<T> {

    /** Writes one value to its file, replacing what was there. */
    @FunctionalInterface
    public interface Write<T> {
        void write(T value) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(LatestSettingsWriter.class);

    private final String what;
    private final Path file;
    private final Write<T> write;
    private final Executor background;
    private final AtomicReference<T> unwritten = new AtomicReference<>();

    /**
     * @param what       what is written, for the log ("the history's columns")
     * @param file       where it is written, for the log
     * @param write      the store's save
     * @param background where writes run: never the FX thread
     */
    public LatestSettingsWriter(String what, Path file, Write<T> write, Executor background) {
        this.what = Objects.requireNonNull(what, "what");
        this.file = Objects.requireNonNull(file, "file");
        this.write = Objects.requireNonNull(write, "write");
        this.background = Objects.requireNonNull(background, "background");
    }

    /** Takes the newest value; it is written soon, unless a newer one comes first. */
    @Override
    public void accept(T changed) {
        Objects.requireNonNull(changed, "changed");
        if (unwritten.getAndSet(changed) == null) {
            background.execute(this::writeNewest); // one write waiting is enough: it takes the newest
        }
    }

    private synchronized void writeNewest() {
        T newest = unwritten.getAndSet(null);
        if (newest == null) {
            return;
        }
        try {
            write.write(newest);
        } catch (IOException e) {
            log.warn("{} could not be written to {}: {}", what, file, e.toString());
        }
    }
}
