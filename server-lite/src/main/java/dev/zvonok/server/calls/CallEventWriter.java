package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_MERGES;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.CALL_TRANSFERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.when;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.schema.tables.records.CallOffersRecord;
import dev.zvonok.server.directory.CallerIdentity;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEvent.CallEnded;
import dev.zvonok.server.tracking.CallEvent.CallStarted;
import dev.zvonok.server.tracking.CallEvent.CallTransferred;
import dev.zvonok.server.tracking.CallEvent.CallsMerged;
import dev.zvonok.server.tracking.CallEvent.OfferAnswered;
import dev.zvonok.server.tracking.CallEvent.OfferEnded;
import dev.zvonok.server.tracking.CallEvent.OfferRinging;
import dev.zvonok.server.tracking.CallInfo;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.OfferRecord;
import dev.zvonok.server.tracking.TransferRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one tracker event into the call tables, inside the caller's transaction.
 *
 * <p>Every write is idempotent, keyed by the call's Linkedid, (call, extension) for offers and (call, seq) for
 * transfers, and merges by time rather than by arrival: the first ring, the first answer and the latest end win. So
 * replaying events, or retrying a batch whose commit was lost, changes nothing. {@link CallEnded} carries the
 * tracker's final account, which overrides whatever the live events left.
 *
 * <p>The other party's identity (the caller; for outbound calls the called number) is taken from the
 * {@link Directory} when the call is first written and kept: history must not change when the directory does. It is
 * looked up again only while it is unknown, or when the tracker learns a different number for the other party.
 */
final class CallEventWriter {

    private static final Logger log = LoggerFactory.getLogger(CallEventWriter.class);

    private static final String UNKNOWN = CallerKind.UNKNOWN.wireName();

    /** The identity columns, switched together: a known identity is never overwritten. */
    private static final List<Field<?>> IDENTITY = List.of(CALLS.CALLER_KIND, CALLS.CALLER_NAME, CALLS.CALLER_COMPANY,
            CALLS.CALLER_USER_ID, CALLS.CALLER_DEALER_ID, CALLS.CALLER_COMPANY_ID);

    private final Directory directory;
    private final PhoneNumbers numbers;
    private final KnownCalls known = new KnownCalls();

    CallEventWriter(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.numbers = directory.numbers();
    }

    /** The transaction that wrote the last events committed: what it learned about calls holds. */
    void committed() {
        known.commit();
    }

    /** The transaction failed: nothing it learned holds, and what was known before may be wrong now. */
    void rolledBack() {
        known.rollback();
    }

    void write(DSLContext tx, CallEvent event) {
        Target target = resolve(tx, event.callId());
        if (isLive(event) && target.ended()) {
            // a replayed or late live event: the final record already said everything about this call
            log.debug("Ignoring {} of ended call {}", event.getClass().getSimpleName(), event.callId());
            return;
        }
        switch (event) {
            case CallStarted e -> callStarted(tx, target, e);
            case OfferRinging e -> offerRinging(tx, target, e);
            case OfferAnswered e -> offerAnswered(tx, target, e);
            case OfferEnded e -> offerEnded(tx, target, e);
            case CallTransferred e -> callTransferred(tx, target, e);
            case CallsMerged e -> callsMerged(tx, target, e);
            case CallEnded e -> callEnded(tx, target, e);
            // holds are shown live by the tracker's other listeners; the offers' hold time comes with the final
            // record (CallEnded), which sums each part's holds, one still running at its end included
            case CallEvent.CallHeld e -> { }
            case CallEvent.CallResumed e -> { }
        }
    }

    private static boolean isLive(CallEvent event) {
        return !(event instanceof CallEnded) && !(event instanceof CallsMerged);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // live events
    // ---------------------------------------------------------------------------------------------------------------

    private void callStarted(DSLContext tx, Target target, CallStarted e) {
        if (target.merged()) {
            return;
        }
        liveCall(tx, target, e.callId(), e.call(), e.at());
    }

    private void offerRinging(DSLContext tx, Target target, OfferRinging e) {
        long call = liveCall(tx, target, e.callId(), e.call(), e.at());
        OffsetDateTime at = time(e.at());
        tx.insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call)
                .set(CALL_OFFERS.EXTENSION, e.extension())
                .set(CALL_OFFERS.USER_ID, operatorId(e.extension()))
                .set(CALL_OFFERS.RING_AT, at)
                .set(CALL_OFFERS.TRANSFERRED_FROM, e.transferredFrom())
                .onConflict(CALL_OFFERS.CALL_ID, CALL_OFFERS.EXTENSION).doUpdate()
                .set(CALL_OFFERS.USER_ID, coalesce(excluded(CALL_OFFERS.USER_ID), CALL_OFFERS.USER_ID))
                .set(CALL_OFFERS.RING_AT, least(CALL_OFFERS.RING_AT, excluded(CALL_OFFERS.RING_AT)))
                .set(CALL_OFFERS.TRANSFERRED_FROM,
                        coalesce(excluded(CALL_OFFERS.TRANSFERRED_FROM), CALL_OFFERS.TRANSFERRED_FROM))
                // a phone that rings again after its offer ended (a queue's next round) is ringing, not done
                .set(CALL_OFFERS.END_AT, when(ringsAgain(), DSL.castNull(CALL_OFFERS.END_AT))
                        .otherwise(CALL_OFFERS.END_AT))
                .set(CALL_OFFERS.RESULT, when(ringsAgain(), DSL.castNull(CALL_OFFERS.RESULT))
                        .otherwise(CALL_OFFERS.RESULT))
                .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime())
                .execute();
    }

    private static Condition ringsAgain() {
        return CALL_OFFERS.END_AT.isNotNull().and(excluded(CALL_OFFERS.RING_AT).gt(CALL_OFFERS.END_AT));
    }

    private void offerAnswered(DSLContext tx, Target target, OfferAnswered e) {
        long call = liveCall(tx, target, e.callId(), e.call(), e.at());
        OffsetDateTime at = time(e.at());
        Long operator = operatorId(e.extension());
        List<Query> queries = new ArrayList<>(2);
        queries.add(tx.insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call)
                .set(CALL_OFFERS.EXTENSION, e.extension())
                .set(CALL_OFFERS.USER_ID, operator)
                .set(CALL_OFFERS.RING_AT, at)
                .set(CALL_OFFERS.ANSWER_AT, at)
                .onConflict(CALL_OFFERS.CALL_ID, CALL_OFFERS.EXTENSION).doUpdate()
                .set(CALL_OFFERS.USER_ID, coalesce(excluded(CALL_OFFERS.USER_ID), CALL_OFFERS.USER_ID))
                .set(CALL_OFFERS.ANSWER_AT, least(CALL_OFFERS.ANSWER_AT, excluded(CALL_OFFERS.ANSWER_AT)))
                .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime()));
        if (e.call() == null || e.call().direction() != CallDirection.OUTBOUND) {
            // the first operator to answer answered the call; for outbound calls only the called party can
            queries.add(tx.update(CALLS)
                    .set(CALLS.ANSWERED_AT, at)
                    .set(CALLS.ANSWERED_BY_EXTENSION, e.extension())
                    .set(CALLS.ANSWERED_BY_USER_ID, operator)
                    .set(CALLS.UPDATED_AT, currentOffsetDateTime())
                    .where(CALLS.ID.eq(call))
                    .and(CALLS.ANSWERED_AT.isNull().or(CALLS.ANSWERED_AT.gt(at))));
        }
        execute(tx, queries);
    }

    /** Independent statements in one round trip. */
    private static void execute(DSLContext tx, List<? extends Query> queries) {
        if (queries.size() == 1) {
            queries.getFirst().execute();
        } else if (!queries.isEmpty()) {
            tx.batch(queries).execute();
        }
    }

    private void offerEnded(DSLContext tx, Target target, OfferEnded e) {
        Long call = target.id();
        if (call == null) {
            log.debug("Offer of {} to {} ended before the call was recorded; its final record will tell", e.callId(),
                    e.extension());
            return;
        }
        CallOffersRecord offer = tx.selectFrom(CALL_OFFERS)
                .where(CALL_OFFERS.CALL_ID.eq(call), CALL_OFFERS.EXTENSION.eq(e.extension()))
                .fetchOne();
        Instant ringAt = offer != null ? offer.getRingAt().toInstant() : e.at();
        Instant answerAt = offer != null && offer.getAnswerAt() != null ? offer.getAnswerAt().toInstant() : null;
        tx.insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call)
                .set(CALL_OFFERS.EXTENSION, e.extension())
                .set(CALL_OFFERS.USER_ID, operatorId(e.extension()))
                .set(CALL_OFFERS.RING_AT, time(ringAt))
                .set(CALL_OFFERS.END_AT, time(e.at()))
                .set(CALL_OFFERS.RESULT, wire(e.result()))
                .set(CALL_OFFERS.RING_MS, millis(ringAt, answerAt != null ? answerAt : e.at()))
                .set(CALL_OFFERS.TALK_MS, answerAt != null ? millis(answerAt, e.at()) : null)
                .onConflict(CALL_OFFERS.CALL_ID, CALL_OFFERS.EXTENSION).doUpdate()
                .set(CALL_OFFERS.END_AT, excluded(CALL_OFFERS.END_AT))
                .set(CALL_OFFERS.RESULT, excluded(CALL_OFFERS.RESULT))
                .set(CALL_OFFERS.RING_MS, excluded(CALL_OFFERS.RING_MS))
                .set(CALL_OFFERS.TALK_MS, excluded(CALL_OFFERS.TALK_MS))
                .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime())
                // a late replay of an earlier end must not undo a later one
                .where(CALL_OFFERS.END_AT.isNull().or(CALL_OFFERS.END_AT.le(excluded(CALL_OFFERS.END_AT))))
                .execute();
    }

    private void callTransferred(DSLContext tx, Target target, CallTransferred e) {
        Long call = target.id();
        if (call == null) {
            log.debug("Transfer of {} before the call was recorded; its final record will tell", e.callId());
            return;
        }
        addTransfer(tx, call, e.from(), e.to(), wire(e.kind()), time(e.at()));
        tx.update(CALL_OFFERS)
                .set(CALL_OFFERS.TRANSFERRED_TO, e.to())
                .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime())
                .where(CALL_OFFERS.CALL_ID.eq(call), CALL_OFFERS.EXTENSION.eq(e.from()))
                .execute();
    }

    /** Appends a transfer unless the very same one is there already (a replay). */
    private static void addTransfer(DSLContext tx, long call, String from, String to, String kind, OffsetDateTime at) {
        boolean known = tx.fetchExists(CALL_TRANSFERS, CALL_TRANSFERS.CALL_ID.eq(call),
                CALL_TRANSFERS.FROM_EXTENSION.eq(from), CALL_TRANSFERS.TO_TARGET.eq(to),
                CALL_TRANSFERS.KIND.eq(kind), CALL_TRANSFERS.AT.eq(at));
        if (known) {
            return;
        }
        Integer last = tx.select(DSL.max(CALL_TRANSFERS.SEQ)).from(CALL_TRANSFERS)
                .where(CALL_TRANSFERS.CALL_ID.eq(call)).fetchOne().value1();
        tx.insertInto(CALL_TRANSFERS)
                .set(CALL_TRANSFERS.CALL_ID, call)
                .set(CALL_TRANSFERS.SEQ, last == null ? 1 : last + 1)
                .set(CALL_TRANSFERS.FROM_EXTENSION, from)
                .set(CALL_TRANSFERS.TO_TARGET, to)
                .set(CALL_TRANSFERS.KIND, kind)
                .set(CALL_TRANSFERS.AT, at)
                .execute();
    }

    /**
     * The consultation call's offers move into the surviving call (keeping whatever the operators wrote on them),
     * its row goes, and its Linkedid is remembered as merged so that late or replayed events follow it.
     */
    private void callsMerged(DSLContext tx, Target survivor, CallsMerged e) {
        Long absorbed = tx.select(CALLS.ID).from(CALLS).where(CALLS.LINKEDID.eq(e.absorbedCallId())).fetchOne(CALLS.ID);
        if (survivor.id() == null) {
            if (absorbed == null) {
                log.warn("Merge of {} into {}: neither call is recorded", e.absorbedCallId(), e.callId());
                return;
            }
            // the surviving call was never written: the absorbed row carries on under its name
            tx.update(CALLS).set(CALLS.LINKEDID, e.callId()).where(CALLS.ID.eq(absorbed)).execute();
            rememberMerge(tx, e.absorbedCallId(), absorbed, e.at());
            known.put(e.callId(), new KnownCalls.Known(absorbed, false, null, false));
            known.put(e.absorbedCallId(), new KnownCalls.Known(absorbed, true, null, true));
            return;
        }
        long into = survivor.id();
        if (absorbed != null && absorbed != into) {
            for (CallOffersRecord offer : tx.selectFrom(CALL_OFFERS).where(CALL_OFFERS.CALL_ID.eq(absorbed))
                    .orderBy(CALL_OFFERS.ID).fetch()) {
                moveOffer(tx, offer, into);
            }
            tx.selectFrom(CALL_TRANSFERS).where(CALL_TRANSFERS.CALL_ID.eq(absorbed)).orderBy(CALL_TRANSFERS.SEQ)
                    .fetch()
                    .forEach(t -> addTransfer(tx, into, t.getFromExtension(), t.getToTarget(), t.getKind(), t.getAt()));
            tx.deleteFrom(CALLS).where(CALLS.ID.eq(absorbed)).execute();
        }
        rememberMerge(tx, e.absorbedCallId(), into, e.at());
        known.put(e.absorbedCallId(), new KnownCalls.Known(into, true, null, true));
    }

    private static void moveOffer(DSLContext tx, CallOffersRecord offer, long into) {
        CallOffersRecord existing = tx.selectFrom(CALL_OFFERS)
                .where(CALL_OFFERS.CALL_ID.eq(into), CALL_OFFERS.EXTENSION.eq(offer.getExtension()))
                .fetchOne();
        if (existing == null) {
            tx.update(CALL_OFFERS).set(CALL_OFFERS.CALL_ID, into).where(CALL_OFFERS.ID.eq(offer.getId())).execute();
            return;
        }
        // the same phone took part in both calls: one offer, the earliest ring, the latest end, both cards' notes
        String notes = joinNotes(existing.getNotes(), offer.getNotes());
        tx.update(CALL_OFFERS)
                .set(CALL_OFFERS.RING_AT, least(CALL_OFFERS.RING_AT, DSL.val(offer.getRingAt())))
                .set(CALL_OFFERS.ANSWER_AT, coalesce(CALL_OFFERS.ANSWER_AT, DSL.val(offer.getAnswerAt())))
                .set(CALL_OFFERS.END_AT, greatest(CALL_OFFERS.END_AT, DSL.val(offer.getEndAt())))
                .set(CALL_OFFERS.USER_ID, coalesce(CALL_OFFERS.USER_ID, DSL.val(offer.getUserId())))
                .set(CALL_OFFERS.NOTES, notes)
                .set(CALL_OFFERS.NOTES_VERSION, Objects.equals(notes, existing.getNotes())
                        ? CALL_OFFERS.NOTES_VERSION : CALL_OFFERS.NOTES_VERSION.plus(1))
                .set(CALL_OFFERS.TAGS, coalesce(CALL_OFFERS.TAGS, DSL.val(offer.getTags(), CALL_OFFERS.TAGS)))
                .set(CALL_OFFERS.PRIORITY, coalesce(CALL_OFFERS.PRIORITY, DSL.val(offer.getPriority())))
                .set(CALL_OFFERS.CLIENT_INFO, coalesce(CALL_OFFERS.CLIENT_INFO,
                        DSL.val(offer.getClientInfo(), CALL_OFFERS.CLIENT_INFO)))
                .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime())
                .where(CALL_OFFERS.ID.eq(existing.getId()))
                .execute();
        tx.deleteFrom(CALL_OFFERS).where(CALL_OFFERS.ID.eq(offer.getId())).execute();
    }

    private static String joinNotes(String kept, String moved) {
        if (moved == null || moved.equals(kept)) {
            return kept;
        }
        if (kept == null) {
            return moved;
        }
        return truncate(kept + "\n\n" + moved, CALL_OFFERS.NOTES.getDataType().length());
    }

    private static void rememberMerge(DSLContext tx, String absorbedLinkedid, long into, Instant at) {
        tx.insertInto(CALL_MERGES)
                .set(CALL_MERGES.ABSORBED_LINKEDID, absorbedLinkedid)
                .set(CALL_MERGES.CALL_ID, into)
                .set(CALL_MERGES.MERGED_AT, time(at))
                .onConflict(CALL_MERGES.ABSORBED_LINKEDID).doNothing()
                .execute();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // calls that ended unseen
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Ends the calls the database holds open that the PBX no longer has: they ended while server-lite was stopped,
     * or while their events could not be written. They end at the last moment anything was heard of them, and are
     * what was known then: answered when somebody had answered, missed when phones had rung, failed otherwise.
     */
    void closeCallsNotIn(DSLContext tx, Set<String> inProgress, Instant at) {
        var stale = tx.select(CALLS.ID, CALLS.LINKEDID, CALLS.STARTED_AT, CALLS.ANSWERED_AT)
                .from(CALLS)
                .where(CALLS.ENDED_AT.isNull(), CALLS.LINKEDID.notIn(inProgress))
                .fetch();
        for (var call : stale) {
            long id = call.value1();
            List<CallOffersRecord> offers = tx.selectFrom(CALL_OFFERS).where(CALL_OFFERS.CALL_ID.eq(id)).fetch();
            OffsetDateTime end = lastHeardOf(call.value3(), call.value4(), offers);
            boolean answered = call.value4() != null || offers.stream().anyMatch(o -> o.getAnswerAt() != null);
            String disposition = answered ? "answered" : offers.isEmpty() ? "failed" : "missed";
            for (CallOffersRecord offer : offers) {
                if (offer.getEndAt() == null) {
                    OffsetDateTime answeredAt = offer.getAnswerAt();
                    tx.update(CALL_OFFERS)
                            .set(CALL_OFFERS.RESULT, answeredAt != null ? "answered" : "missed")
                            .set(CALL_OFFERS.END_AT, end)
                            .set(CALL_OFFERS.RING_MS, millis(offer.getRingAt().toInstant(),
                                    (answeredAt != null ? answeredAt : end).toInstant()))
                            .set(CALL_OFFERS.TALK_MS, answeredAt == null ? null
                                    : millis(answeredAt.toInstant(), end.toInstant()))
                            .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime())
                            .where(CALL_OFFERS.ID.eq(offer.getId()))
                            .execute();
                }
            }
            tx.update(CALLS)
                    .set(CALLS.ENDED_AT, end)
                    .set(CALLS.DISPOSITION, disposition)
                    .set(CALLS.TALK_MS, call.value4() == null ? null : millis(call.value4().toInstant(), end.toInstant()))
                    .set(CALLS.HANGUP_CAUSE_TEXT, "Ended unseen (server-lite stopped or database away)")
                    .set(CALLS.UPDATED_AT, currentOffsetDateTime())
                    .where(CALLS.ID.eq(id))
                    .execute();
            known.forgetCall(call.value2(), id);
        }
        if (!stale.isEmpty()) {
            log.info("Closed {} calls that ended while nobody was watching (PBX channel list of {})", stale.size(), at);
        }
    }

    private static OffsetDateTime lastHeardOf(OffsetDateTime started, OffsetDateTime answered,
                                              List<CallOffersRecord> offers) {
        OffsetDateTime last = answered != null && answered.isAfter(started) ? answered : started;
        for (CallOffersRecord offer : offers) {
            for (OffsetDateTime moment : new OffsetDateTime[] {offer.getRingAt(), offer.getAnswerAt(), offer.getEndAt()}) {
                if (moment != null && moment.isAfter(last)) {
                    last = moment;
                }
            }
        }
        return last;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // a final record the database refuses
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The final record with every text cut to its column: what can be stored of a record the database refused as it
     * was (values from the PBX are fitted at the AMI edge; this is for whatever got past it, e.g. a column a
     * migration narrowed).
     */
    static CallEnded fittedToColumns(CallEnded e) {
        CallRecord r = e.record();
        List<OfferRecord> offers = r.offers().stream().map(o -> new OfferRecord(
                fit(o.extension(), CALL_OFFERS.EXTENSION), o.result(), o.ringAt(), o.answerAt(), o.endAt(),
                fit(o.transferredFrom(), CALL_OFFERS.TRANSFERRED_FROM), fit(o.transferredTo(), CALL_OFFERS.TRANSFERRED_TO),
                o.pickedUp())).toList();
        List<TransferRecord> transfers = r.transfers().stream().map(t -> new TransferRecord(
                fit(t.from(), CALL_TRANSFERS.FROM_EXTENSION), fit(t.to(), CALL_TRANSFERS.TO_TARGET), t.kind(),
                t.at())).toList();
        CallRecord fitted = new CallRecord(fit(r.linkedid(), CALLS.LINKEDID), r.direction(),
                fit(r.caller(), CALLS.CALLER_NORMALIZED), fit(r.dialed(), CALLS.DIALED_NORMALIZED),
                fit(r.queue(), CALLS.QUEUE), r.disposition(), fit(r.answeredBy(), CALLS.ANSWERED_BY_EXTENSION), offers,
                transfers, r.startAt(), r.answerAt(), r.endAt(), r.hangupSide(), r.hangupCause(),
                fit(r.hangupCauseText(), CALLS.HANGUP_CAUSE_TEXT));
        return new CallEnded(fitted.linkedid(), e.at(), fitted);
    }

    /** Numbers are cut to their normalized column, the narrower of the two they fill. */
    private static String fit(String value, Field<String> column) {
        return truncate(value, column.getDataType().length());
    }

    /**
     * The least a final record must leave: the call ends, with its outcome and times, and its offers still open end
     * with it. Nothing but the Linkedid is read from the record's texts, so that no value of it can refuse this.
     */
    void closeBare(DSLContext tx, CallEnded e) {
        CallRecord r = e.record();
        String linkedid = fit(r.linkedid(), CALLS.LINKEDID);
        Target target = resolve(tx, linkedid);
        if (target.merged()) {
            return; // the survivor's own final record closes it
        }
        OffsetDateTime end = time(r.endAt() != null ? r.endAt() : e.at());
        OffsetDateTime start = time(r.startAt() != null ? r.startAt() : e.at());
        long call = tx.insertInto(CALLS)
                .set(CALLS.LINKEDID, linkedid)
                .set(CALLS.DIRECTION, wire(r.direction() != null ? r.direction() : CallDirection.INBOUND))
                .set(CALLS.DISPOSITION, wire(r.disposition()))
                .set(CALLS.STARTED_AT, start)
                .set(CALLS.ANSWERED_AT, time(r.answerAt()))
                .set(CALLS.ENDED_AT, end)
                .set(CALLS.HANGUP_CAUSE, r.hangupCause())
                .onConflict(CALLS.LINKEDID).doUpdate()
                .set(CALLS.DISPOSITION, excluded(CALLS.DISPOSITION))
                .set(CALLS.ANSWERED_AT, coalesce(CALLS.ANSWERED_AT, excluded(CALLS.ANSWERED_AT)))
                .set(CALLS.ENDED_AT, excluded(CALLS.ENDED_AT))
                .set(CALLS.HANGUP_CAUSE, excluded(CALLS.HANGUP_CAUSE))
                .set(CALLS.UPDATED_AT, currentOffsetDateTime())
                .returningResult(CALLS.ID)
                .fetchSingle()
                .value1();
        tx.update(CALL_OFFERS)
                .set(CALL_OFFERS.END_AT, end)
                .set(CALL_OFFERS.RESULT, when(CALL_OFFERS.ANSWER_AT.isNotNull(), "answered").otherwise("missed"))
                .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime())
                .where(CALL_OFFERS.CALL_ID.eq(call), CALL_OFFERS.END_AT.isNull())
                .execute();
        known.forgetCall(r.linkedid(), call);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the final record
    // ---------------------------------------------------------------------------------------------------------------

    private void callEnded(DSLContext tx, Target target, CallEnded e) {
        CallRecord record = e.record();
        if (target.merged()) {
            log.warn("Final record of {} ignored: that call was merged into another", record.linkedid());
            return;
        }
        long call = upsertFinalCall(tx, record);
        List<Query> queries = new ArrayList<>();
        for (OfferRecord offer : record.offers()) {
            queries.add(upsertFinalOffer(tx, call, offer));
        }
        // offers missing from the record are kept: they may carry what an operator wrote
        List<TransferRecord> transfers = record.transfers();
        for (int i = 0; i < transfers.size(); i++) {
            TransferRecord t = transfers.get(i);
            queries.add(tx.insertInto(CALL_TRANSFERS)
                    .set(CALL_TRANSFERS.CALL_ID, call)
                    .set(CALL_TRANSFERS.SEQ, i + 1)
                    .set(CALL_TRANSFERS.FROM_EXTENSION, t.from())
                    .set(CALL_TRANSFERS.TO_TARGET, t.to())
                    .set(CALL_TRANSFERS.KIND, wire(t.kind()))
                    .set(CALL_TRANSFERS.AT, time(t.at()))
                    .onConflict(CALL_TRANSFERS.CALL_ID, CALL_TRANSFERS.SEQ).doUpdate()
                    .set(CALL_TRANSFERS.FROM_EXTENSION, excluded(CALL_TRANSFERS.FROM_EXTENSION))
                    .set(CALL_TRANSFERS.TO_TARGET, excluded(CALL_TRANSFERS.TO_TARGET))
                    .set(CALL_TRANSFERS.KIND, excluded(CALL_TRANSFERS.KIND))
                    .set(CALL_TRANSFERS.AT, excluded(CALL_TRANSFERS.AT)));
        }
        queries.add(tx.deleteFrom(CALL_TRANSFERS)
                .where(CALL_TRANSFERS.CALL_ID.eq(call), CALL_TRANSFERS.SEQ.gt(transfers.size())));
        execute(tx, queries);
        known.forgetCall(record.linkedid(), call);
    }

    private long upsertFinalCall(DSLContext tx, CallRecord r) {
        CallerIdentity who = identify(r.direction(), r.caller(), r.dialed());
        Instant end = r.endAt();
        Long ringMs = r.answerAt() != null ? millis(r.startAt(), r.answerAt()) : millis(r.startAt(), end);
        Long talkMs = r.answerAt() != null ? millis(r.answerAt(), end) : null;
        Long answeredBy = operatorId(r.answeredBy());
        return tx.insertInto(CALLS)
                .set(CALLS.LINKEDID, r.linkedid())
                .set(CALLS.DIRECTION, wire(r.direction()))
                .set(CALLS.CALLER_NUMBER, r.caller())
                .set(CALLS.CALLER_NORMALIZED, numbers.normalize(r.caller()))
                .set(CALLS.DIALED_NUMBER, r.dialed())
                .set(CALLS.DIALED_NORMALIZED, numbers.normalize(r.dialed()))
                .set(CALLS.QUEUE, r.queue())
                .set(identityValues(who))
                .set(lineValues(r.direction(), r.dialed(), r.queue()))
                .set(CALLS.DISPOSITION, wire(r.disposition()))
                .set(CALLS.ANSWERED_BY_EXTENSION, r.answeredBy())
                .set(CALLS.ANSWERED_BY_USER_ID, answeredBy)
                .set(CALLS.STARTED_AT, time(r.startAt()))
                .set(CALLS.ANSWERED_AT, time(r.answerAt()))
                .set(CALLS.ENDED_AT, time(end))
                .set(CALLS.RING_MS, ringMs)
                .set(CALLS.TALK_MS, talkMs)
                .set(CALLS.HANGUP_SIDE, wire(r.hangupSide()))
                .set(CALLS.HANGUP_CAUSE, r.hangupCause())
                .set(CALLS.HANGUP_CAUSE_TEXT, truncate(r.hangupCauseText(), 80))
                .onConflict(CALLS.LINKEDID).doUpdate()
                .set(CALLS.DIRECTION, excluded(CALLS.DIRECTION))
                .set(CALLS.CALLER_NUMBER, excluded(CALLS.CALLER_NUMBER))
                .set(CALLS.CALLER_NORMALIZED, excluded(CALLS.CALLER_NORMALIZED))
                .set(CALLS.DIALED_NUMBER, excluded(CALLS.DIALED_NUMBER))
                .set(CALLS.DIALED_NORMALIZED, excluded(CALLS.DIALED_NORMALIZED))
                .set(CALLS.QUEUE, excluded(CALLS.QUEUE))
                .set(identityOnConflict(false))
                .set(lineOnConflict())
                .set(CALLS.DISPOSITION, excluded(CALLS.DISPOSITION))
                .set(CALLS.ANSWERED_BY_EXTENSION, excluded(CALLS.ANSWERED_BY_EXTENSION))
                .set(CALLS.ANSWERED_BY_USER_ID, coalesce(excluded(CALLS.ANSWERED_BY_USER_ID),
                        when(CALLS.ANSWERED_BY_EXTENSION.eq(excluded(CALLS.ANSWERED_BY_EXTENSION)),
                                CALLS.ANSWERED_BY_USER_ID)))
                .set(CALLS.STARTED_AT, excluded(CALLS.STARTED_AT))
                .set(CALLS.ANSWERED_AT, excluded(CALLS.ANSWERED_AT))
                .set(CALLS.ENDED_AT, excluded(CALLS.ENDED_AT))
                .set(CALLS.RING_MS, excluded(CALLS.RING_MS))
                .set(CALLS.TALK_MS, excluded(CALLS.TALK_MS))
                .set(CALLS.HANGUP_SIDE, excluded(CALLS.HANGUP_SIDE))
                .set(CALLS.HANGUP_CAUSE, excluded(CALLS.HANGUP_CAUSE))
                .set(CALLS.HANGUP_CAUSE_TEXT, excluded(CALLS.HANGUP_CAUSE_TEXT))
                .set(CALLS.UPDATED_AT, currentOffsetDateTime())
                .returningResult(CALLS.ID)
                .fetchSingle()
                .value1();
    }

    private Query upsertFinalOffer(DSLContext tx, long call, OfferRecord o) {
        Instant ringEnd = o.answerAt() != null ? o.answerAt() : o.endAt();
        return tx.insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call)
                .set(CALL_OFFERS.EXTENSION, o.extension())
                .set(CALL_OFFERS.USER_ID, operatorId(o.extension()))
                .set(CALL_OFFERS.RING_AT, time(o.ringAt()))
                .set(CALL_OFFERS.ANSWER_AT, time(o.answerAt()))
                .set(CALL_OFFERS.END_AT, time(o.endAt()))
                .set(CALL_OFFERS.RING_MS, millis(o.ringAt(), ringEnd))
                .set(CALL_OFFERS.TALK_MS, o.answerAt() != null ? millis(o.answerAt(), o.endAt()) : null)
                .set(CALL_OFFERS.RESULT, wire(o.result()))
                .set(CALL_OFFERS.TRANSFERRED_FROM, o.transferredFrom())
                .set(CALL_OFFERS.TRANSFERRED_TO, o.transferredTo())
                .set(CALL_OFFERS.PICKED_UP, o.pickedUp())
                .set(CALL_OFFERS.HOLD_MS, o.holdMs())
                .onConflict(CALL_OFFERS.CALL_ID, CALL_OFFERS.EXTENSION).doUpdate()
                .set(CALL_OFFERS.USER_ID, coalesce(excluded(CALL_OFFERS.USER_ID), CALL_OFFERS.USER_ID))
                .set(CALL_OFFERS.PICKED_UP, excluded(CALL_OFFERS.PICKED_UP))
                .set(CALL_OFFERS.RING_AT, excluded(CALL_OFFERS.RING_AT))
                .set(CALL_OFFERS.ANSWER_AT, excluded(CALL_OFFERS.ANSWER_AT))
                .set(CALL_OFFERS.END_AT, excluded(CALL_OFFERS.END_AT))
                .set(CALL_OFFERS.RING_MS, excluded(CALL_OFFERS.RING_MS))
                .set(CALL_OFFERS.TALK_MS, excluded(CALL_OFFERS.TALK_MS))
                .set(CALL_OFFERS.RESULT, excluded(CALL_OFFERS.RESULT))
                .set(CALL_OFFERS.TRANSFERRED_FROM, excluded(CALL_OFFERS.TRANSFERRED_FROM))
                .set(CALL_OFFERS.TRANSFERRED_TO, excluded(CALL_OFFERS.TRANSFERRED_TO))
                .set(CALL_OFFERS.HOLD_MS, excluded(CALL_OFFERS.HOLD_MS))
                .set(CALL_OFFERS.UPDATED_AT, currentOffsetDateTime());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the call row
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Where a Linkedid's events go: its own row, or the call it was merged into; {@code ended} once that call's final
     * record is written, after which live events have nothing to add.
     */
    private record Target(Long id, boolean merged, boolean ended) {
    }

    /** The target from what this writer knows, else from the database (remembered if the call is in progress). */
    private Target resolve(DSLContext tx, String linkedid) {
        KnownCalls.Known k = known.get(linkedid);
        if (k != null) {
            return new Target(k.id(), k.merged(), false);
        }
        Target target = target(tx, linkedid);
        if (target.id() != null && !target.ended()) {
            known.put(linkedid, new KnownCalls.Known(target.id(), target.merged(), null, false));
        }
        return target;
    }

    private static Target target(DSLContext tx, String linkedid) {
        Field<Long> mergedInto = DSL.field(DSL.select(CALL_MERGES.CALL_ID).from(CALL_MERGES)
                .where(CALL_MERGES.ABSORBED_LINKEDID.eq(linkedid)));
        Field<Long> own = DSL.field(DSL.select(CALLS.ID).from(CALLS).where(CALLS.LINKEDID.eq(linkedid)));
        var ended = CALLS.as("ended");
        var row = tx.select(mergedInto, own, DSL.field(DSL.exists(DSL.selectOne().from(ended)
                        .where(ended.ID.eq(coalesce(mergedInto, own)), ended.ENDED_AT.isNotNull()))))
                .fetchSingle();
        boolean isEnded = Boolean.TRUE.equals(row.value3());
        return row.value1() != null ? new Target(row.value1(), true, isEnded) : new Target(row.value2(), false, isEnded);
    }

    /** The call a live offer event belongs to, written or refreshed from the event's view of the call. */
    private long liveCall(DSLContext tx, Target target, String linkedid, CallInfo info, Instant at) {
        if (target.merged()) {
            // the event describes the consultation call; the survivor keeps its own caller
            return target.id();
        }
        if (info == null) {
            if (target.id() != null) {
                return target.id();
            }
            info = new CallInfo(linkedid, CallDirection.INBOUND, null, null, null, at);
        }
        KnownCalls.Known k = known.get(linkedid);
        if (k != null && info.equals(k.info())
                && (k.identityKnown() || !identify(info.direction(), info.callerNumber(), info.dialedNumber()).known())) {
            // written just like this already, and the directory has nothing new to say about the caller
            return k.id();
        }
        return upsertCall(tx, linkedid, info, at);
    }

    private long upsertCall(DSLContext tx, String linkedid, CallInfo info, Instant at) {
        CallerIdentity who = identify(info.direction(), info.callerNumber(), info.dialedNumber());
        long id = tx.insertInto(CALLS)
                .set(CALLS.LINKEDID, linkedid)
                .set(CALLS.DIRECTION, wire(info.direction()))
                .set(CALLS.CALLER_NUMBER, info.callerNumber())
                .set(CALLS.CALLER_NORMALIZED, numbers.normalize(info.callerNumber()))
                .set(CALLS.DIALED_NUMBER, info.dialedNumber())
                .set(CALLS.DIALED_NORMALIZED, numbers.normalize(info.dialedNumber()))
                .set(CALLS.QUEUE, info.queue())
                .set(identityValues(who))
                .set(lineValues(info.direction(), info.dialedNumber(), info.queue()))
                .set(CALLS.STARTED_AT, time(info.startAt() != null ? info.startAt() : at))
                .onConflict(CALLS.LINKEDID).doUpdate()
                .set(CALLS.DIRECTION, excluded(CALLS.DIRECTION))
                .set(CALLS.CALLER_NUMBER, coalesce(excluded(CALLS.CALLER_NUMBER), CALLS.CALLER_NUMBER))
                .set(CALLS.CALLER_NORMALIZED, coalesce(excluded(CALLS.CALLER_NORMALIZED), CALLS.CALLER_NORMALIZED))
                .set(CALLS.DIALED_NUMBER, coalesce(excluded(CALLS.DIALED_NUMBER), CALLS.DIALED_NUMBER))
                .set(CALLS.DIALED_NORMALIZED, coalesce(excluded(CALLS.DIALED_NORMALIZED), CALLS.DIALED_NORMALIZED))
                .set(CALLS.QUEUE, coalesce(excluded(CALLS.QUEUE), CALLS.QUEUE))
                .set(identityOnConflict(true))
                .set(lineOnConflict())
                .set(CALLS.STARTED_AT, least(CALLS.STARTED_AT, excluded(CALLS.STARTED_AT)))
                .set(CALLS.UPDATED_AT, currentOffsetDateTime())
                .returningResult(CALLS.ID)
                .fetchSingle()
                .value1();
        // a known identity written is the one the row keeps; an unknown one may be replaced by a later event
        known.put(linkedid, new KnownCalls.Known(id, false, info, who.known()));
        return id;
    }

    /** The other party: the called number of an outbound call, the caller of any other. */
    private CallerIdentity identify(CallDirection direction, String caller, String dialed) {
        return directory.identify(direction == CallDirection.OUTBOUND ? dialed : caller);
    }

    /** The line an inbound call came in on, as it is named now: the row keeps it when the line is renamed. */
    private Map<Field<?>, Object> lineValues(CallDirection direction, String dialed, String queue) {
        Optional<Line> line = directory.lineOf(direction, dialed, queue);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(CALLS.LINE_NAME, line.map(Line::name).orElse(null));
        values.put(CALLS.LINE_SOURCE, line.map(Line::source).orElse(null));
        return values;
    }

    /** A line once written is the one the row keeps (name and source together); an unknown one may be learned later. */
    private static Map<Field<?>, Field<?>> lineOnConflict() {
        Condition known = CALLS.LINE_NAME.isNotNull();
        Map<Field<?>, Field<?>> values = new LinkedHashMap<>();
        values.put(CALLS.LINE_NAME, when(known, CALLS.LINE_NAME).otherwise(excluded(CALLS.LINE_NAME)));
        values.put(CALLS.LINE_SOURCE, when(known, CALLS.LINE_SOURCE).otherwise(excluded(CALLS.LINE_SOURCE)));
        return values;
    }

    private static Map<Field<?>, Object> identityValues(CallerIdentity who) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(CALLS.CALLER_KIND, who.kind().wireName());
        values.put(CALLS.CALLER_NAME, truncate(who.name(), 200));
        values.put(CALLS.CALLER_COMPANY, truncate(who.companyName(), 200));
        values.put(CALLS.CALLER_USER_ID, who.userId());
        values.put(CALLS.CALLER_DEALER_ID, who.dealerId());
        values.put(CALLS.CALLER_COMPANY_ID, who.companyId());
        return values;
    }

    /**
     * The identity columns on conflict: the row keeps the identity it has, unless that one is unknown or belongs to
     * another number (the tracker learned who the other party really is, e.g. the called number of a click-to-call).
     *
     * @param live a live event's numbers only add to the row's; the final record's replace them
     */
    private static Map<Field<?>, Field<?>> identityOnConflict(boolean live) {
        Field<String> stored = remoteNumber(CALLS.DIRECTION, CALLS.CALLER_NORMALIZED, CALLS.DIALED_NORMALIZED);
        Field<String> incoming = live
                ? remoteNumber(excluded(CALLS.DIRECTION),
                        coalesce(excluded(CALLS.CALLER_NORMALIZED), CALLS.CALLER_NORMALIZED),
                        coalesce(excluded(CALLS.DIALED_NORMALIZED), CALLS.DIALED_NORMALIZED))
                : remoteNumber(excluded(CALLS.DIRECTION), excluded(CALLS.CALLER_NORMALIZED),
                        excluded(CALLS.DIALED_NORMALIZED));
        Condition replace = CALLS.CALLER_KIND.eq(UNKNOWN).or(stored.isDistinctFrom(incoming));
        Map<Field<?>, Field<?>> values = new LinkedHashMap<>();
        for (Field<?> column : IDENTITY) {
            values.put(column, replaceIf(replace, column));
        }
        return values;
    }

    /** The SQL twin of {@link #identify}: whose number the identity is about. */
    private static Field<String> remoteNumber(Field<String> direction, Field<String> caller, Field<String> dialed) {
        return when(direction.eq(CallDirection.OUTBOUND.wireName()), dialed).otherwise(caller);
    }

    private static <T> Field<T> replaceIf(Condition replace, Field<T> column) {
        return when(replace, excluded(column)).otherwise(column);
    }

    private Long operatorId(String extension) {
        return extension == null ? null : directory.operatorFor(extension).map(User::id).orElse(null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // values
    // ---------------------------------------------------------------------------------------------------------------

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Long millis(Instant from, Instant to) {
        if (from == null || to == null) {
            return null;
        }
        return Math.max(0, Duration.between(from, to).toMillis());
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
