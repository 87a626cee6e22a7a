package dev.zvonok.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.ws.DialFailure;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The words kept for users whose app is away: told once, to their own user, and never held without bound. */
class KeptDialFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final long IVANOV = 7;
    private static final long PETROV = 8;

    private final KeptDialFailures kept = new KeptDialFailures();

    private static ServerMessage.DialFailed busy(String ref) {
        return new ServerMessage.DialFailed(ref, "+79271390907", DialFailure.BUSY, "busy");
    }

    @Test
    void aWordIsTakenOnceByItsOwnUserSayingSinceWhen() {
        kept.keep(IVANOV, busy("a"), T0);

        assertThat(kept.take(PETROV, T0.plusSeconds(1))).isEmpty();
        assertThat(kept.take(IVANOV, T0.plusSeconds(1))).containsExactly(busy("a").asKeptSince(T0));
        assertThat(kept.take(IVANOV, T0.plusSeconds(2))).as("told once").isEmpty();
    }

    @Test
    void aWordOlderThanTheKeepingTimeIsForgotten() {
        kept.keep(IVANOV, busy("old"), T0);
        kept.keep(IVANOV, busy("new"), T0.plus(KeptDialFailures.KEPT_FOR));

        assertThat(kept.take(IVANOV, T0.plus(KeptDialFailures.KEPT_FOR).plusSeconds(1)))
                .extracting(ServerMessage.DialFailed::ref).containsExactly("new");
        kept.keep(PETROV, busy("p"), T0);
        kept.keep(IVANOV, busy("later"), T0.plus(KeptDialFailures.KEPT_FOR.multipliedBy(2)));
        assertThat(kept.size()).as("a user who never came back does not hold memory").isOne();
    }

    @Test
    void aUserKeepsOnlyTheNewestWords() {
        IntStream.range(0, KeptDialFailures.MAX_PER_USER + 5).forEach(i -> kept.keep(IVANOV, busy("c" + i), T0));

        assertThat(kept.take(IVANOV, T0)).hasSize(KeptDialFailures.MAX_PER_USER)
                .extracting(ServerMessage.DialFailed::ref).startsWith("c5").endsWith("c24");
    }
}
