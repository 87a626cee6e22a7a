package dev.zvonok.server.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an embedded PostgreSQL data directory startable after a crash of the process that owned it.
 *
 * <p>A crash leaves one of two things behind. If only the JVM died (kill -9, OOM killer), its postmaster runs on as
 * an orphan, holding the data directory and its {@code postmaster.pid}: PostgreSQL refuses a second postmaster, so
 * the orphan is shut down first. If the machine or the container went down, {@code postmaster.pid} names a process
 * that is gone, or worse a different process that happens to have the same id now, which PostgreSQL takes for a
 * running server: such a file is removed.
 *
 * <p>The embedded library keeps a lock file in the data directory for as long as a process uses it; while another
 * live process holds that lock, the directory is in use and nothing is touched.
 */
final class DataDirectoryGuard {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryGuard.class);

    /** The embedded library's lock file, held by the JVM that runs the postmaster. */
    static final String OWNER_LOCK_FILE = "epg-lock";
    static final String PID_FILE = "postmaster.pid";

    private DataDirectoryGuard() {
    }

    /**
     * Clears what a crashed owner left in {@code dataDirectory}.
     *
     * @throws IllegalStateException when another live process uses the data directory
     */
    static void clearLeftovers(Path dataDirectory, Duration orphanStopTimeout) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveOwner(dataDirectory);
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Removing stale {} (process {} is gone) from {}", PID_FILE, pid.map(String::valueOf).orElse("?"),
                    dataDirectory);
            Files.deleteIfExists(pidFile);
            return;
        }
        if (isPostmasterOf(process.get(), dataDirectory)) {
            log.warn("An orphaned PostgreSQL (pid {}) still runs on {}: the previous owner crashed. Stopping it.",
                    process.get().pid(), dataDirectory);
            stop(process.get(), orphanStopTimeout);
            // after a fast shutdown the postmaster removed its pid file; after a kill the file is stale
            Files.deleteIfExists(pidFile);
            return;
        }
        log.info("Removing stale {} from {}: process {} is not its postmaster (the id was reused)", PID_FILE,
                dataDirectory, process.get().pid());
        Files.deleteIfExists(pidFile);
    }

    private static void requireNoLiveOwner(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory);
            }
        } catch (OverlappingFileLockException e) {
            // this JVM holds it: an embedded database on the same directory is open in this process
            throw inUse(dataDirectory);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException("The embedded database in " + dataDirectory
                + " is in use by another running process; two servers cannot share one data directory");
    }

    static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.getFirst().trim());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when the process runs a {@code postgres} binary with {@code -D dataDirectory}. */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false);
        if (!postgres) {
            return false;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        Path wanted = canonical(dataDirectory);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && canonical(Path.of(arguments[i + 1])).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * SIGTERM is PostgreSQL's "smart" shutdown: it waits for clients, but the clients of an orphan died with their
     * JVM. If it does not go in time, it and its backends are killed; PostgreSQL recovers from its WAL on the next
     * start, as after a power cut.
     */
    private static void stop(ProcessHandle postmaster, Duration timeout) {
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroy();
        if (awaitExit(postmaster, timeout)) {
            return;
        }
        log.warn("PostgreSQL pid {} did not stop within {}; killing it", postmaster.pid(), timeout);
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        awaitExit(postmaster, Duration.ofSeconds(10));
        backends.forEach(b -> awaitExit(b, Duration.ofSeconds(5)));
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
