package dev.zvonok.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JVM configurations of the app under test: how the installer starts it today, and what the benchmarks recommend
 * instead (docs/benchmarks.md has the measurements behind each flag). Others can be given on the command line:
 * {@code -Dbench.config.NAME="-Xmx128m -XX:+UseSerialGC; MALLOC_ARENA_MAX=2"} (JVM options, then after a semicolon
 * environment variables), named in the harness's list of configurations; through Maven the name is {@code custom}:
 * {@code -Dbench.configs=installer,custom -Dbench.config.custom="..."}. Any configuration may also run another build
 * of the app: {@code -Dbench.config.NAME.jar=/path/to/zvonok-app.jar} (else {@code bench.jar}), so that two builds
 * take turns in one run, under the same load ({@code CardLatency}).
 */
record AppJvm(String name, List<String> flags, Map<String, String> env, Path jar) {

    AppJvm(String name, List<String> flags, Map<String, String> env) {
        this(name, flags, env, null);
    }

    /** The app's shaded jar this configuration runs. */
    Path appJar() {
        return jar != null ? jar : Jvm.appJar();
    }

    /** src/packaging/jpackage.args as it was when the benchmarks began (until 2026-11-22). */
    static final List<String> INSTALLER = List.of("--enable-native-access=ALL-UNNAMED", "-Xmx192m");

    /**
     * A small heap that starts small, the serial collector (no concurrent GC threads or G1's remembered sets: a
     * desktop app's pauses on a heap this size are a few ms), C1 only (less code cache, no C2 compiler threads
     * competing with the FX thread on a small PC), and Prism's software pipeline (no GPU driver loaded: on a PC
     * without a suitable GPU JavaFX loads Mesa, LLVM included, only to reject it). The installer's since 2026-11-22;
     * since 2026-12-05 with a smaller heap (96 MB, was 128) whose soft references are cleared at once: with a day of
     * cards the app stays ~90 MB smaller; since 2026-12-05 (issue 10) 64 MB: ~40 MB less again, a card as fast
     * (docs/benchmarks.md). With {@code -Dprism.order=sw} the app also keeps GTK from
     * loading OpenGL (GdkWithoutGl: ~60 MB less); a configuration given {@code GDK_GL=} (empty) in its environment
     * measures the app with GL loaded, as before.
     */
    static final List<String> RECOMMENDED = List.of("--enable-native-access=ALL-UNNAMED", "-Xms16m", "-Xmx64m",
            "-XX:SoftRefLRUPolicyMSPerMB=0", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dprism.order=sw");

    static AppJvm named(String name) {
        AppJvm config = flagsNamed(name);
        String jar = System.getProperty("bench.config." + name + ".jar");
        if (jar == null || jar.isBlank()) {
            return config;
        }
        Path given = Path.of(jar);
        if (!Files.isRegularFile(given)) {
            throw new IllegalStateException(given.toAbsolutePath() + " is missing");
        }
        return new AppJvm(config.name() + " [" + given + "]", config.flags(), config.env(), given);
    }

    private static AppJvm flagsNamed(String name) {
        Map<String, AppJvm> known = new LinkedHashMap<>();
        known.put("default", new AppJvm("default JVM flags (java -jar)", List.of(), Map.of()));
        known.put("installer", new AppJvm("the installer's first flags: " + String.join(" ", INSTALLER.subList(1,
                INSTALLER.size())), INSTALLER, Map.of()));
        known.put("recommended", new AppJvm("recommended: " + String.join(" ", RECOMMENDED.subList(1,
                RECOMMENDED.size())), RECOMMENDED, Map.of()));
        known.put("recommended-arena2", new AppJvm("recommended + MALLOC_ARENA_MAX=2 (environment)", RECOMMENDED,
                Map.of("MALLOC_ARENA_MAX", "2")));
        if (known.containsKey(name)) {
            return known.get(name);
        }
        String given = System.getProperty("bench.config." + name);
        if (given == null || given.isBlank()) {
            throw new IllegalArgumentException("no configuration " + name + "; known: " + known.keySet()
                    + ", or give -Dbench.config." + name);
        }
        String[] parts = given.split(";", 2);
        Map<String, String> env = new LinkedHashMap<>();
        if (parts.length > 1 && !parts[1].isBlank()) {
            for (String variable : parts[1].strip().split("\\s+")) {
                String[] pair = variable.split("=", 2);
                env.put(pair[0], pair[1]);
            }
        }
        return new AppJvm(name + ": " + given, List.of(parts[0].strip().split("\\s+")), env);
    }

    /** The configurations named in {@code property} (comma-separated), else {@code defaults}. */
    static List<AppJvm> list(String property, String defaults) {
        String given = System.getProperty(property, "");
        return java.util.Arrays.stream((given.isBlank() ? defaults : given).split(","))
                .map(String::strip)
                .map(AppJvm::named)
                .toList();
    }
}
