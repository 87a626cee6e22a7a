package dev.zvonok.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * A hook for the startup benchmark ({@code app/src/bench}, {@code docs/benchmarks.md}), off unless the JVM is started
 * with {@code -Dzvonok.startupMarker=true}: then, when the first window is shown, one line
 * {@code ZVONOK-READY <epoch µs>} goes to stdout. The harness that spawned the JVM takes the difference from the
 * moment it started the process: the whole cold start as an operator waits for it, measured from outside.
 *
 * <p>The wall clock, not the JVM's uptime: reading the JVM's start time would load {@code java.lang.management} into
 * the very moment being measured, and would miss the time before the JVM existed (exec, loading libjvm).
 */
final class StartupMarker {

    static final String PROPERTY = "zvonok.startupMarker";
    static final String PREFIX = "ZVONOK-READY ";

    private StartupMarker() {
    }

    /** Prints the marker the first time {@code window} is shown, if asked to; does nothing otherwise. */
    static void installIfAsked(Stage window) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent shown) {
                window.removeEventHandler(WindowEvent.WINDOW_SHOWN, this); // once: the window is shown again later
                System.out.println(line(Instant.now()));
            }
        });
    }

    static String line(Instant shownAt) {
        return PREFIX + ChronoUnit.MICROS.between(Instant.EPOCH, shownAt);
    }
}
