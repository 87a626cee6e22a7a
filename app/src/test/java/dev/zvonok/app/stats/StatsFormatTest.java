package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsFormatTest {

    @Test
    void breaksAreWrittenLongestFirstInWordsWithoutTheReasonsOfNoTime() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        byReason.put("lunch", 3600L);
        byReason.put("meeting", 0L);
        byReason.put("training", 900L);
        byReason.put("vendor-call", 900L);
        Map<String, String> words = Map.of("lunch", "обед", "training", "обучение");

        assertThat(StatsFormat.breaks(byReason, code -> words.getOrDefault(code, code)))
                .as("equal times by code; a code the app does not know as it is")
                .isEqualTo("обед 1:00:00, обучение 15:00, vendor-call 15:00");
        assertThat(StatsFormat.breaks(Map.of("lunch", 0L), code -> code)).isEmpty();
    }
}
