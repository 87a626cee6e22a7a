package dev.zvonok.javacheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a jar laid out as server-lite's and the app's are (JavaCheck as Main-Class) with real java processes. */
class JavaCheckTest {

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void buildJar() throws IOException {
        jar = dir.resolve("zvonok-like.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JavaCheck.class.getName());
        manifest.getMainAttributes().putValue(JavaCheck.REAL_MAIN_ATTRIBUTE, FakeRealMain.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            add(out, JavaCheck.class);
            add(out, FakeRealMain.class);
        }
    }

    @Test
    void anOlderJavaIsToldWhatToInstallAndExitsWithOne() throws Exception {
        Optional<Path> java17 = installedJdk("17");
        assumeTrue(java17.isPresent(), "no JDK 17 under /usr/lib/jvm");

        Result result = run(java17.get().resolve("bin/java"), "-jar", jar.toString(), "demo");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr)
                .startsWith("Zvonok needs Java 21 or newer; this is Java 17 (" + java17.get().toRealPath() + ").")
                .doesNotContain("UnsupportedClassVersionError", "Exception");
        Path newer = JavaCheck.newerJavaUnder(Paths.get("/usr/lib/jvm"));
        if (newer != null) {
            assertThat(result.stderr).contains("This machine has one: " + newer + " -jar " + jar + " ...");
        } else {
            assertThat(result.stderr).contains("openjdk-21-jre", "Temurin 21", "./demo");
        }
        assertThat(result.stdout).isEmpty();
    }

    @Test
    void aJava21OrNewerRunsTheRealMainWithTheArgumentsAndItsExitStatus() throws Exception {
        Result result = run(currentJava(), "-jar", jar.toString(), "demo", "two words", "--port=3771");

        assertThat(result.stdout).isEqualTo("real main got demo|two words|--port=3771" + System.lineSeparator());
        assertThat(result.exitCode).isEqualTo(3);
    }

    @Test
    void theRealMainsExceptionComesOutAsItselfNotWrapped() throws Exception {
        Result result = run(currentJava(), "-jar", jar.toString(), "throw");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr)
                .startsWith("Exception in thread \"main\" java.lang.IllegalStateException: boom from the real main")
                .doesNotContain("InvocationTargetException");
    }

    @Test
    void readsTheFeatureReleaseOfOldAndNewVersionStrings() {
        assertThat(JavaCheck.featureOf("1.8")).isEqualTo(8);
        assertThat(JavaCheck.featureOf("17")).isEqualTo(17);
        assertThat(JavaCheck.featureOf("25")).isEqualTo(25);
    }

    @Test
    void findsAJava21OrNewerByItsReleaseFile(@TempDir Path jvms) throws IOException {
        fakeJdk(jvms.resolve("java-17-openjdk-amd64"), "17.0.15");
        assertThat(JavaCheck.newerJavaUnder(jvms)).isNull();

        fakeJdk(jvms.resolve("temurin-25-jdk-amd64"), "25");
        assertThat(JavaCheck.newerJavaUnder(jvms)).isEqualTo(jvms.resolve("temurin-25-jdk-amd64/bin/java"));
        assertThat(JavaCheck.newerJavaUnder(jvms.resolve("missing"))).isNull();
    }

    @Test
    void tellsWhatToInstallWhenThereIsNoNewerJava() {
        String message = JavaCheck.tooOld(17, "/usr/lib/jvm/java-17-openjdk-amd64", null, Paths.get("app.jar"));

        assertThat(message).startsWith("Zvonok needs Java 21 or newer; this is Java 17 (/usr/lib/jvm/java-17-openjdk-amd64).")
                .contains("openjdk-21-jre", "Temurin 21", "./demo");
    }

    private static void fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
    }

    private static void add(JarOutputStream out, Class<?> type) throws IOException {
        String name = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(name));
        try (var in = type.getClassLoader().getResourceAsStream(name)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }

    private static Path currentJava() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /** A JDK or JRE under /usr/lib/jvm whose release file says JAVA_VERSION="major…". */
    private static Optional<Path> installedJdk(String major) throws IOException {
        Path jvms = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> releaseSays(home, "JAVA_VERSION=\"" + major + "."))
                    .findFirst();
        }
    }

    private static boolean releaseSays(Path home, String line) {
        try {
            return Files.readAllLines(home.resolve("release")).stream().anyMatch(l -> l.startsWith(line));
        } catch (IOException noReleaseFile) {
            return false;
        }
    }

    private Result run(Path java, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(args));
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java exited").isTrue();
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
