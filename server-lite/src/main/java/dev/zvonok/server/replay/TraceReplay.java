package dev.zvonok.server.replay;

import dev.zvonok.server.ami.AmiCallTracking;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.directory.PhoneNumbers;
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
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a recording through the real stack: our AMI endpoint plays it over TCP on loopback, announcing itself as the
 * PBX the recording was made on, asterisk-java logs in to it exactly as to Asterisk, and the tracker follows the
 * calls. No database is involved.
 *
 * <p>When the recording has played, the channel list is read once more, as after a reconnect: anything the tracker
 * still holds open is then closed, so every call of the trace is reported.
 */
public final class TraceReplay {

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
            AmiSettings settings = AmiSettings.of("127.0.0.1", replay.endpoint().port(), account.username(),
                    account.secret());
            try (AmiCallTracking tracking = new AmiCallTracking(settings, numbers, endpoints, clock, collector)) {
                tracking.start();
                Duration playing = Duration.ofNanos(speed.scaledNanos(timeline.length().toMillis()));
                if (!playback.await(playing.plus(timeout))) {
                    throw new TimeoutException("the trace did not finish playing within " + timeout);
                }
                tracking.resyncAndWait(timeout);
            }
        }
        return ended;
    }
}
