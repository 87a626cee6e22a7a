package dev.zvonok.server.pbx;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Who is logged in, how many logins there have been, and a way to wait for them (tests, playback start). */
final class LoginRegistry {

    private final Set<AmiSession> loggedIn = new HashSet<>();
    private final CompletableFuture<Void> firstLogin = new CompletableFuture<>();
    private long logins;

    /**
     * Counts a login. A session that closed first is not counted: its close sets the flag before it calls
     * {@link #gone}, and both take this lock, so a session is never left counted after it ended.
     */
    synchronized void loggedIn(AmiSession session) {
        if (!session.isClosed()) {
            loggedIn.add(session);
        }
        logins++;
        notifyAll();
    }

    /** Called once the login's answer is sent, outside any lock: dependants (a playback start) run here. */
    void completeFirstLogin() {
        firstLogin.complete(null);
    }

    synchronized void gone(AmiSession session) {
        if (loggedIn.remove(session)) {
            notifyAll();
        }
    }

    synchronized int loggedInCount() {
        return loggedIn.size();
    }

    synchronized long loginCount() {
        return logins;
    }

    CompletableFuture<Void> firstLogin() {
        return firstLogin.copy();
    }

    synchronized boolean awaitLoggedIn(int clients, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (loggedIn.size() < clients) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    synchronized boolean awaitLoginCount(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (logins < count) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    private boolean waitUntil(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        wait(Math.max(1, left / 1_000_000));
        return true;
    }
}
