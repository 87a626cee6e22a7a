package dev.zvonok.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmarks read of the processes they measure (server-lite's and the app's, both from the test-jar): the
 * resident memory Linux reports for a process, the JVM's own account through {@code jcmd}, and a free port to start
 * one on. Linux only ({@code /proc}).
 */
public final class ProcessProbe {

    private ProcessProbe() {
    }

    /** Resident set size of a process, in KiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
    public static long rssKib(long pid) {
        return statusKib(pid, "VmRSS:");
    }

    /** The highest resident set size the process ever had, in KiB ({@code VmHWM}). */
    public static long highWaterKib(long pid) {
        return statusKib(pid, "VmHWM:");
    }

    private static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + field + " for " + pid);
    }

    /** Runs {@code jcmd <pid> <command…>} of the running JDK and returns its output lines. */
    public static List<String> jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        process.waitFor();
        return lines;
    }

    /**
     * The JVM's own account of its memory by area (Native Memory Tracking, which the process must have been started
     * with): the total and one line per area, committed sizes only.
     */
    public static List<String> nativeMemory(long pid) throws IOException, InterruptedException {
        return jcmd(pid, "VM.native_memory", "summary").stream()
                .filter(line -> line.matches("^(Total|-\\s+[A-Za-z ]+).*committed=.*"))
                .map(line -> line.replaceAll("reserved=\\d+KB, ", "").strip())
                .toList();
    }

    /** A port nobody listens on now (for a child process to take). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
