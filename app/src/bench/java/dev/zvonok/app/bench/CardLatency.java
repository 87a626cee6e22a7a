package dev.zvonok.app.bench;

import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.Shape;
import dev.zvonok.server.testing.ProcessProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From the {@code incoming-call} frame reaching the app to the call card on screen, ring after ring.
 *
 * <p>Three processes, as in production: server-lite (its own JVM, embedded PostgreSQL, the demo directory), the
 * simulated PBX here, and the app ({@link AppProbe} {@code cards}: the real app from the shaded jar, logged in as
 * Иван Иванов, windows on Xvfb through GTK). Each ring is the recorded "caller gives up while the phone rings" call
 * to 777, from a known or an unknown number in turn, ringing 1 s; the card then says "the caller hung up" and closes
 * itself 2 s later, and the next ring starts once it has.
 *
 * <p>The JVM configurations take turns in sessions of {@code bench.block} measured rings (a fresh app process each,
 * logged in anew), so that the machine's noise falls on all of them alike. Every session begins with
 * {@code bench.warmup} rings that are not counted; the first of them, the first card after a login, is reported
 * apart: it is the card an operator sees first every morning.
 */
public final class CardLatency {

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 10);
    private static final int RINGS = Integer.getInteger("bench.rings", 200);
    private static final int BLOCK = Integer.getInteger("bench.block", 50);
    /** Every ring's stages and the app's uptime at its frame, to match slow rings with a GC log or a JFR recording. */
    private static final boolean EVERY_RING = Boolean.getBoolean("bench.everyRing");
    private static final Pattern CARD = Pattern.compile(
            "CARD frames=(\\d+) built=(-?\\d+) shown=(-?\\d+) pulse=(-?\\d+) rendered=(-?\\d+)(?: at=(\\d+))?");
    private static final String[] STAGES = {"card view built (no window)", "card window shown",
            "first pulse after shown", "card's first frame rendered"};
    private static final int RENDERED = STAGES.length - 1;

    /** What one configuration gathered over its sessions. */
    private static final class Results {
        final List<long[]> measured = new ArrayList<>();
        final List<Long> firstCards = new ArrayList<>();
        final List<Long> rssAfterKib = new ArrayList<>();
        int oddFrames;
    }

    private CardLatency() {
    }

    public static void main(String[] args) throws Exception {
        List<AppJvm> configs = AppJvm.list("bench.configs", "installer,recommended");
        System.out.printf("Incoming-call frame -> card on screen: %d measured rings per configuration in sessions of "
                + "%d (each after %d warm-up rings); %d cores, load average %s%n", RINGS, BLOCK, WARM_UP,
                Runtime.getRuntime().availableProcessors(), AppStartup.loadAverage());
        Map<AppJvm, Results> results = new LinkedHashMap<>();
        configs.forEach(config -> results.put(config, new Results()));
        try (Xvfb display = Xvfb.start(); Lab lab = Lab.start()) {
            int caller = 0;
            for (int done = 0; done < RINGS; done += BLOCK) {
                for (AppJvm config : configs) {
                    caller = session(config, lab, display, Math.min(BLOCK, RINGS - done), caller,
                            results.get(config));
                }
            }
        }
        results.forEach(CardLatency::report);
        System.out.printf("load average at the end: %s%n", AppStartup.loadAverage());
    }

    private static int session(AppJvm config, Lab lab, Xvfb display, int rings, int firstCaller, Results results)
            throws Exception {
        Path dataDir = Files.createTempDirectory("zvonok-cards");
        List<String> command = new ArrayList<>(List.of(Jvm.java()));
        command.addAll(config.flags());
        command.addAll(List.of("-cp", Jvm.probeClassPath(config.appJar()), AppProbe.class.getName(), "cards",
                Integer.toString(lab.port()), dataDir.toString(), Lab.LOGIN, Lab.PASSWORD));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display.display());
        builder.environment().putAll(config.env());
        Process app = builder.start();
        int caller = firstCaller;
        try {
            ChildOutput output = ChildOutput.follow(app.getInputStream(), "zvonok-cards-app");
            output.awaitPrefix("PROBE-READY", Duration.ofSeconds(120));
            List<long[]> measured = new ArrayList<>();
            List<Long> rssEvery25 = new ArrayList<>();
            for (int ring = 0; ring < WARM_UP + rings; ring++) {
                lab.ring(CallSpec.of(Shape.DIRECT_ABANDONED).external(Callers.number(caller++))
                        .ring(Duration.ofMillis(1_000)));
                Matcher card = CARD.matcher(output.awaitPrefix("CARD ", Duration.ofSeconds(20)).text());
                if (!card.matches()) {
                    throw new IllegalStateException("unexpected probe line");
                }
                if (!card.group(1).equals("1")) {
                    results.oddFrames++;
                }
                long[] times = new long[STAGES.length];
                for (int i = 0; i < times.length; i++) {
                    times[i] = Long.parseLong(card.group(i + 2));
                }
                if (EVERY_RING) {
                    System.out.printf("    ring %3d at %s ms of the app's uptime: built %.1f, shown %.1f, pulse %.1f, "
                                    + "rendered %.1f ms%n", ring, card.group(6), times[0] / 1000.0,
                            times[1] / 1000.0, times[2] / 1000.0, times[3] / 1000.0);
                }
                if (ring == 0) {
                    results.firstCards.add(times[RENDERED]);
                }
                if (ring >= WARM_UP) {
                    measured.add(times);
                }
                output.awaitPrefix("CARD-CLOSED", Duration.ofSeconds(20));
                Thread.sleep(300);
                if ((ring + 1) % 25 == 0) {
                    rssEvery25.add(ProcessProbe.rssKib(app.pid()) / 1024);
                }
            }
            results.measured.addAll(measured);
            long rss = ProcessProbe.rssKib(app.pid());
            results.rssAfterKib.add(rss);
            Stats block = Stats.of(measured.stream().mapToDouble(t -> t[RENDERED] / 1000.0).toArray());
            System.out.printf("  %-45.45s %3d rings: p50 %5.1f ms, p99 %5.1f ms; first card %4.0f ms; RSS %,d MB; "
                            + "load %s%n", config.name(), measured.size(), block.median(), block.percentile(99),
                    results.firstCards.getLast() / 1000.0, rss / 1024, AppStartup.loadAverage());
            System.out.println("    RSS every 25 cards (MB): " + rssEvery25);
            if (Boolean.getBoolean("bench.histogram")) {
                // a diagnosis of what the app holds after its cards closed (the histogram forces a full GC)
                ProcessProbe.jcmd(app.pid(), "GC.class_histogram").stream().skip(3).limit(15)
                        .forEach(line -> System.out.println("    " + line.strip()));
                ProcessProbe.jcmd(app.pid(), "GC.class_histogram").stream()
                        .filter(line -> line.contains("dev.zvonok.app.card.Card")
                                || line.contains("javafx.stage.Stage ") || line.contains("javafx.scene.Scene ")
                                || line.contains("Total"))
                        .forEach(line -> System.out.println("    " + line.strip()));
                ProcessProbe.jcmd(app.pid(), "GC.heap_info").forEach(line -> System.out.println("    " + line));
                ProcessProbe.jcmd(app.pid(), "VM.native_memory", "summary").stream()
                        .filter(line -> line.matches("^(Total|-\\s+[A-Za-z ]+).*committed=.*"))
                        .map(line -> line.replaceAll("reserved=\\d+KB, ", "").strip())
                        .forEach(line -> System.out.println("    " + line));
                System.out.printf("    RSS after that full GC: %,d MB%n", ProcessProbe.rssKib(app.pid()) / 1024);
            }
        } finally {
            app.toHandle().destroy(); // SIGTERM; its last words still reach the log
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
            Jvm.deleteTree(dataDir);
        }
        return caller;
    }

    private static void report(AppJvm config, Results results) {
        System.out.printf("%s: %d measured rings; from the frame reaching the app to the%n", config.name(),
                results.measured.size());
        for (int i = 0; i < STAGES.length; i++) {
            int stage = i;
            Stats stats = Stats.of(results.measured.stream().mapToDouble(t -> t[stage] / 1000.0).toArray());
            System.out.printf("    %-28s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (min %.1f)%n",
                    STAGES[i], stats.median(), stats.percentile(90), stats.percentile(99), stats.max(), stats.min());
        }
        Stats stats = Stats.of(results.measured.stream().mapToDouble(t -> t[RENDERED] / 1000.0).toArray());
        System.out.printf("  goal 50 ms: p50 / goal = %.2f, p99 / goal = %.2f; rings over the goal: %d of %d%n",
                stats.median() / 50, stats.percentile(99) / 50,
                results.measured.stream().filter(t -> t[RENDERED] > 50_000).count(), results.measured.size());
        System.out.println("  the first card after each login, frame -> rendered (ms): " + results.firstCards.stream()
                .map(micros -> String.format("%.0f", micros / 1000.0)).toList());
        System.out.println("  app RSS after each session (MB): " + results.rssAfterKib.stream()
                .map(kib -> kib / 1024).toList());
        if (results.oddFrames > 0) {
            System.out.printf("  cards that did not pair with exactly one incoming-call frame: %d%n",
                    results.oddFrames);
        }
    }
}
