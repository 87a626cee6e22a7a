package dev.zvonok.app.bench;

import com.sun.javafx.perf.PerformanceTracker;
import dev.zvonok.app.Launcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The measured app's JVM: the real app ({@link Launcher}, from the shaded jar, logged in at start with
 * {@code --login}), and beside it a probe that watches its windows from the outside of its code — JavaFX's list of
 * open windows, the scene graph by the ids the views give their nodes — and reports on stdout for the harness.
 *
 * <ul>
 *   <li>{@code cards}: the app talks to the server through a {@link Relay} that notes when each
 *       {@code incoming-call} frame reaches the app; for every card window it reports frame → window shown, → the
 *       first pulse after (the scene laid out for that frame), → the first frame of the card rendered (Prism's render
 *       thread done with it: {@code PerformanceTracker}'s rendered-frame hook, JavaFX-internal, bench only).</li>
 *   <li>{@code history}: pages through the whole call history, as an operator clicking "Next", then idles while the
 *       harness reads the process's memory.</li>
 * </ul>
 *
 * <p>Arguments: {@code cards|history SERVER_PORT DATA_DIR LOGIN PASSWORD}.
 */
public final class AppProbe {

    private static final String INCOMING = "\"type\":\"incoming-call\"";
    private static final String AUTHENTICATED = "\"type\":\"authenticated\"";

    private AppProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int serverPort = Integer.parseInt(args[1]);
        CardWatch cards = new CardWatch();
        int appPort = serverPort;
        if (mode.equals("cards")) {
            appPort = Relay.start(serverPort, List.of(INCOMING, AUTHENTICATED), cards::frameSeen).port();
        }
        String[] app = {"--server", "http://127.0.0.1:" + appPort, "--data-dir", args[2], "--login", args[3],
                "--password", args[4]};
        Thread.ofPlatform().name("app-main").start(() -> Launcher.main(app));
        awaitToolkit();
        if (mode.equals("cards")) {
            onFx(() -> {
                cards.install();
                return null;
            });
        }
        Scene main = awaitMainWindow();
        switch (mode) {
            case "cards" -> {
                cards.awaitAuthenticated();
                Thread.sleep(2_000); // active-calls, the history's first page: the app at rest
                System.out.println("PROBE-READY");
            }
            case "history" -> pageThroughHistory(main);
            default -> throw new IllegalArgumentException("mode: cards or history, not " + mode);
        }
    }

    // ------------------------------------------------------------------------------------------------ cards

    /** Pairs each card window with the incoming-call frame that opened it, and times it. */
    private static final class CardWatch {

        private final AtomicLong lastIncoming = new AtomicLong();
        private final AtomicInteger incomingFrames = new AtomicInteger();
        private final CompletableFuture<Void> authenticated = new CompletableFuture<>();

        void frameSeen(String marker, long nanos) {
            if (marker.equals(INCOMING)) {
                lastIncoming.set(nanos);
                incomingFrames.incrementAndGet();
            } else {
                authenticated.complete(null);
            }
        }

        void awaitAuthenticated() throws Exception {
            authenticated.get(60, TimeUnit.SECONDS);
        }

        /** FX thread. */
        void install() {
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    for (Window added : change.getAddedSubList()) {
                        if (isCard(added)) {
                            watch((Stage) added);
                        }
                    }
                    for (Window removed : change.getRemoved()) {
                        if (isCard(removed)) {
                            System.out.println("CARD-CLOSED");
                        }
                    }
                }
            });
        }

        /**
         * A card's window: undecorated, and not the panel of cards waiting for "Finish" (undecorated too), which no
         * incoming frame opens and which would be timed from no frame at all.
         */
        private static boolean isCard(Window window) {
            return window instanceof Stage stage && stage.getStyle() == StageStyle.UNDECORATED
                    && stage.getScene() != null && !"card-panel".equals(stage.getScene().getRoot().getId());
        }

        /** Called while the card's window is being shown: nothing of it has been drawn yet. */
        private void watch(Stage card) {
            long added = System.nanoTime(); // the card's view is built and sized; its native window is not
            long frame = lastIncoming.getAndSet(0);
            int frames = incomingFrames.getAndSet(0);
            Scene scene = card.getScene();
            AtomicLong shown = new AtomicLong();
            AtomicLong pulse = new AtomicLong();
            AtomicLong rendered = new AtomicLong();
            card.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
                @Override
                public void handle(WindowEvent event) {
                    shown.set(System.nanoTime());
                    card.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                }
            });
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    if (shown.get() != 0) {
                        pulse.set(System.nanoTime());
                        scene.removePostLayoutPulseListener(this);
                    }
                }
            });
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            tracker.setOnRenderedFrameTask(() -> { // Prism's render thread
                if (shown.get() != 0 && rendered.compareAndSet(0, System.nanoTime())) {
                    Platform.runLater(() -> {
                        PerformanceTracker.releaseSceneTracker(scene);
                        System.out.printf("CARD frames=%d built=%d shown=%d pulse=%d rendered=%d at=%d%n", frames,
                                micros(added - frame), micros(shown.get() - frame), micros(pulse.get() - frame),
                                micros(rendered.get() - frame), uptimeMillis(frame));
                    });
                }
            });
        }

        /** When the frame came, on the JVM's clock of uptime: what {@code -Xlog:gc} and JFR stamp their events with. */
        private static long uptimeMillis(long nanos) {
            long sinceFrame = System.nanoTime() - nanos;
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                    - TimeUnit.NANOSECONDS.toMillis(sinceFrame);
        }

        private static long micros(long nanos) {
            return TimeUnit.NANOSECONDS.toMicros(nanos);
        }
    }

    // ------------------------------------------------------------------------------------------------ history

    /** "Next" until the last page, each page shown before the next click; then the app idles. */
    private static void pageThroughHistory(Scene main) throws Exception {
        String where = awaitPageLabel(main, "");
        int rows = rows(main);
        int pages = 1;
        System.out.printf("PAGE %s rows=%d%n", where, rows);
        Thread.sleep(Long.getLong("probe.firstPageMillis", 15_000)); // the harness reads the memory of page 1
        System.out.println("PAGING");
        while (!onFx(() -> main.lookup("#history-next").isDisabled())) {
            String before = where;
            onFx(() -> {
                ((Button) main.lookup("#history-next")).fire();
                return null;
            });
            where = awaitPageLabel(main, before);
            Thread.sleep(300); // the page drawn
            int shown = rows(main);
            rows += shown;
            pages++;
            System.out.printf("PAGE %s rows=%d%n", where, shown);
        }
        System.out.printf("HISTORY-DONE pages=%d rows=%d%n", pages, rows);
    }

    private static int rows(Scene main) throws Exception {
        return onFx(() -> ((TableView<?>) main.lookup("#history-table")).getItems().size());
    }

    /** Waits until the "page x of y" label shows something other than {@code before}. */
    private static String awaitPageLabel(Scene main, String before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String text = onFx(() -> ((Label) main.lookup("#history-page")).getText());
            if (text != null && !text.isEmpty() && !text.equals(before)) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the history did not move on from '" + before + "'");
    }

    // ------------------------------------------------------------------------------------------------ FX

    private static void awaitToolkit() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Platform.runLater(() -> { });
                return;
            } catch (IllegalStateException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("JavaFX did not start");
    }

    /** The main window once it shows the operator's session (the login has gone through). */
    private static Scene awaitMainWindow() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Scene> main = onFx(() -> Window.getWindows().stream()
                    .filter(Window::isShowing)
                    .map(Window::getScene)
                    .filter(scene -> scene != null && scene.lookup("#history-table") != null)
                    .findFirst());
            if (main.isPresent()) {
                return main.get();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the main window did not show");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
