package dev.zvonok.server.bench;

import dev.zvonok.server.tracking.AsteriskJavaEvents;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Two builds' trackers side by side in one JVM, taking turns on the same storm: {@link TrackingThroughput}'s
 * "tracking only" loop (mapping + state machine), run by each build's own classes. On a shared, noisy machine two
 * JVMs run one after the other see different loads; turns a few hundred milliseconds apart in one JVM see the same.
 *
 * <p>Arguments: the two builds' {@code server-lite} class directories (e.g. {@code target/classes} of an older
 * checkout, then this one's). Each is loaded child-first for {@code dev.zvonok.server.}, with this harness's own
 * {@link TrackingLoop} beside it; the JDK, asterisk-java and {@code shared-model} come from the class path, so both
 * read the very same event objects. Run with {@code taskset -c 1} and {@code -XX:ActiveProcessorCount=1}.
 */
public final class TrackerBuildsCompared {

    private static final int WARMUP_RUNS = 8;
    private static final int MEASURED_RUNS = 21;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TrackerBuildsCompared OLD_CLASSES_DIR NEW_CLASSES_DIR");
        }
        Storm.Generated storm = Storm.generate(100, Duration.ofSeconds(Long.getLong("bench.seconds", 30)), 42);
        List<ManagerEvent> events = AsteriskJavaEvents.of(storm.messages(), Storm.EPOCH);
        System.out.printf("Storm: %,d asterisk-java events, %,d calls; A = %s, B = %s%n", events.size(),
                storm.calls(), args[0], args[1]);
        ToDoubleFunction<List<ManagerEvent>> a = loopOf(Path.of(args[0]));
        ToDoubleFunction<List<ManagerEvent>> b = loopOf(Path.of(args[1]));
        for (int i = 0; i < WARMUP_RUNS; i++) {
            a.applyAsDouble(events);
            b.applyAsDouble(events);
        }
        double[] first = new double[MEASURED_RUNS];
        double[] second = new double[MEASURED_RUNS];
        double[] ratios = new double[MEASURED_RUNS];
        for (int i = 0; i < MEASURED_RUNS; i++) {
            // who goes first alternates too, so that neither always follows the other's garbage
            if (i % 2 == 0) {
                first[i] = a.applyAsDouble(events);
                second[i] = b.applyAsDouble(events);
            } else {
                second[i] = b.applyAsDouble(events);
                first[i] = a.applyAsDouble(events);
            }
            ratios[i] = second[i] / first[i];
        }
        System.out.println("A, tracking only: " + Stats.of(first).format("events/s"));
        System.out.println("B, tracking only: " + Stats.of(second).format("events/s"));
        System.out.printf("B / A, turn by turn: median %.3f (min %.3f, max %.3f); ratio of medians %.3f%n",
                Stats.of(ratios).median(), Stats.of(ratios).min(), Stats.of(ratios).max(),
                Stats.of(second).median() / Stats.of(first).median());
    }

    @SuppressWarnings("unchecked")
    private static ToDoubleFunction<List<ManagerEvent>> loopOf(Path classes) throws Exception {
        URL harness = TrackingLoop.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader loader = new ServerFirst(new URL[] {classes.toUri().toURL(), harness},
                TrackerBuildsCompared.class.getClassLoader());
        return (ToDoubleFunction<List<ManagerEvent>>) loader.loadClass(TrackingLoop.class.getName())
                .getConstructor().newInstance();
    }

    /** Loads server-lite's classes (and the harness's loop) from its own URLs first; everything else as usual. */
    private static final class ServerFirst extends URLClassLoader {

        ServerFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.zvonok.server.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
