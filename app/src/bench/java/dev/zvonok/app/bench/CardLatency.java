package dev.zvonok.app.bench;

import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * to 777, from a known or an unknown number in turn, ringing 1.5 s; the card then says "the caller hung up" and closes
 * itself 2 s later, and the next ring starts once it has. The first rings warm up (reported apart: the first card of
 * the day is a cold one); then the measured rings.
 */
public final class CardLatency {

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 10);
    private static final int RINGS = Integer.getInteger("bench.rings", 200);
    /** The installer's JVM options (src/packaging/jpackage.args) unless told otherwise. */
    private static final String APP_JVM = System.getProperty("bench.app.jvm",
            "--enable-native-access=ALL-UNNAMED -Xmx192m");
    private static final Pattern CARD = Pattern.compile(
            "CARD frames=(\\d+) built=(-?\\d+) shown=(-?\\d+) pulse=(-?\\d+) rendered=(-?\\d+)");

    private CardLatency() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Incoming-call frame -> card on screen: %d warm-up rings, %d measured; app JVM: %s; "
                + "%d cores, load average %s%n", WARM_UP, RINGS, APP_JVM, Runtime.getRuntime().availableProcessors(),
                AppStartup.loadAverage());
        Path dataDir = Files.createTempDirectory("zvonok-cards");
        try (Xvfb display = Xvfb.start(); Lab lab = Lab.start()) {
            List<String> command = new ArrayList<>(List.of(Jvm.java()));
            command.addAll(Arrays.asList(APP_JVM.split(" ")));
            command.addAll(List.of("-cp", Jvm.probeClassPath(), AppProbe.class.getName(), "cards",
                    Integer.toString(lab.port()), dataDir.toString(), Lab.LOGIN, Lab.PASSWORD));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DISPLAY", display.display());
            Process app = builder.start();
            try {
                ChildOutput output = ChildOutput.follow(app.getInputStream(), "zvonok-cards-app");
                output.awaitPrefix("PROBE-READY", Duration.ofSeconds(120));
                System.out.printf("App (pid %d) logged in, main window up, live connection authenticated%n",
                        app.pid());
                List<long[]> warmUp = new ArrayList<>();
                List<long[]> measured = new ArrayList<>();
                int oddFrames = 0;
                for (int ring = 0; ring < WARM_UP + RINGS; ring++) {
                    lab.ring(CallSpec.of(Shape.DIRECT_ABANDONED).external(Callers.number(ring))
                            .ring(Duration.ofMillis(1_500)));
                    Matcher card = CARD.matcher(output.awaitPrefix("CARD ", Duration.ofSeconds(20)).text());
                    if (!card.matches()) {
                        throw new IllegalStateException("unexpected probe line");
                    }
                    if (!card.group(1).equals("1")) {
                        oddFrames++;
                    }
                    long[] times = {Long.parseLong(card.group(2)), Long.parseLong(card.group(3)),
                            Long.parseLong(card.group(4)), Long.parseLong(card.group(5))};
                    (ring < WARM_UP ? warmUp : measured).add(times);
                    output.awaitPrefix("CARD-CLOSED", Duration.ofSeconds(20));
                    Thread.sleep(300);
                    if ((ring + 1) % 50 == 0) {
                        System.out.printf("  %d rings%n", ring + 1);
                    }
                }
                report(warmUp, measured, oddFrames);
                System.out.printf("App resident memory after the rings: %,d MB (peak %,d MB)%n",
                        Jvm.rssKib(app.pid()) / 1024, Jvm.highWaterKib(app.pid()) / 1024);
            } finally {
                app.destroy();
                if (!app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor();
                }
            }
        } finally {
            Jvm.deleteTree(dataDir);
        }
        System.out.printf("load average at the end: %s%n", AppStartup.loadAverage());
    }

    private static void report(List<long[]> warmUp, List<long[]> measured, int oddFrames) {
        System.out.println("Warm-up rings (frame -> rendered, ms): " + warmUp.stream()
                .map(t -> String.format("%.1f", t[3] / 1000.0)).toList());
        System.out.printf("%d measured rings, frame reached the app ->%n", measured.size());
        String[] names = {"card view built (no window)", "card window shown", "first pulse after shown",
                "card's first frame rendered"};
        for (int i = 0; i < names.length; i++) {
            int column = i;
            Stats stats = Stats.of(measured.stream().mapToDouble(t -> t[column] / 1000.0).toArray());
            System.out.printf("  %-28s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (min %.1f)%n",
                    names[i], stats.median(), stats.percentile(90), stats.percentile(99), stats.max(), stats.min());
        }
        Stats rendered = Stats.of(measured.stream().mapToDouble(t -> t[3] / 1000.0).toArray());
        System.out.printf("Goal 50 ms: p50 / goal = %.2f, p99 / goal = %.2f, rings over the goal: %d%n",
                rendered.median() / 50, rendered.percentile(99) / 50,
                measured.stream().filter(t -> t[3] > 50_000).count());
        if (oddFrames > 0) {
            System.out.printf("Rings whose card did not pair with exactly one incoming-call frame: %d%n", oddFrames);
        }
    }
}
