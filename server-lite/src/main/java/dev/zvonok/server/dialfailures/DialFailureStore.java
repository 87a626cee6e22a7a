package dev.zvonok.server.dialfailures;

import static dev.zvonok.server.db.schema.Tables.KEPT_DIAL_FAILURES;

import dev.zvonok.model.ws.DialFailure;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * {@code kept_dial_failures}: the click-to-call failures no app of their user has acknowledged, for the server that
 * starts next (V17). The server's memory ({@link KeptDialFailures}) tells them; this keeps the same rows, bounded by
 * the same rules, so that a restart forgets none. Written by the threads that learn of a change — the PBX's outcome
 * thread, a client's socket thread — never by asterisk-java's reader.
 */
public final class DialFailureStore {

    /** A kept word and whose it is, as read back at start. */
    public record Kept(long userId, ServerMessage.DialFailed word) {
    }

    private final DSLContext dsl;

    public DialFailureStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * Keeps {@code word} (with its id and {@code keptSince}, when the PBX said it) until acknowledged, and forgets in
     * the same transaction what the bounds no longer keep: every user's words too old, the user's beyond the newest
     * {@link KeptDialFailures#MAX_PER_USER}.
     */
    public void keep(long userId, ServerMessage.DialFailed word) {
        dsl.transaction(tx -> {
            tx.dsl().insertInto(KEPT_DIAL_FAILURES)
                    .set(KEPT_DIAL_FAILURES.ID, UUID.fromString(word.id()))
                    .set(KEPT_DIAL_FAILURES.USER_ID, userId)
                    .set(KEPT_DIAL_FAILURES.REF, word.ref())
                    .set(KEPT_DIAL_FAILURES.NUMBER, word.number())
                    .set(KEPT_DIAL_FAILURES.REASON, word.reason().wireName())
                    .set(KEPT_DIAL_FAILURES.MESSAGE, word.message())
                    .set(KEPT_DIAL_FAILURES.SAID_AT, word.keptSince().atOffset(ZoneOffset.UTC))
                    .execute();
            tx.dsl().deleteFrom(KEPT_DIAL_FAILURES)
                    .where(KEPT_DIAL_FAILURES.SAID_AT.lt(
                            KeptDialFailures.oldestKeptAt(word.keptSince()).atOffset(ZoneOffset.UTC)))
                    .execute();
            tx.dsl().deleteFrom(KEPT_DIAL_FAILURES)
                    .where(KEPT_DIAL_FAILURES.USER_ID.eq(userId))
                    .and(KEPT_DIAL_FAILURES.ID.notIn(tx.dsl().select(KEPT_DIAL_FAILURES.ID).from(KEPT_DIAL_FAILURES)
                            .where(KEPT_DIAL_FAILURES.USER_ID.eq(userId))
                            .orderBy(KEPT_DIAL_FAILURES.SAID_AT.desc(), KEPT_DIAL_FAILURES.ID.desc())
                            .limit(KeptDialFailures.MAX_PER_USER)))
                    .execute();
        });
    }

    /** An app of the user has the word. Another user's id, or one acknowledged before, changes nothing. */
    public void acknowledged(long userId, UUID id) {
        dsl.deleteFrom(KEPT_DIAL_FAILURES)
                .where(KEPT_DIAL_FAILURES.ID.eq(id))
                .and(KEPT_DIAL_FAILURES.USER_ID.eq(userId))
                .execute();
    }

    /** At start: every word still worth telling, oldest first, as told late; those too old are deleted. */
    public List<Kept> unacknowledged(Instant now) {
        return dsl.transactionResult(tx -> {
            tx.dsl().deleteFrom(KEPT_DIAL_FAILURES)
                    .where(KEPT_DIAL_FAILURES.SAID_AT.lt(KeptDialFailures.oldestKeptAt(now).atOffset(ZoneOffset.UTC)))
                    .execute();
            return tx.dsl().selectFrom(KEPT_DIAL_FAILURES)
                    .orderBy(KEPT_DIAL_FAILURES.SAID_AT, KEPT_DIAL_FAILURES.ID)
                    .fetch(row -> new Kept(row.getUserId(), new ServerMessage.DialFailed(row.getRef(),
                            row.getNumber(), DialFailure.fromWire(row.getReason()), row.getMessage(),
                            row.getId().toString(), row.getSaidAt().toInstant())));
        });
    }
}
