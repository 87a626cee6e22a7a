package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.pbx.AcknowledgingCallControl;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.CallControl;
import dev.zvonok.server.pbx.CallControlRequest;
import dev.zvonok.server.pbx.Playback;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TimelinePlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's Asterisk: an AMI endpoint whose calls come from the simulator — the demo scenario in a loop, and a
 * click-to-call for every {@code Originate} a client sends, as a real PBX would place it.
 */
public final class SimulatedPbx implements CallControl, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPbx.class);

    private final PbxSimulator simulator;
    private final TimelinePlayer player;
    private final AmiEndpoint endpoint;
    private final CallControl otherActions = new AcknowledgingCallControl();
    private volatile boolean closed;

    private SimulatedPbx(AmiEndpoint.Builder endpoint, PbxSimulator simulator, PlaybackSpeed speed) {
        this.simulator = simulator;
        this.player = new TimelinePlayer(this::publish, speed);
        this.endpoint = endpoint.callControl(this).build().start();
    }

    /** The player's sink; the endpoint exists before the player publishes anything. */
    private void publish(AmiMessage message) {
        endpoint.publish(message);
    }

    /** Starts listening; no call happens until {@link #loopDemo} or a client's Originate. */
    public static SimulatedPbx start(AmiEndpoint.Builder endpoint, PbxSimulator simulator, PlaybackSpeed speed) {
        return new SimulatedPbx(endpoint, simulator, speed);
    }

    public AmiEndpoint endpoint() {
        return endpoint;
    }

    /** Plays the scenario's rounds one after another, for ever, from {@code firstDelay} after the first login. */
    public void loopDemo(DemoScenario scenario, Duration firstDelay) {
        Iterator<DemoScenario.Round> rounds = scenario.rounds(simulator.millisAt(Instant.now()));
        playNext(rounds, endpoint.firstLogin(), firstDelay);
    }

    private void playNext(Iterator<DemoScenario.Round> rounds, CompletionStage<?> after, Duration delay) {
        if (closed) {
            return;
        }
        DemoScenario.Round round = rounds.next();
        List<TimedMessage> messages = round.messagesFromStart();
        Playback playback = player.scheduleAfter(after, messages, delay);
        long lastMessage = messages.isEmpty() ? 0 : messages.getLast().atMillis();
        Duration pauseAfter = Duration.ofNanos(player.speed().scaledNanos(
                round.endMillis() - round.startMillis() - lastMessage));
        playback.finished().whenComplete((done, failure) -> {
            if (failure == null) {
                log.info("Demo round {} played; the next begins in {} s", round.number(), pauseAfter.toSeconds());
                playNext(rounds, CompletableFuture.completedFuture(null), pauseAfter);
            }
        });
    }

    /** Places one call of the given shape now (at the player's pace); returns it, e.g. for its Linkedid. */
    public SimulatedCall play(CallSpec spec) {
        SimulatedCall call = simulator.call(spec, simulator.millisAt(Instant.now()));
        player.schedule(call.messagesFromStart(), Duration.ZERO);
        return call;
    }

    /**
     * An Originate becomes the recorded click-to-call shape: the operator's phone rings, then the number. One into an
     * application (a supervisor's ChanSpy) is not simulated: it is answered as Asterisk answers it, nothing more.
     */
    @Override
    public void handle(CallControlRequest request) {
        if (!"originate".equals(request.name()) || request.header("Application") != null) {
            otherActions.handle(request);
            return;
        }
        SimulatedCall call;
        try {
            call = simulator.originate(request.action(), simulator.millisAt(Instant.now()));
        } catch (IllegalArgumentException e) {
            request.error(e.getMessage());
            return;
        }
        request.respond(ClickToCall.queuedResponse(request.action()));
        player.schedule(call.messagesFromStart(), Duration.ZERO);
        log.info("Originate from {}: {} calls {}", request.username(), request.header("Channel"),
                request.header("Exten"));
    }

    @Override
    public void close() {
        closed = true;
        player.close();
        endpoint.close();
    }
}
