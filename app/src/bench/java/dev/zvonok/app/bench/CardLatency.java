package dev.zvonok.app.bench;

import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * itself 2 s later, and the next ring starts once it has. The first rings warm up (reported apart: the first card of
 * the day is a cold one); then the measured rings. One app process per JVM configuration, one after the other.
 */
public final class CardLatency {

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 10);
    private static final int RINGS = Integer.getInteger("bench.rings", 200);
    private static final Pattern CARD = Pattern.compile(
            "CARD frames=(\\d+) built=(-?\\d+) shown=(-?\\d+) pulse=(-?\\d+) rendered=(-?\\d+)");
    private static final String[] STAGES = {"card view built (no window)", "card window shown",
            "first pulse after shown", "card's first frame rendered"};

    private CardLatency() {
    }

    public static void main(String[] args) throws Exception {
        List<AppJvm> configs = AppJvm.list("bench.configs", "installer,recommended");
        System.out.printf("Incoming-call frame -> card on screen: %d warm-up rings, %d measured, per configuration; "
                + "%d cores, load average %s%n", WARM_UP, RINGS, Runtime.getRuntime().availableProcessors(),
                AppStartup.loadAverage());
        try (Xvfb display = Xvfb.start(); Lab lab = Lab.start()) {
            int callers = 0;
            for (AppJvm config : configs) {
                callers = measure(config, lab, display, callers);
            }
        }
        System.out.printf("load average at the end: %s%n", AppStartup.loadAverage());
    }

    private static int measure(AppJvm config, Lab lab, Xvfb display, int firstCaller) throws Exception {
        Path dataDir = Files.createTempDirectory("zvonok-cards");
        List<String> command = new ArrayList<>(List.of(Jvm.java()));
        command.addAll(config.flags());
        command.addAll(List.of("-cp", Jvm.probeClassPath(), AppProbe.class.getName(), "cards",
                Integer.toString(lab.port()), dataDir.toString(), Lab.LOGIN, Lab.PASSWORD));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display.display());
        builder.environment().putAll(config.env());
        Process app = builder.start();
        int caller = firstCaller;
        try {
            ChildOutput output = ChildOutput.follow(app.getInputStream(), "zvonok-cards-app");
            output.awaitPrefix("PROBE-READY", Duration.ofSeconds(120));
            System.out.printf("%s: app (pid %d) logged in, main window up, live connection authenticated; "
                    + "load average %s%n", config.name(), app.pid(), AppStartup.loadAverage());
            List<long[]> warmUp = new ArrayList<>();
            List<long[]> measured = new ArrayList<>();
            int oddFrames = 0;
            for (int ring = 0; ring < WARM_UP + RINGS; ring++) {
                lab.ring(CallSpec.of(Shape.DIRECT_ABANDONED).external(Callers.number(caller++))
                        .ring(Duration.ofMillis(1_000)));
                Matcher card = CARD.matcher(output.awaitPrefix("CARD ", Duration.ofSeconds(20)).text());
                if (!card.matches()) {
                    throw new IllegalStateException("unexpected probe line");
                }
                if (!card.group(1).equals("1")) {
                    oddFrames++;
                }
                long[] times = new long[STAGES.length];
                for (int i = 0; i < times.length; i++) {
                    times[i] = Long.parseLong(card.group(i + 2));
                }
                (ring < WARM_UP ? warmUp : measured).add(times);
                output.awaitPrefix("CARD-CLOSED", Duration.ofSeconds(20));
                Thread.sleep(300);
            }
            report(warmUp, measured, oddFrames);
            System.out.printf("  app resident memory after the rings: %,d MB (peak %,d MB); load average %s%n",
                    Jvm.rssKib(app.pid()) / 1024, Jvm.highWaterKib(app.pid()) / 1024, AppStartup.loadAverage());
        } finally {
            app.toHandle().destroy(); // SIGTERM; its last words still reach the log
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
            Jvm.deleteTree(dataDir);
        }
        return caller;
    }

    private static void report(List<long[]> warmUp, List<long[]> measured, int oddFrames) {
        int rendered = STAGES.length - 1;
        System.out.println("  warm-up rings, frame -> rendered (ms): " + warmUp.stream()
                .map(t -> String.format("%.0f", t[rendered] / 1000.0)).toList());
        System.out.printf("  %d measured rings, from the frame reaching the app to the%n", measured.size());
        for (int i = 0; i < STAGES.length; i++) {
            int stage = i;
            Stats stats = Stats.of(measured.stream().mapToDouble(t -> t[stage] / 1000.0).toArray());
            System.out.printf("    %-28s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (min %.1f)%n",
                    STAGES[i], stats.median(), stats.percentile(90), stats.percentile(99), stats.max(), stats.min());
        }
        Stats stats = Stats.of(measured.stream().mapToDouble(t -> t[rendered] / 1000.0).toArray());
        System.out.printf("  goal 50 ms: p50 / goal = %.2f, p99 / goal = %.2f; rings over the goal: %d of %d%n",
                stats.median() / 50, stats.percentile(99) / 50,
                measured.stream().filter(t -> t[rendered] > 50_000).count(), measured.size());
        if (oddFrames > 0) {
            System.out.printf("  cards that did not pair with exactly one incoming-call frame: %d%n", oddFrames);
        }
    }
}
