package dev.zvonok.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM's output, line by line: every line goes to a log file (to read after a failure), and the harness waits
 * for the lines it cares about. Each line is timestamped (System.nanoTime()) when it was read.
 */
final class ChildOutput {

    record Line(String text, long readAtNanos) {
    }

    private static final Line END = new Line(null, 0);

    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final Path log;

    private ChildOutput(Path log) {
        this.log = log;
    }

    /** Starts reading {@code output} (stdout with stderr merged) on a thread of its own. */
    static ChildOutput follow(InputStream output, String name) throws IOException {
        ChildOutput child = new ChildOutput(Files.createTempFile(name, ".log"));
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> child.read(output));
        return child;
    }

    private void read(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(new Line(line, System.nanoTime()));
                copy.println(line);
            }
        } catch (IOException e) {
            // the child died: END below says so
        } finally {
            lines.add(END);
        }
    }

    /** The next line that matches, skipping the others; fails after {@code timeout} or when the child ends. */
    Line await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Line line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("waited " + timeout + " in vain; the child's output is in " + log);
            }
            if (line == END) {
                lines.add(END);
                throw new IllegalStateException("the child ended; its output is in " + log);
            }
            if (wanted.test(line.text())) {
                return line;
            }
        }
    }

    Line awaitPrefix(String prefix, Duration timeout) throws InterruptedException {
        return await(text -> text.startsWith(prefix), timeout);
    }

    Path log() {
        return log;
    }
}
