package dev.zvonok.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to the login window, measured from outside: a fresh JVM per run, spawned as an operator's desktop would
 * ({@code java -jar zvonok-app.jar}, a fresh data directory: no stored session, so the login window is what shows),
 * timed from the moment before the process is created to the moment the app's first window is shown, as the app
 * reports it with {@code -Dzvonok.startupMarker=true} (see {@code StartupMarker}).
 *
 * <p>The variants run in turn, run after run, so that the machine's noise falls on all of them alike. One unmeasured
 * run per variant first (the jar and the JDK's files into the page cache; a CDS archive written where asked).
 */
public final class AppStartup {

    private static final int RUNS = Integer.getInteger("bench.startup.runs", 15);

    /**
     * @param flags        JVM options before the main class
     * @param headless     Monocle's headless glass (as the TestFX tests run), else GTK on the X display
     * @param prepareFlags the options of the unmeasured first run, when they differ (a training run)
     * @param launcher     an installed app's launcher to run instead of {@code java -jar}; null for the jar
     */
    private record Variant(String name, List<String> flags, boolean headless, List<String> prepareFlags,
                           Path launcher) {

        Variant(String name, List<String> flags, boolean headless, List<String> prepareFlags) {
            this(name, flags, headless, prepareFlags, null);
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Jvm.appJar();
        Path work = Files.createTempDirectory("zvonok-startup");
        Map<String, Variant> known = new LinkedHashMap<>();
        known.put("gtk", new Variant("GTK, java -jar, default flags", List.of(), false, List.of()));
        known.put("gtk-installer", new Variant("GTK, the installer's first flags", AppJvm.INSTALLER, false,
                List.of()));
        known.put("gtk-recommended", new Variant("GTK, the recommended flags", AppJvm.RECOMMENDED, false,
                List.of()));
        // the installer would ship the cache, made by one training run at build time (the same runtime and jar)
        Path aotCache = work.resolve("zvonok-app.aot");
        known.put("gtk-recommended-aot", new Variant("GTK, the recommended flags + an AOT cache (JDK 25)",
                with(AppJvm.RECOMMENDED, "-XX:AOTCache=" + aotCache), false,
                with(AppJvm.RECOMMENDED, "-XX:AOTCacheOutput=" + aotCache)));
        Path installerCache = work.resolve("zvonok-app-installer.aot");
        known.put("gtk-installer-aot", new Variant("GTK, the installer's flags + an AOT cache (JDK 25)",
                with(AppJvm.INSTALLER, "-XX:AOTCache=" + installerCache), false,
                with(AppJvm.INSTALLER, "-XX:AOTCacheOutput=" + installerCache)));
        known.put("monocle", new Variant("Monocle headless (software), default flags", List.of(), true,
                List.of()));
        // jpackage app-images (-Pinstaller): their own jlinked runtime and the flags of their jpackage.args
        List<String> launchers = new ArrayList<>();
        for (String launcher : System.getProperty("bench.launcher", "").split(",")) {
            if (!launcher.isBlank()) {
                String name = "installed" + (launchers.isEmpty() ? "" : "-" + (launchers.size() + 1));
                launchers.add(name);
                known.put(name, new Variant("GTK, installed: " + launcher.strip(), List.of(), false, List.of(),
                        Path.of(launcher.strip())));
            }
        }
        List<Variant> variants = new ArrayList<>();
        String named = System.getProperty("bench.variants", "");
        String defaults = String.join(",", "gtk,gtk-installer,gtk-recommended,gtk-recommended-aot,monocle",
                String.join(",", launchers)).replaceAll(",$", "");
        for (String name : (named.isBlank() ? defaults : named).split(",")) {
            Variant variant = known.get(name.strip());
            if (variant == null) {
                throw new IllegalArgumentException("unknown variant " + name + "; known: " + known.keySet());
            }
            variants.add(variant);
        }

        System.out.printf("Cold start to the login window: %s, %d runs per variant, %d cores, load average %s%n",
                jar, RUNS, Runtime.getRuntime().availableProcessors(), loadAverage());
        Map<Variant, double[]> results = new LinkedHashMap<>();
        try (Xvfb display = Xvfb.start()) {
            System.out.println("Display " + display.display());
            for (Variant variant : variants) {
                double warm = startOnce(jar, variant, display, work, variant.prepareFlags().isEmpty()
                        ? variant.flags() : variant.prepareFlags());
                System.out.printf("  %-52s unmeasured first run: %,.0f ms%n", variant.name(), warm);
                results.put(variant, new double[RUNS]);
            }
            for (int run = 0; run < RUNS; run++) {
                StringBuilder line = new StringBuilder(String.format("  run %2d:", run + 1));
                for (Variant variant : variants) {
                    double millis = startOnce(jar, variant, display, work, variant.flags());
                    results.get(variant)[run] = millis;
                    line.append(String.format("  %,6.0f ms", millis));
                }
                System.out.println(line);
            }
        } finally {
            Jvm.deleteTree(work);
        }
        System.out.printf("Process start -> first window shown (goal 1,500 ms), load average now %s:%n", loadAverage());
        for (Map.Entry<Variant, double[]> result : results.entrySet()) {
            Stats stats = Stats.of(result.getValue());
            System.out.printf("  %-52s %s; median / goal = %.2f%n", result.getKey().name(), stats.format("ms"),
                    stats.median() / 1500);
        }
    }

    /** One cold start: the time from just before the process is created to its first window shown, in ms. */
    private static double startOnce(Path jar, Variant variant, Xvfb display, Path work, List<String> flags)
            throws Exception {
        Path dataDir = Files.createTempDirectory(work, "data");
        List<String> command = new ArrayList<>();
        if (variant.launcher() != null) {
            // it knows its main class and its JVM options; the marker comes through JAVA_TOOL_OPTIONS
            command.add(variant.launcher().toString());
        } else {
            command.add(Jvm.java());
            command.addAll(flags);
            command.add("-Dzvonok.startupMarker=true");
            if (variant.headless()) {
                command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                        "-Djava.awt.headless=true",
                        "-cp", jar + java.io.File.pathSeparator + Jvm.onClassPath("openjfx-monocle"),
                        "dev.zvonok.app.Launcher"));
            } else {
                command.addAll(List.of("-jar", jar.toString()));
            }
        }
        command.addAll(List.of("--data-dir", dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display.display());
        if (variant.launcher() != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", "-Dzvonok.startupMarker=true");
        }

        Instant spawned = Instant.now();
        Process app = builder.start();
        try {
            ChildOutput output = ChildOutput.follow(app.getInputStream(), "zvonok-startup");
            String marker = output.awaitPrefix("ZVONOK-READY ", Duration.ofSeconds(60)).text();
            long shownMicros = Long.parseLong(marker.substring("ZVONOK-READY ".length()).strip());
            return (shownMicros - ChronoUnit.MICROS.between(Instant.EPOCH, spawned)) / 1000.0;
        } finally {
            // SIGTERM, as a logout of the desktop session would; Process.destroy() would also close our end of its
            // output, and a training run still writing there (its AOT cache, in a child of its own) would die of it
            app.toHandle().destroy();
            // a training run writes its AOT cache on the way out: that may take a while
            if (!app.waitFor(180, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
            Jvm.deleteTree(dataDir);
            Thread.sleep(500); // let the dying JVM's last work end before the next one starts
        }
    }

    private static List<String> with(List<String> flags, String more) {
        List<String> all = new ArrayList<>(flags);
        all.add(more);
        return all;
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
