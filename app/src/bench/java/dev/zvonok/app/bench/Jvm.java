package dev.zvonok.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/** What the harnesses need to start the app's JVMs and look at them from outside. */
final class Jvm {

    private Jvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The shaded jar that the demo runs and the installer bundles ({@code package} builds it). */
    static Path appJar() {
        Path jar = Path.of(System.getProperty("bench.jar", "target/zvonok-app.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it with 'package' first");
        }
        return jar;
    }

    /** An entry of this JVM's class path whose file name contains {@code fragment}, e.g. a dependency's jar. */
    static Path onClassPath(String fragment) {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(entry -> entry.getFileName().toString().contains(fragment))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(fragment + " is not on the class path"));
    }

    /**
     * The class path of a probe JVM: the app's shaded jar, exactly as shipped, and beside it a directory holding only
     * this package's classes (test-classes would bring the tests' logback-test.xml along and change the app's logging).
     */
    static String probeClassPath() {
        return probeClassPath(appJar());
    }

    /** {@link #probeClassPath()} with another build of the app's jar. */
    static String probeClassPath(Path appJar) {
        try {
            Path compiled = Path.of(Jvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path packageDir = Path.of(Jvm.class.getPackageName().replace('.', '/'));
            Path copy = Files.createTempDirectory("zvonok-bench-probe");
            Files.createDirectories(copy.resolve(packageDir));
            try (Stream<Path> classes = Files.list(compiled.resolve(packageDir))) {
                for (Path file : classes.toList()) {
                    Files.copy(file, copy.resolve(packageDir).resolve(file.getFileName()));
                }
            }
            copy.toFile().deleteOnExit();
            return appJar.toAbsolutePath() + java.io.File.pathSeparator + copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: what is left is left
        }
    }
}
