package dev.zvonok.server.pbx;

import java.time.Duration;

/**
 * The wiring of a replay, for {@code ami-replay}, the demo and tests: one {@link AmiEndpoint} and one
 * {@link TimelinePlayer} publishing into it. Closing it closes both.
 */
public final class PbxReplay implements AutoCloseable {

    private final AmiEndpoint endpoint;
    private final TimelinePlayer player;

    private PbxReplay(AmiEndpoint endpoint, TimelinePlayer player) {
        this.endpoint = endpoint;
        this.player = player;
    }

    /** Builds and starts the endpoint, and a player at the given speed feeding it. */
    public static PbxReplay start(AmiEndpoint.Builder endpoint, PlaybackSpeed speed) {
        AmiEndpoint started = endpoint.build().start();
        return new PbxReplay(started, new TimelinePlayer(started::publish, speed));
    }

    public AmiEndpoint endpoint() {
        return endpoint;
    }

    public TimelinePlayer player() {
        return player;
    }

    /**
     * Seeds the recording's channels that were up at its start right away (so a client that logs in and asks
     * CoreShowChannels sees them), then plays its events from {@code startDelay} after the first login.
     */
    public Playback playAfterFirstLogin(TraceTimeline trace, Duration startDelay) {
        endpoint.seedChannels(trace.channelsUpAtStart());
        return player.scheduleAfter(endpoint.firstLogin(), trace.events(), startDelay);
    }

    @Override
    public void close() {
        player.close();
        endpoint.close();
    }
}
