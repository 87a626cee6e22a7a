package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartupMarkerTest {

    @Test
    void theMarkerCarriesTheMomentInMicrosecondsSinceTheEpoch() {
        // the startup harness (app/src/bench) parses exactly this
        assertThat(StartupMarker.line(Instant.ofEpochSecond(1_700_000_000, 123_456_789)))
                .isEqualTo("ZVONOK-READY 1700000000123456");
    }
}
