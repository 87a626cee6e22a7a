package dev.zvonok.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.board.BoardSubscription;
import dev.zvonok.app.board.BoardThresholds;
import dev.zvonok.app.board.BoardViewModel;
import dev.zvonok.app.board.SupervisorView;
import dev.zvonok.app.card.FxTickSource;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.MemberState;
import dev.zvonok.model.board.OperatorChange;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.QueueChange;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.board.WaitingCaller;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.ws.ServerMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What showing a 1,000-operator board costs the supervisor's PC (issue 12's goal: under 10 % of one core, deltas on
 * screen within 1 s). The real {@link BoardViewModel} and {@link SupervisorView} in a window (Monocle headless, the
 * software pipeline), ticked by the app's own {@link FxTickSource} as the app does, fed the way the live connection
 * feeds them: JSON frames of the server's shape, parsed with the app's {@link WireJson} on a thread of their own.
 *
 * <p>The frames come from a simulated call centre with the server's coalescing: {@code bench.calls} calls a second
 * join one of five queues, wait there up to 3 s, ring a free operator 1–3 s, are talked on 3–7 s and wrapped up
 * 0.5–1.5 s. A call holds an operator 8 s on average, so 100 calls a second keep 800 of 1,000 operators busy: the
 * centre keeps up and its queues stay short (with the earlier 2–5 / 4–10 / 1–3 s a call held an operator 12.5 s, 100
 * calls a second needed 1,250 operators and the waiting lists grew through the run). Short calls are the board's worst
 * case: every tile changes about four times a call. Every {@link #WINDOW} the tiles and queues that changed go out as the server's board sends them
 * ({@link OperatorChange}, {@link QueueChange}, counters when they moved). Generating and writing the frames is the
 * server's work: its CPU is measured on its own and taken out of the app's.
 *
 * <p>Measured over {@code bench.seconds} after {@code bench.warmup}: the process's CPU without the generator's; the FX
 * thread's CPU; the collector's count and share of the wall time; each pass (wall and CPU time: on a loaded machine the wall time is mostly waiting for a core) of the view-model ({@code tick()}) and each pulse's CSS and layout (pre- to post-layout
 * pulse listener); and each frame's way from its arrival to the end of the layout of the pulse after the pass that
 * applied it.
 */
public final class BoardOnScreen {

    private static final Duration WINDOW = Duration.ofMillis(300);
    private static final int QUEUES = 5;

    private final int operatorCount = Integer.getInteger("bench.operators", 1000);
    private final double callsPerSecond = Double.parseDouble(System.getProperty("bench.calls", "100"));
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 15);
    private final int measuredSeconds = Integer.getInteger("bench.seconds", 60);

    private final ObjectMapper json = WireJson.mapper();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Random random = new Random(12);

    // the simulated call centre: the generator thread's own
    private final BoardOperator[] tiles;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final PriorityQueue<Step> steps = new PriorityQueue<>();
    private final List<List<WaitingCaller>> waiting = new ArrayList<>();
    private final long[] answered = new long[QUEUES];
    private long callCounter;
    private double callsDue;

    // measurements
    private volatile boolean measuring;
    /** The centre's load as of the last frame: callers waiting in all queues, operators not free. */
    private volatile int waitingNow;
    private volatile int busyNow;
    private final AtomicLong generatorCpu = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** Arrival (nanoTime) of frames accepted and not yet shown. */
    private final ConcurrentLinkedQueue<Long> arrived = new ConcurrentLinkedQueue<>();
    private final List<Long> shownWaiting = new ArrayList<>(); // FX thread
    private final List<Double> latencies = new ArrayList<>(); // FX thread
    private final List<Double> passes = new ArrayList<>(); // FX thread
    private final List<Double> passCpu = new ArrayList<>(); // FX thread
    private final List<Double> layouts = new ArrayList<>(); // FX thread
    private final List<Double> layoutCpu = new ArrayList<>(); // FX thread
    private long layoutStart; // FX thread
    private long layoutStartCpu; // FX thread
    private volatile long fxThreadId;

    private BoardViewModel board;
    private volatile String subscribeRef;

    private BoardOnScreen() {
        tiles = new BoardOperator[operatorCount];
        Instant now = Instant.now();
        for (int i = 0; i < operatorCount; i++) {
            tiles[i] = new BoardOperator(i + 1, "Оператор " + (i + 1), List.of(Integer.toString(1000 + i)),
                    List.of("Команда " + (i % 10 + 1)), OperatorState.AVAILABLE, now, null, List.of(), 0);
            free.add(i);
        }
        for (int q = 0; q < QUEUES; q++) {
            waiting.add(new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        new BoardOnScreen().run();
        System.exit(0);
    }

    private void run() throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            fxThreadId = Thread.currentThread().threadId();
            Themes.apply(Theme.LIGHT);
            board = new BoardViewModel(new BoardSubscription() {
                @Override
                public boolean subscribe(String ref) {
                    subscribeRef = ref;
                    return true;
                }

                @Override
                public void unsubscribe(String ref) {
                }
            }, Clock.systemUTC(), BoardThresholds.defaults(), number -> number, (ref, id, mode) -> false,
                    Platform::runLater);
            SupervisorView view = new SupervisorView(board, new SimpleObjectProperty<>(Locale.ENGLISH));
            Scene scene = new Scene(view.root(), 1600, 1000);
            scene.addPreLayoutPulseListener(() -> {
                layoutStart = System.nanoTime();
                layoutStartCpu = threads.getCurrentThreadCpuTime();
            });
            scene.addPostLayoutPulseListener(this::laidOut);
            board.passesProperty().addListener((o, was, now) -> {
                // the pass took every frame accepted before it; they are on screen after this pulse's layout
                for (Long at; (at = arrived.poll()) != null; ) {
                    shownWaiting.add(at);
                }
            });
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            board.connectionChanged(new ConnectionState.Connected());
            board.start();
            shown.countDown();
        });
        shown.await();
        FxTickSource ticks = new FxTickSource(Duration.ofMillis(250), Platform::runLater);
        ticks.start(() -> {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            int passesBefore = board.passesProperty().get();
            board.tick();
            if (measuring && board.passesProperty().get() != passesBefore) { // a tick between passes does nothing
                passes.add((System.nanoTime() - start) / 1e6);
                passCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
            }
        });

        while (subscribeRef == null) {
            Thread.sleep(10);
        }
        Thread generator = Thread.ofPlatform().name("frames").start(this::feed);
        Thread.sleep(warmupSeconds * 1000L);

        Map<Long, Long> threadCpu0 = threadCpu();
        long[] gc0 = gc();
        long cpu0 = processCpu();
        long fx0 = threads.getThreadCpuTime(fxThreadId);
        long wall0 = System.nanoTime();
        generatorCpu.set(0);
        frames.set(0);
        bytes.set(0);
        measuring = true;
        Thread.sleep(measuredSeconds * 1000L);
        measuring = false;
        long wall = System.nanoTime() - wall0;
        long cpu = processCpu() - cpu0;
        long fx = threads.getThreadCpuTime(fxThreadId) - fx0;
        long generated = generatorCpu.get();
        long[] gc1 = gc();
        Map<Long, Long> threadCpu1 = threadCpu();
        generator.interrupt();
        ticks.close();

        CountDownLatch reported = new CountDownLatch(1);
        Platform.runLater(() -> {
            report(wall, cpu, generated, fx);
            busiestThreads(threadCpu0, threadCpu1, wall);
            System.out.printf(Locale.ROOT, "GC: %d collections, %.1f %% of the wall time in collections;"
                            + " heap max %d MB, used after the run %d MB%n", gc1[0] - gc0[0],
                    100.0 * (gc1[1] - gc0[1]) * 1e6 / wall, Runtime.getRuntime().maxMemory() >> 20,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            reported.countDown();
        });
        reported.await();
    }

    private void laidOut() {
        long now = System.nanoTime();
        if (measuring) {
            layouts.add((now - layoutStart) / 1e6);
            layoutCpu.add((threads.getCurrentThreadCpuTime() - layoutStartCpu) / 1e6);
            for (long at : shownWaiting) {
                latencies.add((now - at) / 1e6);
            }
        }
        shownWaiting.clear();
    }

    private void report(long wall, long cpu, long generated, long fx) {
        double seconds = wall / 1e9;
        System.out.printf(Locale.ROOT, "Board on screen: %d operators, %.0f calls/s, %d s measured after %d s%n",
                operatorCount, callsPerSecond, measuredSeconds, warmupSeconds);
        System.out.printf(Locale.ROOT, "frames %.1f/s, %,.0f bytes/s, %,.0f bytes a frame%n",
                frames.get() / seconds, bytes.get() / seconds, bytes.get() / (double) Math.max(1, frames.get()));
        System.out.printf(Locale.ROOT, "the centre at the end: %d callers waiting, %d of %d operators busy%n",
                waitingNow, busyNow, operatorCount);
        System.out.printf(Locale.ROOT, "app CPU (process minus the frame generator): %.1f %% of one core"
                        + " (process %.1f %%, generator %.1f %%)%n", 100.0 * (cpu - generated) / wall,
                100.0 * cpu / wall, 100.0 * generated / wall);
        System.out.printf(Locale.ROOT, "FX thread CPU: %.1f %% of one core%n", 100.0 * fx / wall);
        print("pass (BoardViewModel.tick), wall", passes);
        print("pass (BoardViewModel.tick), FX thread CPU", passCpu);
        print("pulse CSS + layout, wall", layouts);
        print("pulse CSS + layout, FX thread CPU", layoutCpu);
        print("delta arrival -> laid out on screen", latencies);
    }

    private static void print(String what, List<Double> values) {
        if (values.isEmpty()) {
            System.out.println(what + ": none");
            return;
        }
        Stats stats = Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "%s: n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, values.size(),
                stats.percentile(50), stats.percentile(99), stats.percentile(100));
    }

    private Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }

    /** Where the CPU went, by thread (GC and JIT threads are the JVM's and not listed here). */
    private void busiestThreads(Map<Long, Long> before, Map<Long, Long> after, long wall) {
        List<Map.Entry<Long, Long>> used = new ArrayList<>();
        after.forEach((id, cpu) -> used.add(Map.entry(id, cpu - before.getOrDefault(id, 0L))));
        used.sort(Map.Entry.<Long, Long>comparingByValue().reversed());
        for (Map.Entry<Long, Long> entry : used.subList(0, Math.min(6, used.size()))) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(entry.getKey());
            System.out.printf(Locale.ROOT, "  thread %-32s %5.1f %% of one core%n",
                    info == null ? "#" + entry.getKey() : info.getThreadName(), 100.0 * entry.getValue() / wall);
        }
    }

    /** Collections so far and their total time (ms), over every collector. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // ------------------------------------------------------------------------------------ the simulated server

    private void feed() {
        long version = 1;
        Map<String, BoardQueue> shownQueues = new LinkedHashMap<>();
        InboundCounters shownTotal;
        BoardOperator[] shown = tiles.clone();
        Instant now = Instant.now();
        List<BoardQueue> queues = queues(now);
        queues.forEach(queue -> shownQueues.put(queue.name(), queue));
        shownTotal = total();
        deliver(new ServerMessage.Board(subscribeRef, new BoardSnapshot(version, now, now.minusSeconds(3600),
                List.of(shown), queues, shownTotal)));
        long next = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                next += WINDOW.toNanos();
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                long cpu = threads.getCurrentThreadCpuTime();
                now = Instant.now();
                simulateUntil(now);
                waitingNow = waiting.stream().mapToInt(List::size).sum();
                busyNow = operatorCount - free.size();
                List<OperatorChange> changes = new ArrayList<>();
                for (int i = 0; i < tiles.length; i++) {
                    if (tiles[i] != shown[i]) {
                        OperatorChange change = OperatorChange.between(shown[i], tiles[i]);
                        if (!change.isEmpty()) {
                            changes.add(change);
                        }
                        shown[i] = tiles[i];
                    }
                }
                List<QueueChange> queueChanges = new ArrayList<>();
                for (BoardQueue queue : queues(now)) {
                    QueueChange change = QueueChange.between(shownQueues.put(queue.name(), queue), queue);
                    if (!change.isEmpty()) {
                        queueChanges.add(change);
                    }
                }
                InboundCounters total = total();
                InboundCounters counters = total.equals(shownTotal) ? null : total;
                shownTotal = total;
                BoardChange change = new BoardChange(version, version + 1, now, null, changes, null, null,
                        queueChanges, null, counters, null);
                version++;
                String text = json.writeValueAsString(new ServerMessage.BoardChanged(change));
                if (version == 60 && System.getProperty("bench.frameTo") != null) { // to see what a frame is made of
                    java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("bench.frameTo")), text);
                }
                if (measuring) {
                    generatorCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
                    frames.incrementAndGet();
                    bytes.addAndGet(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                }
                arrived.add(System.nanoTime());
                board.accept(json.readValue(text, ServerMessage.class)); // as the live connection's thread does
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(ServerMessage message) {
        try {
            board.accept(json.readValue(json.writeValueAsString(message), ServerMessage.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Step(long atMillis, int operator, String callId, int queue, String kind)
            implements Comparable<Step> {
        @Override
        public int compareTo(Step other) {
            return Long.compare(atMillis, other.atMillis);
        }
    }

    private void simulateUntil(Instant now) {
        long nowMillis = now.toEpochMilli();
        callsDue += callsPerSecond * WINDOW.toMillis() / 1000.0;
        for (; callsDue >= 1; callsDue--) {
            String callId = "sim-" + (++callCounter);
            int queue = random.nextInt(QUEUES);
            waiting.get(queue).add(new WaitingCaller(callId, "+7495" + (1_000_000 + random.nextInt(8_999_999)),
                    random.nextInt(3) == 0 ? CallerView.UNKNOWN
                            : new CallerView(CallerKind.COMPANY, "ООО «Клиент " + random.nextInt(5000) + "»", null),
                    now, waiting.get(queue).size() + 1));
            steps.add(new Step(nowMillis + random.nextInt(3000), -1, callId, queue, "ring"));
        }
        while (!steps.isEmpty() && steps.peek().atMillis() <= nowMillis) {
            Step step = steps.poll();
            Instant at = Instant.ofEpochMilli(step.atMillis());
            switch (step.kind()) {
                case "ring" -> ring(step, at);
                case "answer" -> setCall(step.operator(), OperatorState.TALKING, BoardCallState.TALKING, at,
                        new Step(step.atMillis() + 3000 + random.nextInt(4000), step.operator(), step.callId(),
                                step.queue(), "end"));
                case "end" -> {
                    answered[step.queue()]++;
                    setCall(step.operator(), OperatorState.WRAPUP, BoardCallState.WRAPUP, at,
                            new Step(step.atMillis() + 500 + random.nextInt(1000), step.operator(), step.callId(),
                                    step.queue(), "finish"));
                }
                case "finish" -> {
                    BoardOperator tile = tiles[step.operator()];
                    tiles[step.operator()] = new BoardOperator(tile.userId(), tile.name(), tile.extensions(),
                            tile.teams(), OperatorState.AVAILABLE, at, null, List.of(), tile.unansweredInARow());
                    free.add(step.operator());
                }
                default -> throw new IllegalStateException(step.kind());
            }
        }
    }

    private void ring(Step step, Instant at) {
        List<WaitingCaller> line = waiting.get(step.queue());
        WaitingCaller caller = line.stream().filter(w -> w.callId().equals(step.callId())).findFirst().orElseThrow();
        Integer operator = free.poll();
        if (operator == null) {
            steps.add(new Step(step.atMillis() + 500, -1, step.callId(), step.queue(), "ring")); // all busy: waits
            return;
        }
        line.remove(caller);
        for (int i = 0; i < line.size(); i++) {
            WaitingCaller w = line.get(i);
            line.set(i, new WaitingCaller(w.callId(), w.callerNumber(), w.caller(), w.since(), i + 1));
        }
        BoardOperator tile = tiles[operator];
        BoardCall call = new BoardCall(step.callId(), CallDirection.INBOUND, caller.callerNumber(), caller.caller(),
                new LineView("Линия " + (step.queue() + 1), "РК-" + step.queue()), "Очередь " + (step.queue() + 1),
                null, BoardCallState.RINGING, at);
        tiles[operator] = new BoardOperator(tile.userId(), tile.name(), tile.extensions(), tile.teams(),
                OperatorState.RINGING, at, null, List.of(call), tile.unansweredInARow());
        steps.add(new Step(step.atMillis() + 1000 + random.nextInt(2000), operator, step.callId(), step.queue(),
                "answer"));
    }

    private void setCall(int operator, OperatorState state, BoardCallState callState, Instant at, Step next) {
        BoardOperator tile = tiles[operator];
        BoardCall call = tile.calls().getFirst();
        tiles[operator] = new BoardOperator(tile.userId(), tile.name(), tile.extensions(), tile.teams(), state, at,
                null, List.of(new BoardCall(call.callId(), call.direction(), call.callerNumber(), call.caller(),
                call.line(), call.queue(), null, callState, at)), tile.unansweredInARow());
        steps.add(next);
    }

    private List<BoardQueue> queues(Instant now) {
        List<BoardQueue> queues = new ArrayList<>(QUEUES);
        for (int q = 0; q < QUEUES; q++) {
            List<QueueMember> members = new ArrayList<>();
            for (int i = q; i < operatorCount; i += QUEUES) {
                BoardOperator tile = tiles[i];
                MemberState state = switch (tile.state()) {
                    case RINGING -> MemberState.RINGING;
                    case TALKING, HOLD -> MemberState.IN_USE;
                    default -> MemberState.NOT_IN_USE;
                };
                members.add(new QueueMember("PJSIP/" + tile.extensions().getFirst(), tile.userId(), tile.name(),
                        state, false, null));
            }
            List<WaitingCaller> line = waiting.get(q);
            long longest = line.isEmpty() ? 0 : Duration.between(line.getFirst().since(), now).toSeconds();
            queues.add(new BoardQueue("Очередь " + (q + 1), line, longest, members, counters(answered[q])));
        }
        return queues;
    }

    private InboundCounters total() {
        long all = 0;
        for (long a : answered) {
            all += a;
        }
        return counters(all);
    }

    private static InboundCounters counters(long answered) {
        return new InboundCounters(answered, answered, 0, 0, 0, 0, answered == 0 ? null : 1.0, answered == 0 ? null
                : 0.0, 2.0, 9.0, answered == 0 ? null : 0.9, 20, 3);
    }
}
