package dev.zvonok.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.asteriskjava.manager.event.NewStateEvent;
import org.junit.jupiter.api.Test;

class ScaledEventClockTest {

    @Test
    void spreadsLaterEventsByTheFactorFromTheFirstOne() {
        ScaledEventClock clock = new ScaledEventClock(20);
        Instant first = Instant.parse("2026-11-21T10:00:00Z");

        assertThat(clock.timeOf(receivedAt(first))).isEqualTo(first);
        assertThat(clock.timeOf(receivedAt(first.plusMillis(150)))).isEqualTo(first.plusSeconds(3));
        assertThat(clock.timeOf(receivedAt(first.plusMillis(400)))).isEqualTo(first.plusSeconds(8));
    }

    private static NewStateEvent receivedAt(Instant at) {
        NewStateEvent event = new NewStateEvent(ScaledEventClockTest.class);
        event.setDateReceived(Date.from(at));
        return event;
    }
}
