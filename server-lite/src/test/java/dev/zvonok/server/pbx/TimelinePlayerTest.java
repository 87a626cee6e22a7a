package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelinePlayerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<String> published = new CopyOnWriteArrayList<>();
    private final List<Long> publishedAtNanos = new CopyOnWriteArrayList<>();
    private TimelinePlayer player;

    @AfterEach
    void closePlayer() {
        if (player != null) {
            player.close();
        }
    }

    @Test
    void messagesDueTogetherKeepTheirOrder() throws InterruptedException {
        player = recordingPlayer(PlaybackSpeed.asFastAsPossible());

        Playback playback = player.schedule(timeline(0, "a", 0, "b", 0, "c", 5, "d", 5, "e"), Duration.ZERO);

        assertThat(playback.await(PATIENCE)).isTrue();
        assertThat(published).containsExactly("a", "b", "c", "d", "e");
        assertThat(playback.published()).isEqualTo(5);
    }

    @Test
    void aTimelineScheduledLaterIsMergedInTimeOrder() throws InterruptedException {
        player = recordingPlayer(PlaybackSpeed.times(2.0));
        // At 2x, A plays at 0, 400, 800, 1200 ms; B starts 600 ms from now, its messages at 600 and 1000 ms: 200 ms
        // apart, so that a busy machine's pause between the two calls does not change the order.
        Playback first = player.schedule(timeline(0, "A0", 800, "A1", 1600, "A2", 2400, "A3"), Duration.ZERO);
        Playback second = player.schedule(timeline(0, "B0", 800, "B1"), Duration.ofMillis(600));

        assertThat(first.await(PATIENCE)).isTrue();
        assertThat(second.await(PATIENCE)).isTrue();
        assertThat(published).containsExactly("A0", "A1", "B0", "A2", "B1", "A3");
    }

    @Test
    void playsAtTheRequestedSpeed() throws InterruptedException {
        player = recordingPlayer(PlaybackSpeed.times(100.0));
        long start = System.nanoTime();

        // 40 s recorded, at 100x 400 ms: never sooner, and far from the 40 s of real time however busy the machine
        Playback playback = player.schedule(timeline(0, "first", 40_000, "last"), Duration.ZERO);

        assertThat(playback.await(Duration.ofSeconds(30))).isTrue();
        long tookMillis = (publishedAtNanos.getLast() - start) / 1_000_000;
        assertThat(tookMillis).isBetween(390L, 10_000L);
    }

    @Test
    void startsTheGivenDelayAfterItsTrigger() throws InterruptedException {
        player = recordingPlayer(PlaybackSpeed.asFastAsPossible());
        CompletableFuture<Void> firstLogin = new CompletableFuture<>();

        Playback playback = player.scheduleAfter(firstLogin, timeline(0, "x", 10, "y"), Duration.ofMillis(300));
        // the barrier: a timeline due after the delay, untriggered; played in time order, it would follow x
        assertThat(player.schedule(timeline(0, "barrier"), Duration.ofMillis(400)).await(PATIENCE)).isTrue();
        assertThat(published).as("nothing before the trigger").containsExactly("barrier");

        long triggered = System.nanoTime();
        firstLogin.complete(null);
        assertThat(playback.await(PATIENCE)).isTrue();
        assertThat((publishedAtNanos.get(1) - triggered) / 1_000_000).isGreaterThanOrEqualTo(290L);
        assertThat(published).containsExactly("barrier", "x", "y");
    }

    @Test
    void asFastAsPossibleIgnoresRecordedGaps() throws InterruptedException {
        player = recordingPlayer(PlaybackSpeed.asFastAsPossible());
        List<TimedMessage> hours = IntStream.range(0, 10_000)
                .mapToObj(i -> new TimedMessage(i * 3_600_000L, event("e" + i))).toList();

        Playback playback = player.schedule(hours, Duration.ZERO);

        assertThat(playback.await(PATIENCE)).isTrue();
        assertThat(published).hasSize(10_000).startsWith("e0", "e1").endsWith("e9999");
    }

    @Test
    void anEmptyTimelineCompletesAtItsStart() throws InterruptedException {
        player = recordingPlayer(PlaybackSpeed.realTime());

        assertThat(player.schedule(List.of(), Duration.ofMillis(50)).await(PATIENCE)).isTrue();
    }

    @Test
    void aFailingSinkDoesNotStopThePlayback() throws InterruptedException {
        player = new TimelinePlayer(message -> {
            if (message.event().equals("bad")) {
                throw new IllegalStateException("boom");
            }
            published.add(message.event());
        }, PlaybackSpeed.asFastAsPossible());

        Playback playback = player.schedule(timeline(0, "a", 0, "bad", 0, "c"), Duration.ZERO);

        assertThat(playback.await(PATIENCE)).isTrue();
        assertThat(published).containsExactly("a", "c");
    }

    @Test
    void closingCancelsWhatIsStillToPlay() {
        player = recordingPlayer(PlaybackSpeed.realTime());
        Playback playback = player.schedule(timeline(0, "soon", 60_000, "much later"), Duration.ZERO);

        player.close();

        assertThatThrownBy(() -> playback.finished().join()).hasCauseInstanceOf(CancellationException.class);
    }

    private TimelinePlayer recordingPlayer(PlaybackSpeed speed) {
        return new TimelinePlayer(message -> {
            publishedAtNanos.add(System.nanoTime());
            published.add(message.event());
        }, speed);
    }

    /** Pairs of (milliseconds, event name). */
    private static List<TimedMessage> timeline(Object... pairs) {
        List<TimedMessage> timeline = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            timeline.add(new TimedMessage(((Number) pairs[i]).longValue(), event((String) pairs[i + 1])));
        }
        return timeline;
    }

    private static AmiMessage event(String name) {
        return AmiMessage.of("Event", name, "Privilege", "call,all");
    }
}
