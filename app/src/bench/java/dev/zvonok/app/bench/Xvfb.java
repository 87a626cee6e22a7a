package dev.zvonok.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The X display the measured app opens its windows on: a fresh Xvfb of our own (1920×1080, 24 bits, no window
 * manager) so that every run sees the same screen, or an existing display named by {@code -Dbench.display=:0}.
 * JavaFX then uses its real GTK glass, as on an operator's Linux PC; Xvfb has no GPU, so Prism renders in software.
 */
final class Xvfb implements AutoCloseable {

    private final String display;
    private final Process server;

    private Xvfb(String display, Process server) {
        this.display = display;
        this.server = server;
    }

    static Xvfb start() throws IOException, InterruptedException {
        String given = System.getProperty("bench.display");
        if (given != null && !given.isBlank()) {
            return new Xvfb(given, null);
        }
        for (int number = 91; number < 140; number++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            Process xvfb = new ProcessBuilder(List.of("Xvfb", ":" + number, "-screen", "0", "1920x1080x24",
                    "-nolisten", "tcp", "-noreset"))
                    .redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("bench-xvfb", ".log").toFile())
                    .start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && xvfb.isAlive()) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + number))) {
                    return new Xvfb(":" + number, xvfb);
                }
                Thread.sleep(50);
            }
            xvfb.destroy();
            xvfb.waitFor();
        }
        throw new IllegalStateException("could not start Xvfb (apt-get install xvfb xauth libgtk-3-0)");
    }

    /** The value for {@code DISPLAY}. */
    String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }
}
