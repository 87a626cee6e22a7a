package dev.zvonok.app.bench;

import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.Role;
import dev.zvonok.server.sim.Shape;
import dev.zvonok.server.testing.ProcessProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The app's resident memory with a day's worth of calls in its history: 520 calls of Иван Иванов's, played through
 * server-lite (its own JVM) from the simulated PBX beforehand. Then, per JVM configuration and run, a fresh app
 * process ({@link AppProbe} {@code history}: the real app from the shaded jar, logged in, windows on Xvfb through
 * GTK) shows the history's first page, and its RSS ({@code VmRSS}) is read once it has idled; then it pages through
 * the whole history ("Next", 50 rows a page, as the app loads it), idles again, and RSS and its peak ({@code VmHWM})
 * are read once more. The configurations run in turn, run after run.
 */
public final class AppMemory {

    private static final int CALLS = Integer.getInteger("bench.calls", 520);
    private static final int RUNS = Integer.getInteger("bench.memory.runs", 3);
    private static final long SETTLE_MILLIS = Long.getLong("bench.settleMillis", 15_000);

    public static void main(String[] args) throws Exception {
        List<AppJvm> configs = AppJvm.list("bench.configs", "default,installer,recommended,recommended-arena2");
        System.out.printf("App resident memory with %d calls in the history: %d runs per configuration; %d cores, "
                + "load average %s%n", CALLS, RUNS, Runtime.getRuntime().availableProcessors(), AppStartup.loadAverage());

        Map<AppJvm, List<long[]>> results = new LinkedHashMap<>();
        configs.forEach(config -> results.put(config, new ArrayList<>()));
        try (Xvfb display = Xvfb.start(); Lab lab = Lab.start()) {
            lab.playInTurn(aDayOfCalls(), Duration.ofSeconds(5), PlaybackSpeed.times(200));
            long history = lab.historySize();
            System.out.printf("Иван Иванов's history holds %,d calls%n", history);
            if (history < 500) {
                throw new IllegalStateException("fewer than 500 calls recorded: " + history);
            }
            for (int run = 0; run < RUNS; run++) {
                for (AppJvm config : configs) {
                    long[] kib = measure(config, lab, display);
                    results.get(config).add(kib);
                    System.out.printf("  run %d, %-40.40s page 1: %,4d MB; all pages: %,4d MB, peak %,4d MB (%d pages, %d rows)%n",
                            run + 1, config.name(), kib[0] / 1024, kib[1] / 1024, kib[2] / 1024, kib[3], kib[4]);
                }
            }
        }
        System.out.println("Resident memory of the app process (VmRSS, MB; goal 250 MB), medians over the runs:");
        for (Map.Entry<AppJvm, List<long[]>> result : results.entrySet()) {
            Stats first = Stats.of(result.getValue().stream().mapToDouble(k -> k[0] / 1024.0).toArray());
            Stats all = Stats.of(result.getValue().stream().mapToDouble(k -> k[1] / 1024.0).toArray());
            Stats peak = Stats.of(result.getValue().stream().mapToDouble(k -> k[2] / 1024.0).toArray());
            System.out.printf("  %s%n    page 1 shown: %s%n    all pages seen: %s; / goal = %.2f%n    peak (VmHWM): %s%n",
                    result.getKey().name(), first.format("MB"), all.format("MB"), all.median() / 250,
                    peak.format("MB"));
        }
        System.out.printf("load average at the end: %s%n", AppStartup.loadAverage());
    }

    /** A day of an operator's calls: mostly answered, some missed; callers known and unknown. */
    private static List<CallSpec> aDayOfCalls() {
        SplittableRandom random = new SplittableRandom(7);
        List<CallSpec> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            int pick = random.nextInt(100);
            String caller = Callers.number(i);
            Duration ring = Duration.ofSeconds(2 + random.nextInt(9));
            Duration talk = Duration.ofSeconds(10 + random.nextInt(111));
            CallSpec spec;
            if (pick < 45) {
                spec = CallSpec.of(Shape.DIRECT_ANSWERED).external(caller).ring(ring).talk(talk);
            } else if (pick < 55) {
                spec = CallSpec.of(Shape.DIRECT_ANSWERED_OPERATOR_HANGS_UP).operator(Lab.EXTENSION).external(caller)
                        .ring(ring).talk(talk);
            } else if (pick < 70) {
                spec = CallSpec.of(Shape.QUEUE_ANSWERED)
                        .withParties(Map.of(Role.OPERATOR, Lab.EXTENSION, Role.OTHER_MEMBER, "888"))
                        .external(caller).ring(ring).talk(talk);
            } else if (pick < 80) {
                spec = CallSpec.of(Shape.RING_GROUP_ANSWERED).external(caller).ring(ring).talk(talk);
            } else if (pick < 90) {
                spec = CallSpec.of(Shape.DIRECT_ABANDONED).external(caller).ring(ring);
            } else {
                spec = CallSpec.of(Shape.DIRECT_NO_ANSWER).external(caller);
            }
            calls.add(spec);
        }
        return calls;
    }

    /** One app process: {page 1 RSS, all pages RSS, peak RSS} in KiB, pages, rows. */
    private static long[] measure(AppJvm config, Lab lab, Xvfb display) throws Exception {
        Path dataDir = Files.createTempDirectory("zvonok-memory");
        List<String> command = new ArrayList<>(List.of(Jvm.java()));
        command.addAll(config.flags());
        if (Boolean.getBoolean("bench.nmt")) {
            command.add("-XX:NativeMemoryTracking=summary"); // a diagnosis: NMT costs memory of its own
        }
        command.addAll(List.of("-cp", Jvm.probeClassPath(), AppProbe.class.getName(), "history",
                Integer.toString(lab.port()), dataDir.toString(), Lab.LOGIN, Lab.PASSWORD));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display.display());
        builder.environment().putAll(config.env());
        Process app = builder.start();
        try {
            ChildOutput output = ChildOutput.follow(app.getInputStream(), "zvonok-memory-app");
            output.awaitPrefix("PAGE ", Duration.ofSeconds(120));
            output.awaitPrefix("PAGING", Duration.ofSeconds(60));
            long firstPage = ProcessProbe.rssKib(app.pid());
            String done = output.awaitPrefix("HISTORY-DONE", Duration.ofSeconds(120)).text();
            Thread.sleep(SETTLE_MILLIS);
            long allPages = ProcessProbe.rssKib(app.pid());
            long peak = ProcessProbe.highWaterKib(app.pid());
            if (Boolean.getBoolean("bench.nmt")) {
                ProcessProbe.jcmd(app.pid(), "GC.heap_info").forEach(line -> System.out.println("    " + line));
                ProcessProbe.jcmd(app.pid(), "VM.native_memory", "summary").stream()
                        .filter(line -> line.matches("^(Total|-\\s+[A-Za-z ]+).*committed=.*"))
                        .forEach(line -> System.out.println("    " + line.replaceAll("reserved=\\d+KB, ", "").strip()));
            }
            String[] parts = done.split("[ =]");
            return new long[] {firstPage, allPages, peak, Long.parseLong(parts[2]), Long.parseLong(parts[4])};
        } finally {
            app.toHandle().destroy(); // SIGTERM; its last words still reach the log
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
            Jvm.deleteTree(dataDir);
        }
    }
}
