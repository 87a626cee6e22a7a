package dev.zvonok.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionIndicatorViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW, ZoneId.of("Europe/Moscow"));
    private final AtomicInteger reconnects = new AtomicInteger();
    private final ConnectionIndicatorViewModel vm = new ConnectionIndicatorViewModel(reconnects::incrementAndGet,
            Runnable::run, clock);
    private final Texts english = Texts.of(MainView.class, Languages.ENGLISH);
    private final Texts russian = Texts.of(MainView.class, Languages.RUSSIAN);

    private String text(Texts texts) {
        return ConnectionTexts.describe(vm.stateProperty().get(), vm.secondsLeftProperty().get(), texts);
    }

    @Test
    void reconnectingCountsDownToTheNextAttempt() {
        vm.connectionChanged(new ConnectionState.Reconnecting(NOW.plusSeconds(7), "connection reset"));

        assertThat(vm.secondsLeftProperty().get()).isEqualTo(7);
        assertThat(text(english)).isEqualTo("Reconnecting in 7 s");
        assertThat(text(russian)).isEqualTo("Переподключение через 7 с");

        clock.advance(Duration.ofMillis(1500));
        vm.tick();
        assertThat(text(english)).as("rounded up: never early").isEqualTo("Reconnecting in 6 s");

        clock.advance(Duration.ofMillis(5400));
        vm.tick();
        assertThat(text(english)).isEqualTo("Reconnecting in 1 s");

        clock.advance(Duration.ofSeconds(2));
        vm.tick();
        assertThat(vm.secondsLeftProperty().get()).isZero();
        assertThat(text(english)).as("the attempt is due").isEqualTo("Reconnecting…");
    }

    @Test
    void everyStateIsWordedInBothLanguages() {
        List<ConnectionState> states = List.of(new ConnectionState.Connected(), new ConnectionState.Connecting(),
                new ConnectionState.Reconnecting(NOW.plusSeconds(3), null),
                new ConnectionState.Offline("session refused"), new ConnectionState.Offline(null));
        List<String> english = new ArrayList<>();
        for (ConnectionState state : states) {
            vm.connectionChanged(state);
            english.add(text(this.english));
            assertThat(text(russian)).doesNotStartWith("!").isNotEqualTo(text(this.english));
            assertThat(ConnectionTexts.detail(state, russian)).doesNotStartWith("!");
        }
        assertThat(english).containsExactly("Connected", "Connecting…", "Reconnecting in 3 s",
                "Offline: session refused", "Offline");
    }

    @Test
    void reconnectNowIsOfferedOnlyWhileNotConnected() {
        assertThat(vm.stateProperty().get()).as("before any news").isEqualTo(new ConnectionState.Connecting());

        vm.connectionChanged(new ConnectionState.Connected());
        assertThat(vm.canReconnectNowProperty().get()).isFalse();
        vm.reconnectNow();
        assertThat(reconnects).hasValue(0);

        vm.connectionChanged(new ConnectionState.Reconnecting(NOW.plusSeconds(30), "timeout"));
        assertThat(vm.canReconnectNowProperty().get()).isTrue();
        vm.reconnectNow();
        assertThat(reconnects).hasValue(1);

        vm.connectionChanged(new ConnectionState.Offline("logged out"));
        assertThat(vm.canReconnectNowProperty().get()).isTrue();
        assertThat(vm.secondsLeftProperty().get()).isZero();
    }

    @Test
    void newsFromAnotherThreadIsAppliedOnTheFxExecutor() {
        List<Runnable> fxQueue = new ArrayList<>();
        ConnectionIndicatorViewModel queued = new ConnectionIndicatorViewModel(() -> { }, fxQueue::add, clock);

        queued.connectionChanged(new ConnectionState.Connected());
        assertThat(queued.stateProperty().get()).isEqualTo(new ConnectionState.Connecting());

        fxQueue.forEach(Runnable::run);
        assertThat(queued.stateProperty().get()).isEqualTo(new ConnectionState.Connected());
    }
}
