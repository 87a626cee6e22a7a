package dev.zvonok.server.dialfailures;

import static dev.zvonok.server.db.schema.Tables.KEPT_DIAL_FAILURES;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.ws.DialFailure;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.db.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kept click-to-call failures in PostgreSQL: read back as they were told, bounded as the memory is. */
class DialFailureStoreTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    private final DialFailureStore store = new DialFailureStore(db.dsl());
    private long ivanov;
    private long petrov;

    @BeforeEach
    void users() {
        db.clean();
        ivanov = user("ivanov");
        petrov = user("petrov");
    }

    private static long user(String login) {
        return db.dsl().insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH, USERS.ROLE)
                .values(login, login, "-", "operator").returning(USERS.ID).fetchOne(USERS.ID);
    }

    private static ServerMessage.DialFailed failed(String ref, DialFailure why, Instant saidAt) {
        return new ServerMessage.DialFailed(ref, "+79271390907", why, "why: " + why.wireName(),
                UUID.randomUUID().toString()).asKeptSince(saidAt);
    }

    @Test
    void aKeptWordIsReadBackAsItWasToldUntilItsUserAcknowledgesIt() {
        ServerMessage.DialFailed busy = failed("o1", DialFailure.BUSY, T0);
        ServerMessage.DialFailed unknown = failed(null, DialFailure.UNKNOWN, T0.plusSeconds(1));
        store.keep(ivanov, busy);
        store.keep(petrov, unknown);

        assertThat(store.unacknowledged(T0.plusSeconds(2))).containsExactly(new DialFailureStore.Kept(ivanov, busy),
                new DialFailureStore.Kept(petrov, unknown));

        store.acknowledged(petrov, UUID.fromString(busy.id()));
        assertThat(store.unacknowledged(T0.plusSeconds(2))).as("another user's acknowledgement changes nothing")
                .hasSize(2);
        store.acknowledged(ivanov, UUID.fromString(busy.id()));
        store.acknowledged(ivanov, UUID.fromString(busy.id()));
        assertThat(store.unacknowledged(T0.plusSeconds(2))).containsExactly(new DialFailureStore.Kept(petrov, unknown));
    }

    @Test
    void wordsTooOldOrBeyondTheNewestOfAUserAreForgotten() {
        store.keep(petrov, failed("old", DialFailure.BUSY, T0));
        Instant later = T0.plus(KeptDialFailures.KEPT_FOR).plusSeconds(1);
        IntStream.range(0, KeptDialFailures.MAX_PER_USER + 3)
                .forEach(i -> store.keep(ivanov, failed("c" + i, DialFailure.NO_ANSWER, later.plusMillis(i))));

        assertThat(db.dsl().fetchCount(KEPT_DIAL_FAILURES)).as("deleted as they are written")
                .isEqualTo(KeptDialFailures.MAX_PER_USER);
        assertThat(store.unacknowledged(later.plusSeconds(1))).extracting(kept -> kept.word().ref())
                .hasSize(KeptDialFailures.MAX_PER_USER).startsWith("c3").endsWith("c22");
        assertThat(store.unacknowledged(later.plus(KeptDialFailures.KEPT_FOR).plusSeconds(1))).isEmpty();
        assertThat(db.dsl().fetchCount(KEPT_DIAL_FAILURES)).as("and as they are read").isZero();
    }
}
