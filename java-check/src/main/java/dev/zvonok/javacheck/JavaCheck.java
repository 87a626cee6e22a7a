package dev.zvonok.javacheck;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.jar.Manifest;

/**
 * The Main-Class of Zvonok's jars. Compiled for Java 8, so that {@code java -jar} on an older Java (Debian 12's
 * default is 17) prints what to install instead of an {@code UnsupportedClassVersionError}; on 21 or newer it hands
 * the arguments to the jar's real main class, named by the manifest's {@value #REAL_MAIN_ATTRIBUTE}, and behaves
 * exactly as that class would (its exceptions and exit status are its own).
 */
public final class JavaCheck {

    static final int REQUIRED = 21;
    static final String REAL_MAIN_ATTRIBUTE = "Zvonok-Main-Class";

    private JavaCheck() {
    }

    public static void main(String[] args) throws Throwable {
        int running = featureOf(System.getProperty("java.specification.version"));
        if (running < REQUIRED) {
            System.err.println(tooOld(running, System.getProperty("java.home"), newerJavaUnder(Paths.get("/usr/lib/jvm")),
                    ownJar()));
            System.exit(1);
        }
        // A method handle, not Method.invoke: the real main's exceptions come out as themselves, not wrapped.
        MethodHandle main = MethodHandles.publicLookup().findStatic(
                Class.forName(realMainClass()), "main", MethodType.methodType(void.class, String[].class));
        main.invokeExact(args);
    }

    /**
     * @param newerJava a java 21+ found on this machine, or null
     * @param jar       the jar that was started, or null when unknown
     */
    static String tooOld(int running, String javaHome, Path newerJava, Path jar) {
        String found = "Zvonok needs Java " + REQUIRED + " or newer; this is Java " + running + " (" + javaHome + ").\n";
        if (newerJava != null) {
            return found + "This machine has one: " + newerJava + " -jar " + (jar == null ? "..." : jar) + " ...";
        }
        return found + "Install one and start the jar with its java: on Debian 12, which ships only 17, Temurin " + REQUIRED
                + " (https://adoptium.net, an apt repository); elsewhere openjdk-" + REQUIRED + "-jre (Debian 13,"
                + " Ubuntu 22.04 and newer).\n"
                + "From the source tree, ./demo finds a JDK " + REQUIRED + "+ by itself (JAVA_HOME, the PATH, /usr/lib/jvm).";
    }

    /** The java of a JDK or JRE 21+ under {@code jvms} (by its release file, as scripts/jdk.sh looks there), or null. */
    static Path newerJavaUnder(Path jvms) {
        File[] homes = jvms.toFile().listFiles();
        if (homes == null) {
            return null;
        }
        Arrays.sort(homes);
        for (File home : homes) {
            Path java = home.toPath().resolve("bin").resolve("java");
            if (Files.isExecutable(java) && releaseFeature(home.toPath()) >= REQUIRED) {
                return java;
            }
        }
        return null;
    }

    private static int releaseFeature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return featureOf(line.substring("JAVA_VERSION=\"".length()).replace("\"", ""));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not a JDK we can tell the version of: look at the next one
        }
        return 0;
    }

    /** The started jar, relative to the working directory when it is inside it (as a README command names it). */
    private static Path ownJar() {
        try {
            Path jar = Paths.get(JavaCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path here = Paths.get("").toAbsolutePath();
            return jar.startsWith(here) ? here.relativize(jar) : jar;
        } catch (URISyntaxException | RuntimeException unknown) {
            return null;
        }
    }

    /** 8 for "1.8" (Java 8 and older), 17 for "17". */
    static int featureOf(String specificationVersion) {
        String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }

    /** Read from this class's own jar: on a class path of several jars, the resource "META-INF/MANIFEST.MF" may be another's. */
    private static String realMainClass() throws IOException {
        URL self = JavaCheck.class.getResource(JavaCheck.class.getSimpleName() + ".class");
        String url = self == null ? "" : self.toString();
        int separator = url.indexOf("!/");
        if (!url.startsWith("jar:") || separator < 0) {
            throw new IllegalStateException("JavaCheck starts the main class named in its jar's manifest; it is not in a jar: " + url);
        }
        try (InputStream in = new URL(url.substring(0, separator + 2) + "META-INF/MANIFEST.MF").openStream()) {
            String realMain = new Manifest(in).getMainAttributes().getValue(REAL_MAIN_ATTRIBUTE);
            if (realMain == null) {
                throw new IllegalStateException("The jar's manifest names no " + REAL_MAIN_ATTRIBUTE);
            }
            return realMain;
        }
    }
}
