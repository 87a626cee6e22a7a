package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_MERGES;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.CallNotesRules;
import dev.zvonok.model.call.NotesViolation;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.DatabaseErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Operators' call cards: what they write on a call (notes, tags, priority, client), "Finish and close", and the cards
 * still open. Used by the WebSocket layer from its worker threads; every method is one short transaction, committed
 * before it returns, so that an acknowledgement sent after it is true.
 *
 * <p>A card is an operator's offer of a call ({@link CardKey}). The {@link CallRecorder} writes calls and offers
 * asynchronously, so an operator typing while the phone still rings may save before either row exists; given a
 * {@link CardSeed}, the cards then create what is missing ({@code insert ... on conflict do nothing}) and the
 * recorder's upserts complete the same rows later. The recorder never writes the card columns, except when it merges
 * a consultation call into another (it joins both cards' notes and counts a version up).
 *
 * <p>Saves are versioned: a save names the version it edits and succeeds only if that is still the stored one, which
 * then counts up by one. Two saves of the same version: the first to commit wins, the other is told it is stale and
 * gets the stored notes.
 *
 * <p>Only the operator an offer belongs to (its {@code user_id}, as the directory knows the extension's owner) may
 * write on it; to anyone else it is an {@link UnknownCall}. When the database cannot be reached a
 * {@link CardsUnavailableException} says so; other database failures are bugs and are thrown as they are.
 */
public final class CallCards {

    /** Cards restored at most: an operator with more open cards than this has stopped closing them. */
    public static final int MAX_OPEN_CARDS = 50;

    private static final int MAX_CALL_ID = CALLS.LINKEDID.getDataType().length();
    private static final int MAX_EXTENSION = CALL_OFFERS.EXTENSION.getDataType().length();

    private final DSLContext dsl;
    private final PhoneNumbers numbers;

    public CallCards(DSLContext dsl, PhoneNumbers numbers) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    /**
     * Stores what the operator wrote on the card, if {@code edit.version()} is the stored version.
     *
     * @param userId the authenticated user saving
     * @param seed   the call as the ring told it, to create the rows the recorder has not written yet; null when the
     *               caller knows no such ring for this user (then a card not in the database is unknown)
     */
    public SaveResult save(CardKey key, long userId, CardSeed seed, CallNotes edit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(edit, "edit");
        Optional<NotesViolation> broken = CallNotesRules.check(edit);
        if (broken.isPresent()) {
            return new SaveResult.Invalid(broken.get().field(), broken.get().problem());
        }
        CallNotes notes = CallNotesRules.tidy(edit);
        if (!possible(key)) {
            return UnknownCall.INSTANCE;
        }
        return transaction(tx -> {
            Record2<Integer, OffsetDateTime> saved = storeIfCurrent(tx, key, userId, notes);
            if (saved == null && seed != null) {
                // the usual reason on a first save: the recorder has not written the call or the offer yet
                createMissing(tx, key, userId, seed);
                saved = storeIfCurrent(tx, key, userId, notes);
            }
            if (saved != null) {
                return new SaveResult.Saved(saved.value1(), saved.value2().toInstant());
            }
            Record offer = tx.select(CALL_OFFERS.USER_ID).select(StoredNotes.COLUMNS)
                    .from(CALL_OFFERS)
                    .where(offerOf(key))
                    .fetchOne();
            if (offer == null || !Objects.equals(offer.get(CALL_OFFERS.USER_ID), userId)) {
                return UnknownCall.INSTANCE;
            }
            return new SaveResult.Stale(StoredNotes.from(offer));
        });
    }

    /** One statement for the usual case: the card exists, is this user's, and nobody saved it in between. */
    private static Record2<Integer, OffsetDateTime> storeIfCurrent(DSLContext tx, CardKey key, long userId,
                                                                   CallNotes notes) {
        return tx.update(CALL_OFFERS)
                .set(StoredNotes.values(notes))
                .set(CALL_OFFERS.NOTES_VERSION, CALL_OFFERS.NOTES_VERSION.plus(1))
                .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime())
                .where(offerOf(key), CALL_OFFERS.USER_ID.eq(userId), CALL_OFFERS.NOTES_VERSION.eq(notes.version()))
                .returningResult(CALL_OFFERS.NOTES_VERSION, CALL_OFFERS.UPDATED_AT)
                .fetchOne();
    }

    /**
     * "Finish and close": the card is closed at {@code at}, once. A second finish changes nothing and answers with the
     * first one's time. Wrap-up is the time from the end of the operator's part of the call to {@code at}.
     *
     * @param seed as for {@link #save}: a card can be closed before the recorder wrote it
     */
    public FinishResult finish(CardKey key, long userId, CardSeed seed, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        if (!possible(key)) {
            return UnknownCall.INSTANCE;
        }
        // what the database keeps, so that the first answer and any later one agree
        Instant finishedAt = at.truncatedTo(ChronoUnit.MICROS);
        return transaction(tx -> {
            var offer = lockOffer(tx, key);
            if (offer == null && seed != null) {
                createMissing(tx, key, userId, seed);
                offer = lockOffer(tx, key);
            }
            if (offer == null || !Objects.equals(offer.get(CALL_OFFERS.USER_ID), userId)) {
                return UnknownCall.INSTANCE;
            }
            OffsetDateTime finished = offer.get(CALL_OFFERS.FINISHED_AT);
            if (finished != null) {
                return new FinishResult.Finished(finished.toInstant(), offer.get(CALL_OFFERS.WRAP_UP_MS), true);
            }
            OffsetDateTime end = offer.get(CALL_OFFERS.END_AT);
            Long wrapUp = end == null ? null : Math.max(0, Duration.between(end.toInstant(), finishedAt).toMillis());
            tx.update(CALL_OFFERS)
                    .set(CALL_OFFERS.FINISHED_AT, time(finishedAt))
                    .set(CALL_OFFERS.WRAP_UP_MS, wrapUp)
                    .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime())
                    .where(CALL_OFFERS.ID.eq(offer.get(CALL_OFFERS.ID)))
                    .execute();
            return new FinishResult.Finished(finishedAt, wrapUp, false);
        });
    }

    /** The offer's closing columns, locked until the transaction ends: concurrent finishes take turns. */
    private static Record lockOffer(DSLContext tx, CardKey key) {
        return tx.select(CALL_OFFERS.ID, CALL_OFFERS.USER_ID, CALL_OFFERS.END_AT, CALL_OFFERS.FINISHED_AT,
                        CALL_OFFERS.WRAP_UP_MS)
                .from(CALL_OFFERS)
                .where(offerOf(key))
                .forUpdate()
                .fetchOne();
    }

    /** What is stored on the card, or {@link CallNotes#NONE} when nothing is (or there is no such card). */
    public CallNotes notes(CardKey key) {
        Objects.requireNonNull(key, "key");
        if (!possible(key)) {
            return CallNotes.NONE;
        }
        return read(() -> dsl.select(StoredNotes.COLUMNS)
                .from(CALL_OFFERS)
                .where(offerOf(key))
                .fetchOptional()
                .map(StoredNotes::from)
                .orElse(CallNotes.NONE));
    }

    /**
     * The user's cards to show again after a reconnect or a restart: offers of theirs that were answered (including
     * those they answered and passed on) and that they have not closed; newest first, at most
     * {@value #MAX_OPEN_CARDS}. Calls still in progress are among them (their {@code endAt} is null).
     */
    public List<OpenCard> awaitingFinish(long userId) {
        return read(() -> awaitingFinishQuery(userId).fetch(r -> new OpenCard(
                r.get(CALLS.LINKEDID),
                enumOf(CallDirection.class, r.get(CALLS.DIRECTION)),
                r.get(CALLS.CALLER_NUMBER),
                new CallerView(enumOf(CallerKind.class, r.get(CALLS.CALLER_KIND)), r.get(CALLS.CALLER_NAME),
                        r.get(CALLS.CALLER_COMPANY)),
                r.get(CALLS.DIALED_NUMBER),
                r.get(CALLS.QUEUE),
                r.get(CALL_OFFERS.EXTENSION),
                instant(r.get(CALL_OFFERS.RING_AT)),
                instant(r.get(CALL_OFFERS.ANSWER_AT)),
                instant(r.get(CALL_OFFERS.END_AT)),
                r.get(CALL_OFFERS.TRANSFERRED_FROM),
                enumOf(OfferResult.class, r.get(CALL_OFFERS.RESULT)),
                enumOf(CallDisposition.class, r.get(CALLS.DISPOSITION)),
                StoredNotes.from(r),
                LineView.ofNullable(r.get(CALLS.LINE_NAME), r.get(CALLS.LINE_SOURCE)))));
    }

    ResultQuery<Record> awaitingFinishQuery(long userId) {
        return dsl.select(CALLS.LINKEDID, CALLS.DIRECTION, CALLS.CALLER_NUMBER, CALLS.CALLER_KIND,
                        CALLS.CALLER_NAME, CALLS.CALLER_COMPANY, CALLS.DIALED_NUMBER, CALLS.QUEUE, CALLS.DISPOSITION,
                        CALL_OFFERS.EXTENSION, CALL_OFFERS.RING_AT, CALL_OFFERS.ANSWER_AT, CALL_OFFERS.END_AT,
                        CALL_OFFERS.TRANSFERRED_FROM, CALL_OFFERS.RESULT, CALLS.LINE_NAME, CALLS.LINE_SOURCE)
                .select(StoredNotes.COLUMNS)
                .from(CALL_OFFERS)
                .join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                // the conditions of the partial index call_offers_awaiting_finish_idx (V3)
                .where(CALL_OFFERS.USER_ID.eq(userId), CALL_OFFERS.ANSWER_AT.isNotNull(),
                        CALL_OFFERS.FINISHED_AT.isNull())
                .orderBy(CALL_OFFERS.RING_AT.desc(), CALL_OFFERS.ID.desc())
                .limit(MAX_OPEN_CARDS);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // rows the recorder has not written yet
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Creates the call and the offer if they are not there, from the seed; the recorder's later upserts complete
     * them (identity of the caller, answer, end, result) and, for the offer, set the owner the directory knows.
     *
     * <p>Not covered: a consultation call that the recorder, lagging behind, writes and merges into another call
     * between this method's look-up and its insert would come back as a call of its own holding only this card.
     */
    private void createMissing(DSLContext tx, CardKey key, long userId, CardSeed seed) {
        Long call = tx.select(callOf(key.callId())).fetchOne().value1();
        if (call == null) {
            call = tx.insertInto(CALLS)
                    .set(CALLS.LINKEDID, key.callId())
                    .set(CALLS.DIRECTION, seed.direction().wireName())
                    .set(CALLS.CALLER_NUMBER, truncate(seed.callerNumber(), CALLS.CALLER_NUMBER))
                    .set(CALLS.CALLER_NORMALIZED, truncate(numbers.normalize(seed.callerNumber()),
                            CALLS.CALLER_NORMALIZED))
                    .set(CALLS.DIALED_NUMBER, truncate(seed.dialedNumber(), CALLS.DIALED_NUMBER))
                    .set(CALLS.DIALED_NORMALIZED, truncate(numbers.normalize(seed.dialedNumber()),
                            CALLS.DIALED_NORMALIZED))
                    .set(CALLS.QUEUE, truncate(seed.queue(), CALLS.QUEUE))
                    .set(CALLS.STARTED_AT, time(seed.startedAt()))
                    .onConflict(CALLS.LINKEDID).doNothing()
                    .returningResult(CALLS.ID)
                    .fetchOptional(CALLS.ID)
                    // the recorder wrote it since we looked: a new statement sees its committed row
                    .orElseGet(() -> tx.select(CALLS.ID).from(CALLS).where(CALLS.LINKEDID.eq(key.callId()))
                            .fetchSingle(CALLS.ID));
        }
        tx.insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call)
                .set(CALL_OFFERS.EXTENSION, key.extension())
                .set(CALL_OFFERS.USER_ID, userId)
                .set(CALL_OFFERS.RING_AT, time(seed.ringAt()))
                .set(CALL_OFFERS.TRANSFERRED_FROM, truncate(seed.transferredFrom(), CALL_OFFERS.TRANSFERRED_FROM))
                .onConflict(CALL_OFFERS.CALL_ID, CALL_OFFERS.EXTENSION).doNothing()
                .execute();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // keys
    // ---------------------------------------------------------------------------------------------------------------

    /** The call a WebSocket call id names: its own row, or the call it was merged into. */
    private static Field<Long> callOf(String callId) {
        return coalesce(
                DSL.field(DSL.select(CALL_MERGES.CALL_ID).from(CALL_MERGES)
                        .where(CALL_MERGES.ABSORBED_LINKEDID.eq(callId))),
                DSL.field(DSL.select(CALLS.ID).from(CALLS).where(CALLS.LINKEDID.eq(callId))));
    }

    private static Condition offerOf(CardKey key) {
        return CALL_OFFERS.CALL_ID.eq(callOf(key.callId())).and(CALL_OFFERS.EXTENSION.eq(key.extension()));
    }

    /** A key that could name a row at all; anything else is unknown without asking the database. */
    private static boolean possible(CardKey key) {
        return !key.callId().isBlank() && key.callId().length() <= MAX_CALL_ID
                && !key.extension().isBlank() && key.extension().length() <= MAX_EXTENSION;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the database
    // ---------------------------------------------------------------------------------------------------------------

    private <T> T transaction(Function<DSLContext, T> work) {
        return read(() -> dsl.transactionResult(c -> work.apply(c.dsl())));
    }

    private static <T> T read(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            if (DatabaseErrors.isTransient(e)) {
                throw new CardsUnavailableException("call cards are unavailable: the database cannot be reached", e);
            }
            throw e;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String wireName) {
        return wireName == null ? null : Enum.valueOf(type, wireName.toUpperCase(Locale.ROOT));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, Field<String> column) {
        int max = column.getDataType().length();
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
