package dev.zvonok.server.dialfailures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.ws.DialFailure;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The words kept for users until an app of theirs acknowledges them: told to their own user only, kept after being
 * told, forgotten once acknowledged, and never held without bound.
 */
class KeptDialFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final long IVANOV = 7;
    private static final long PETROV = 8;

    private final KeptDialFailures kept = new KeptDialFailures();

    private static ServerMessage.DialFailed busy(String ref, Instant saidAt) {
        return new ServerMessage.DialFailed(ref, "+79271390907", DialFailure.BUSY, "busy", "id-" + ref)
                .asKeptSince(saidAt);
    }

    @Test
    void aWordIsToldToItsOwnUserUntilAcknowledged() {
        kept.keep(IVANOV, busy("a", T0), T0);

        assertThat(kept.unacknowledged(PETROV, T0.plusSeconds(1))).isEmpty();
        assertThat(kept.unacknowledged(IVANOV, T0.plusSeconds(1))).containsExactly(busy("a", T0));
        assertThat(kept.unacknowledged(IVANOV, T0.plusSeconds(2))).as("not acknowledged: still kept")
                .containsExactly(busy("a", T0));

        kept.acknowledged(PETROV, "id-a");
        assertThat(kept.unacknowledged(IVANOV, T0.plusSeconds(3))).as("only its own user acknowledges it")
                .hasSize(1);
        kept.acknowledged(IVANOV, "id-a");
        assertThat(kept.unacknowledged(IVANOV, T0.plusSeconds(3))).isEmpty();
        kept.acknowledged(IVANOV, "id-a");
        assertThat(kept.size()).as("acknowledged twice: nothing more").isZero();
    }

    @Test
    void aWordOlderThanTheKeepingTimeIsForgotten() {
        kept.keep(IVANOV, busy("old", T0), T0);
        Instant later = T0.plus(KeptDialFailures.KEPT_FOR);
        kept.keep(IVANOV, busy("new", later), later);

        assertThat(kept.unacknowledged(IVANOV, later.plusSeconds(1)))
                .extracting(ServerMessage.DialFailed::ref).containsExactly("new");
        kept.keep(PETROV, busy("p", T0), T0);
        Instant muchLater = later.plus(KeptDialFailures.KEPT_FOR).plusSeconds(1);
        kept.keep(IVANOV, busy("later", muchLater), muchLater);
        assertThat(kept.size()).as("a user who never came back does not hold memory").isOne();
    }

    @Test
    void aUserKeepsOnlyTheNewestWords() {
        IntStream.range(0, KeptDialFailures.MAX_PER_USER + 5).forEach(i -> kept.keep(IVANOV, busy("c" + i, T0), T0));

        assertThat(kept.unacknowledged(IVANOV, T0)).hasSize(KeptDialFailures.MAX_PER_USER)
                .extracting(ServerMessage.DialFailed::ref).startsWith("c5").endsWith("c24");
    }
}
