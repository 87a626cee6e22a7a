package dev.zvonok.server.ami;

import java.time.Duration;

/**
 * Tells a live link from a dead one by silence alone, because a link can die without a word: a NAT that forgets the
 * connection, a cable pulled upstream, a PBX host that froze. TCP then reports nothing for minutes (keepalive for
 * hours). So: once nothing has been heard for {@code pingAfterSilence}, ask for a {@code Ping}; if then nothing at all
 * is heard within {@code pingTimeout}, the link is dead. Any message counts as an answer, the Pong or an event.
 *
 * <p>Times are {@link System#nanoTime()} values, passed in: no clock of its own, no thread.
 */
final class SilenceWatch {

    enum Verdict { ALIVE, PING, DEAD }

    private final long pingAfterNanos;
    private final long timeoutNanos;
    private boolean pinging;
    private long pingSentAt;

    SilenceWatch(Duration pingAfterSilence, Duration pingTimeout) {
        this.pingAfterNanos = pingAfterSilence.toNanos();
        this.timeoutNanos = pingTimeout.toNanos();
    }

    /** What to do now, the link having last been heard at {@code lastHeard}. PING means: send one now. */
    Verdict check(long now, long lastHeard) {
        if (pinging && lastHeard - pingSentAt > 0) {
            pinging = false; // heard since the ping
        }
        if (pinging) {
            return now - pingSentAt >= timeoutNanos ? Verdict.DEAD : Verdict.ALIVE;
        }
        if (now - lastHeard >= pingAfterNanos) {
            pinging = true;
            pingSentAt = now;
            return Verdict.PING;
        }
        return Verdict.ALIVE;
    }

    /** When {@link #check} may next say something new, unless a message arrives meanwhile. */
    long nextCheckAt(long lastHeard) {
        return pinging ? pingSentAt + timeoutNanos : lastHeard + pingAfterNanos;
    }
}
