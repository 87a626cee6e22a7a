package dev.zvonok.server.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecorderSettingsTest {

    @Test
    void retryDelaysDoubleUpToTheMaximum() {
        RecorderSettings settings = RecorderSettings.defaults();
        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.retryDelay(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(settings.retryDelay(7)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retryDelay(10_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RecorderSettings(0, Duration.ZERO, Duration.ZERO, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecorderSettings(1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
