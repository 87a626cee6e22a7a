package dev.zvonok.server.replay;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.AmiCallTracking;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.OperatorEndpoints;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a recording through the real stack: our AMI endpoint plays it over TCP on loopback, announcing itself as the
 * PBX the recording was made on, asterisk-java logs in to it exactly as to Asterisk, and the tracker follows the
 * calls. No database is involved.
 *
 * <p>When the recording has played, the channel list is read once more, as after a reconnect: anything the tracker
 * still holds open is then closed, so every call of the trace is reported. Should the connection drop before that
 * (the endpoint plays a {@code Shutdown}, the library fails), the replay fails with {@link ConnectionLostException}
 * rather than report calls it saw only in part.
 */
public final class TraceReplay {

    private static final Duration NEVER_AGAIN = Duration.ofDays(1);

    private final PhoneNumbers numbers;
    private final OperatorEndpoints endpoints;
    private final PlaybackSpeed speed;
    private final Duration timeout;

    public TraceReplay(PhoneNumbers numbers, OperatorEndpoints endpoints, PlaybackSpeed speed, Duration timeout) {
        this.numbers = numbers;
        this.endpoints = endpoints;
        this.speed = speed;
        this.timeout = timeout;
    }

    /**
     * Plays the trace and hands each call to {@code calls} as it ends, on the tracking thread.
     *
     * @return the calls, in the order they ended
     */
    public List<CallRecord> run(AmiTrace trace, Consumer<CallRecord> calls) throws Exception {
        TraceTimeline timeline = TraceTimeline.of(trace);
        List<CallRecord> ended = new ArrayList<>();
        CallEventListener collector = event -> {
            if (event instanceof CallEvent.CallEnded end) {
                ended.add(end.record());
                calls.accept(end.record());
            }
        };
        EventClock clock = speed.isAsFastAsPossible() ? EventClock.pbxOrReceived() : new ScaledEventClock(speed.factor());
        AmiEndpoint.Builder pbx = AmiEndpoint.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
                .identity(AsteriskIdentity.recordedIn(trace));
        try (PbxReplay replay = PbxReplay.start(pbx, speed)) {
            var playback = replay.playAfterFirstLogin(timeline, Duration.ZERO);
            AmiAccount account = AmiAccount.CRM;
            // One connection only: a second one would join the trace in the middle, and its resync would close
            // calls whose end it never saw. So a lost connection is not made again, and ends the replay.
            AmiSettings settings = AmiSettings.of("127.0.0.1", replay.endpoint().port(), account.username(),
                    account.secret()).withReconnect(NEVER_AGAIN, NEVER_AGAIN);
            try (AmiCallTracking tracking = new AmiCallTracking(settings, numbers, endpoints, clock, collector)) {
                CompletableFuture<String> loss = tracking.connection().nextLoss();
                tracking.start();
                Duration playing = Duration.ofNanos(speed.scaledNanos(timeline.length().toMillis()));
                CompletableFuture<?> playedOrLost = CompletableFuture.anyOf(
                        playback.finished().handle((done, failure) -> done), loss);
                try {
                    playedOrLost.get(playing.plus(timeout).toNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    throw new TimeoutException("the trace did not finish playing within " + timeout);
                }
                failIfLost(loss, playback.published(), playback.size(), ended.size());
                CompletableFuture<Void> resynced = resync(tracking);
                try {
                    CompletableFuture.anyOf(resynced, loss).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    // the list could not be asked for: mostly a loss the supervisor is about to report
                    awaitQuietly(loss, timeout);
                    failIfLost(loss, playback.published(), playback.size(), ended.size());
                    throw e.getCause() instanceof Exception cause ? cause : e;
                } catch (TimeoutException e) {
                    throw new TimeoutException("no channel list from the replaying endpoint within " + timeout);
                }
                failIfLost(loss, playback.published(), playback.size(), ended.size());
            }
        }
        return ended;
    }

    private static void awaitQuietly(CompletableFuture<String> loss, Duration timeout) throws InterruptedException {
        try {
            loss.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // not lost after all: the caller goes on with what it caught
        }
    }

    /** The channel list read once more, on a thread of its own, so that a loss meanwhile need not wait for it. */
    private CompletableFuture<Void> resync(AmiCallTracking tracking) {
        CompletableFuture<Void> resynced = new CompletableFuture<>();
        Thread.ofVirtual().name("replay-resync").start(() -> {
            try {
                tracking.resyncAndWait(timeout);
                resynced.complete(null);
            } catch (Exception e) {
                resynced.completeExceptionally(e);
            }
        });
        return resynced;
    }

    private static void failIfLost(CompletableFuture<String> loss, int played, int events, int callsReported) {
        if (loss.isDone()) {
            throw new ConnectionLostException(("the AMI connection dropped after %d of the trace's %d events (%s):"
                    + " the %d call(s) reported are not all of the trace's, and not necessarily right")
                    .formatted(played, events, loss.join(), callsReported));
        }
    }

    /** The replay's own AMI connection dropped before the trace was through: its output is incomplete. */
    public static final class ConnectionLostException extends RuntimeException {
        public ConnectionLostException(String message) {
            super(message);
        }
    }
}
