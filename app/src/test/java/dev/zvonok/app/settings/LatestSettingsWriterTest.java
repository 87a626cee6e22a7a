package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the board's preferences and the history's columns share: the newest value written off the FX thread, a burst
 * costing few writes, the last change always the one left, a failed write never the caller's problem.
 */
class LatestSettingsWriterTest {

    private static final Path FILE = Path.of("arranged.properties");

    /** Runs the writes when the test says so: what waits is what a busy background thread would find. */
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private final List<String> written = new ArrayList<>();

    private LatestSettingsWriter<String> writer(LatestSettingsWriter.Write<String> write) {
        return new LatestSettingsWriter<>("Columns", FILE, write, waiting::add);
    }

    @Test
    void aBurstBeforeTheWriteRunsIsOneWriteOfItsNewest() {
        LatestSettingsWriter<String> writer = writer(written::add);

        writer.accept("width 100");
        writer.accept("width 101");
        writer.accept("width 102");

        assertThat(waiting).as("one write waiting is enough").hasSize(1);
        runWaiting();
        assertThat(written).containsExactly("width 102");
    }

    @Test
    void aChangeWhileTheFileIsBeingWrittenIsWrittenAfterIt() {
        List<LatestSettingsWriter<String>> self = new ArrayList<>();
        LatestSettingsWriter<String> writer = writer(value -> {
            written.add(value);
            if (value.equals("first")) {
                self.get(0).accept("second"); // the operator drags on while the disk is busy
            }
        });
        self.add(writer);

        writer.accept("first");
        runWaiting();

        assertThat(written).containsExactly("first", "second");
        assertThat(waiting).isEmpty();
    }

    @Test
    void aFailedWriteIsLoggedNotThrownAndTheNextChangeIsWrittenWhole() {
        LatestSettingsWriter<String> writer = writer(value -> {
            if (value.equals("on a full disk")) {
                throw new IOException("No space left on device");
            }
            written.add(value);
        });

        writer.accept("on a full disk");
        runWaiting();
        writer.accept("after some space was freed");
        runWaiting();

        assertThat(written).containsExactly("after some space was freed");
    }

    @Test
    void onManyBackgroundThreadsTheLastChangeIsTheOneLeft() throws Exception {
        ExecutorService background = Executors.newFixedThreadPool(4);
        List<Integer> writes = Collections.synchronizedList(new ArrayList<>());
        try {
            LatestSettingsWriter<Integer> writer = new LatestSettingsWriter<>("Columns", FILE, writes::add, background);
            for (int width = 1; width <= 2_000; width++) {
                writer.accept(width);
            }
        } finally {
            background.shutdown();
            assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(writes).last().isEqualTo(2_000);
        assertThat(writes).as("never an older value after a newer one").isSorted();
    }

    private void runWaiting() {
        Runnable write;
        while ((write = waiting.poll()) != null) {
            write.run();
        }
    }
}
