package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.CALL_TRANSFERS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.server.db.schema.tables.Users;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record9;
import org.jooq.ResultQuery;
import org.jooq.SelectLimitPercentStep;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Reads recorded calls: lists with filters and paging, one call in full, a number's recent history. */
public final class CallRepository {

    private static final Users ANSWERER = USERS.as("answerer");
    private static final Users OFFEREE = USERS.as("offeree");
    /**
     * See {@link Reached}: one rule for the missed list and the statistics, kept on the call (V12) so that a list
     * and its total need no lookups per call.
     */
    private static final Field<OffsetDateTime> REACHED_AT = CALLS.REACHED_AT;

    /**
     * How much of each card's notes a list reads: one more than {@link CallListItem#NOTES_PREVIEW_CHARS}, so that the
     * preview knows it was cut.
     */
    public static final int NOTES_READ_CHARS = CallListItem.NOTES_PREVIEW_CHARS + 1;

    /** Every card's notes, in ring order, the start of each: one short array per call, not the cards themselves. */
    private static final Field<String[]> NOTES = DSL.field(DSL.select(
                    DSL.arrayAgg(DSL.left(CALL_OFFERS.NOTES, NOTES_READ_CHARS))
                            .orderBy(CALL_OFFERS.RING_AT, CALL_OFFERS.ID))
            .from(CALL_OFFERS)
            .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), CALL_OFFERS.NOTES.isNotNull()));

    private static final List<Field<?>> SUMMARY = List.of(CALLS.ID, CALLS.LINKEDID, CALLS.DIRECTION,
            CALLS.CALLER_NUMBER, CALLS.DIALED_NUMBER, CALLS.QUEUE, CALLS.CALLER_KIND, CALLS.CALLER_NAME,
            CALLS.CALLER_COMPANY, CALLS.CALLER_USER_ID, CALLS.CALLER_DEALER_ID, CALLS.CALLER_COMPANY_ID,
            CALLS.DISPOSITION, CALLS.ANSWERED_BY_EXTENSION, CALLS.ANSWERED_BY_USER_ID, ANSWERER.DISPLAY_NAME,
            CALLS.STARTED_AT, CALLS.ANSWERED_AT, CALLS.ENDED_AT, CALLS.RING_MS, CALLS.TALK_MS, CALLS.HANGUP_SIDE,
            CALLS.HANGUP_CAUSE, CALLS.HANGUP_CAUSE_TEXT, REACHED_AT.as("reached_at"), NOTES.as("notes"),
            CALLS.LINE_NAME, CALLS.LINE_SOURCE);

    /** How many of a number's last calls (each way) are searched for the client fields a new card starts from. */
    static final int CLIENT_LOOKBACK = 50;

    private final DSLContext dsl;
    private final PhoneNumbers numbers;
    private final EveryCallCount everyCall;

    public CallRepository(DSLContext dsl, PhoneNumbers numbers) {
        this(dsl, numbers, EveryCallCount.COUNTED);
    }

    /** @param everyCall the total of the unfiltered list, when something kept says it cheaply */
    public CallRepository(DSLContext dsl, PhoneNumbers numbers, EveryCallCount everyCall) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.everyCall = Objects.requireNonNull(everyCall, "everyCall");
    }

    /** Calls matching the query, newest first, one page of them and how many there are in all. */
    public Page<CallSummary> search(CallQuery query) {
        Condition where = conditions(query);
        // every call: a count(*) of all of them reads the whole table (0.8 s at 10 million), the kept rows ~20 ms
        long total = query.narrowsNothing()
                ? everyCall.everyCall().orElseGet(() -> dsl.fetchCount(CALLS))
                : dsl.fetchCount(CALLS, where);
        Condition page = query.after() == null ? DSL.noCondition()
                : DSL.row(CALLS.STARTED_AT, CALLS.ID).lt(time(query.after().startedAt()), query.after().id());
        // one more than asked: whether there is a page after this one, without counting. The page's calls are
        // chosen first and only they are then read whole: read whole before the sort, the reached-since and
        // notes subqueries ran for every call of the period (seconds for a month of a busy centre).
        Table<Record1<Long>> pageIds = DSL.select(CALLS.ID)
                .from(CALLS)
                .where(where, page)
                .orderBy(CALLS.STARTED_AT.desc(), CALLS.ID.desc())
                .offset(query.after() == null ? query.offset() : 0)
                .limit(query.limit() + 1)
                .asTable("page");
        List<CallSummary> items = summaries()
                .join(pageIds).on(CALLS.ID.eq(pageIds.field(CALLS.ID)))
                .orderBy(CALLS.STARTED_AT.desc(), CALLS.ID.desc())
                .fetch(CallRepository::summary);
        boolean more = items.size() > query.limit();
        List<CallSummary> shown = more ? items.subList(0, query.limit()) : items;
        return new Page<>(shown, total, query.offset(), query.limit(), more ? CallCursor.after(shown.getLast()) : null);
    }

    public Optional<CallDetails> find(long id) {
        return details(CALLS.ID.eq(id));
    }

    public Optional<CallDetails> findByLinkedid(String linkedid) {
        return details(CALLS.LINKEDID.eq(linkedid));
    }

    /**
     * The call, if {@code operatorUserId} may see it: one of their calls in the sense of
     * {@link CallQuery#operatorUserId()}; any call when {@code operatorUserId} is null.
     */
    public Optional<CallDetails> findByLinkedid(String linkedid, Long operatorUserId) {
        Condition which = CALLS.LINKEDID.eq(linkedid);
        return details(operatorUserId == null ? which : which.and(operatorsCall(operatorUserId)));
    }

    /**
     * The last {@code limit} calls from or to a number (any format), newest first, with who took each and what
     * operators wrote: the "history" of the incoming-call card.
     */
    public List<CallHistoryEntry> history(String number, int limit) {
        return history(number, limit, DSL.noCondition());
    }

    /**
     * The incoming-call card's history as the WebSocket sends it: the last
     * {@code limit} <em>ended</em> calls of the number, so that the call ringing now, which the recorder may have
     * written already, is not among its own history.
     */
    public List<HistoryEntry> lastCalls(String number, int limit) {
        return history(number, limit, CALLS.ENDED_AT.isNotNull()).stream().map(CallHistoryEntry::toWire).toList();
    }

    /**
     * What the card of a number's new call starts from: its last ended calls and the client fields of the newest
     * ended call that had any (the shape of the WebSocket's {@code HistoryLookup}).
     */
    public NumberHistory numberHistory(String number, int limit) {
        if (numbers.normalize(number) == null) {
            return NumberHistory.NONE;
        }
        return new NumberHistory(lastCalls(number, limit), lastClient(number));
    }

    /**
     * The client fields of the newest ended call of the number (from or to it, any format) whose card has any: of
     * that call's last card that has them. Null when none among its last {@link #CLIENT_LOOKBACK} calls each way.
     */
    public ClientInfo lastClient(String number) {
        String normalized = numbers.normalize(number);
        return normalized == null ? null : lastClientQuery(normalized)
                .fetchOptional(r -> StoredNotes.clientInfo(r.value1()))
                .filter(client -> !client.isEmpty())
                .orElse(null);
    }

    /**
     * It runs at every ring too: the number's newest ended calls are read backwards along each of its two indexes, at
     * most {@link #CLIENT_LOOKBACK} each, so that a number called thousands of times without any client fields costs
     * what one called a few times does. Client fields older than that are too old to put on a card unasked.
     */
    ResultQuery<Record1<JSONB>> lastClientQuery(String normalized) {
        Table<Record2<Long, OffsetDateTime>> recent = recentEnded(CALLS.CALLER_NORMALIZED, normalized)
                .unionAll(recentEnded(CALLS.DIALED_NORMALIZED, normalized))
                .asTable("recent");
        return dsl.select(CALL_OFFERS.CLIENT_INFO)
                .from(recent)
                .join(CALL_OFFERS).on(CALL_OFFERS.CALL_ID.eq(recent.field(CALLS.ID)))
                .where(CALL_OFFERS.CLIENT_INFO.isNotNull())
                .orderBy(recent.field(CALLS.STARTED_AT).desc(), recent.field(CALLS.ID).desc(),
                        CALL_OFFERS.RING_AT.desc(), CALL_OFFERS.ID.desc())
                .limit(1);
    }

    private SelectLimitPercentStep<Record2<Long, OffsetDateTime>> recentEnded(Field<String> number,
                                                                             String normalized) {
        return dsl.select(CALLS.ID, CALLS.STARTED_AT)
                .from(CALLS)
                .where(number.eq(normalized), CALLS.ENDED_AT.isNotNull())
                .orderBy(CALLS.STARTED_AT.desc(), CALLS.ID.desc())
                .limit(CLIENT_LOOKBACK);
    }

    private List<CallHistoryEntry> history(String number, int limit, Condition which) {
        String normalized = numbers.normalize(number);
        if (normalized == null || limit < 1) {
            return List.of();
        }
        return historyQuery(normalized, limit, which).fetch(r -> {
            List<CallHistoryEntry.Note> offers = r.value9();
            // who answered, else the first operator it rang for
            String operator = r.value6() != null ? r.value6()
                    : offers.isEmpty() ? null : offers.getFirst().extension();
            String name = r.value7() != null ? r.value7() : operatorName(operator, offers);
            return new CallHistoryEntry(r.value1(), r.value2(), instant(r.value3()),
                    enumOf(CallDirection.class, r.value4()), enumOf(CallDisposition.class, r.value5()), operator,
                    name, r.value8(), offers.stream().filter(CallHistoryEntry.Note::hasContent).toList());
        });
    }

    /**
     * It runs at every ring, so it must not grow with the number's history: the newest calls from the number and the
     * newest calls to it are each read backwards along their index ({@code calls_caller_normalized_idx},
     * {@code calls_dialed_normalized_idx}), {@code limit} rows each, and the two short lists merged. With a single
     * {@code caller = ? or dialed = ?} PostgreSQL can only walk all calls newest first until it has met the number's,
     * or read and sort every call of the number: 18 to 44 ms instead of 0.2 ms for a number whose 3,000 calls are
     * months old among 100,000 ({@code CallReadsCostTest}).
     */
    ResultQuery<Record9<Long, String, OffsetDateTime, String, String, String, String, Long,
            List<CallHistoryEntry.Note>>> historyQuery(String normalized, int limit, Condition which) {
        Table<Record1<Long>> latest = latestCalls(CALLS.CALLER_NORMALIZED, normalized, limit, which)
                .union(latestCalls(CALLS.DIALED_NORMALIZED, normalized, limit, which))
                .asTable("latest");
        Field<Long> latestId = latest.field(CALLS.ID);
        Field<List<CallHistoryEntry.Note>> offers = DSL.multiset(
                        DSL.select(CALL_OFFERS.EXTENSION, OFFEREE.DISPLAY_NAME, CALL_OFFERS.NOTES,
                                        CALL_OFFERS.TAGS, CALL_OFFERS.PRIORITY, CALL_OFFERS.CLIENT_INFO)
                                .from(CALL_OFFERS)
                                .leftJoin(OFFEREE).on(OFFEREE.ID.eq(CALL_OFFERS.USER_ID))
                                // every offer, notes or not: who it rang for first, when nobody answered
                                .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID))
                                .orderBy(CALL_OFFERS.RING_AT, CALL_OFFERS.ID))
                .as("offers")
                .convertFrom(rows -> rows.map(r -> new CallHistoryEntry.Note(r.value1(), r.value2(), r.value3(),
                        StoredNotes.tags(r.value4()), StoredNotes.priority(r.value5()),
                        StoredNotes.clientInfo(r.value6()))));
        return dsl.select(CALLS.ID, CALLS.LINKEDID, CALLS.STARTED_AT, CALLS.DIRECTION, CALLS.DISPOSITION,
                        CALLS.ANSWERED_BY_EXTENSION, ANSWERER.DISPLAY_NAME, CALLS.TALK_MS, offers)
                .from(latest)
                .join(CALLS).on(CALLS.ID.eq(latestId))
                .leftJoin(ANSWERER).on(ANSWERER.ID.eq(CALLS.ANSWERED_BY_USER_ID))
                .orderBy(CALLS.STARTED_AT.desc(), CALLS.ID.desc())
                .limit(limit);
    }

    private SelectLimitPercentStep<Record1<Long>> latestCalls(Field<String> number, String normalized, int limit,
                                                             Condition which) {
        return dsl.select(CALLS.ID)
                .from(CALLS)
                .where(number.eq(normalized), which)
                .orderBy(CALLS.STARTED_AT.desc(), CALLS.ID.desc())
                .limit(limit);
    }

    private static String operatorName(String extension, List<CallHistoryEntry.Note> offers) {
        return offers.stream().filter(o -> Objects.equals(o.extension(), extension))
                .map(CallHistoryEntry.Note::operatorName).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private Optional<CallDetails> details(Condition which) {
        Optional<CallSummary> call = summaries().where(which).fetchOptional(CallRepository::summary);
        return call.map(c -> new CallDetails(c, offers(c.id()), transfers(c.id())));
    }

    private List<OfferDetails> offers(long callId) {
        return dsl.select(CALL_OFFERS.ID, CALL_OFFERS.EXTENSION, CALL_OFFERS.USER_ID, OFFEREE.DISPLAY_NAME,
                        CALL_OFFERS.RESULT, CALL_OFFERS.RING_AT, CALL_OFFERS.ANSWER_AT, CALL_OFFERS.END_AT,
                        CALL_OFFERS.RING_MS, CALL_OFFERS.TALK_MS, CALL_OFFERS.TRANSFERRED_FROM,
                        CALL_OFFERS.TRANSFERRED_TO, CALL_OFFERS.FINISHED_AT, CALL_OFFERS.WRAP_UP_MS,
                        CALL_OFFERS.PICKED_UP)
                .select(StoredNotes.COLUMNS)
                .from(CALL_OFFERS)
                .leftJoin(OFFEREE).on(OFFEREE.ID.eq(CALL_OFFERS.USER_ID))
                .where(CALL_OFFERS.CALL_ID.eq(callId))
                .orderBy(CALL_OFFERS.RING_AT, CALL_OFFERS.ID)
                .fetch(r -> new OfferDetails(
                        r.get(CALL_OFFERS.ID),
                        r.get(CALL_OFFERS.EXTENSION),
                        r.get(CALL_OFFERS.USER_ID),
                        r.get(OFFEREE.DISPLAY_NAME),
                        enumOf(OfferResult.class, r.get(CALL_OFFERS.RESULT)),
                        instant(r.get(CALL_OFFERS.RING_AT)),
                        instant(r.get(CALL_OFFERS.ANSWER_AT)),
                        instant(r.get(CALL_OFFERS.END_AT)),
                        r.get(CALL_OFFERS.RING_MS),
                        r.get(CALL_OFFERS.TALK_MS),
                        r.get(CALL_OFFERS.TRANSFERRED_FROM),
                        r.get(CALL_OFFERS.TRANSFERRED_TO),
                        StoredNotes.from(r),
                        instant(r.get(CALL_OFFERS.FINISHED_AT)),
                        r.get(CALL_OFFERS.WRAP_UP_MS),
                        r.get(CALL_OFFERS.PICKED_UP)));
    }

    private List<TransferDetails> transfers(long callId) {
        return dsl.selectFrom(CALL_TRANSFERS)
                .where(CALL_TRANSFERS.CALL_ID.eq(callId))
                .orderBy(CALL_TRANSFERS.SEQ)
                .fetch(t -> new TransferDetails(t.getSeq(), t.getFromExtension(), t.getToTarget(),
                        enumOf(TransferKind.class, t.getKind()), instant(t.getAt())));
    }

    private SelectOnConditionStep<Record> summaries() {
        return dsl.select(SUMMARY)
                .from(CALLS)
                .leftJoin(ANSWERER).on(ANSWERER.ID.eq(CALLS.ANSWERED_BY_USER_ID));
    }

    private Condition conditions(CallQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.operatorUserId() != null) {
            conditions.add(operatorsCall(query.operatorUserId()));
        }
        if (query.operatorExtension() != null) {
            String extension = numbers.normalize(query.operatorExtension());
            conditions.add(DSL.or(
                    DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                            .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), CALL_OFFERS.EXTENSION.eq(extension))),
                    CALLS.CALLER_NORMALIZED.eq(extension)));
        }
        if (query.from() != null) {
            conditions.add(CALLS.STARTED_AT.ge(time(query.from())));
        }
        if (query.to() != null) {
            conditions.add(CALLS.STARTED_AT.lt(time(query.to())));
        }
        if (query.number() != null) {
            String normalized = numbers.normalize(query.number());
            conditions.add(normalized == null ? DSL.falseCondition() : involves(normalized));
        }
        if (query.disposition() != null) {
            conditions.add(CALLS.DISPOSITION.eq(query.disposition().wireName()));
        }
        if (query.direction() != null) {
            conditions.add(CALLS.DIRECTION.eq(query.direction().wireName()));
        }
        if (query.reached() != null) {
            conditions.add(query.reached() ? REACHED_AT.isNotNull() : REACHED_AT.isNull());
        }
        conditions.add(JournalConditions.of(query.filter()));
        if (query.counted() != null) {
            conditions.add(query.counted().calls());
        }
        return DSL.and(conditions);
    }

    /** Calls the user took part in: offered to them, answered by them, or placed from one of their phones. */
    private static Condition operatorsCall(long user) {
        return DSL.or(
                DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                        .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), CALL_OFFERS.USER_ID.eq(user))),
                CALLS.ANSWERED_BY_USER_ID.eq(user),
                // calls the operator placed: outbound and internal calls from their phones
                CALLS.CALLER_NORMALIZED.in(DSL.select(USER_PHONES.NORMALIZED).from(USER_PHONES)
                        .where(USER_PHONES.USER_ID.eq(user))));
    }

    private static Condition involves(String normalized) {
        return CALLS.CALLER_NORMALIZED.eq(normalized).or(CALLS.DIALED_NORMALIZED.eq(normalized));
    }

    private static CallSummary summary(Record r) {
        return new CallSummary(
                r.get(CALLS.ID),
                r.get(CALLS.LINKEDID),
                enumOf(CallDirection.class, r.get(CALLS.DIRECTION)),
                r.get(CALLS.CALLER_NUMBER),
                r.get(CALLS.DIALED_NUMBER),
                r.get(CALLS.QUEUE),
                enumOf(CallerKind.class, r.get(CALLS.CALLER_KIND)),
                r.get(CALLS.CALLER_NAME),
                r.get(CALLS.CALLER_COMPANY),
                r.get(CALLS.CALLER_USER_ID),
                r.get(CALLS.CALLER_DEALER_ID),
                r.get(CALLS.CALLER_COMPANY_ID),
                enumOf(CallDisposition.class, r.get(CALLS.DISPOSITION)),
                r.get(CALLS.ANSWERED_BY_EXTENSION),
                r.get(CALLS.ANSWERED_BY_USER_ID),
                r.get(ANSWERER.DISPLAY_NAME),
                instant(r.get(CALLS.STARTED_AT)),
                instant(r.get(CALLS.ANSWERED_AT)),
                instant(r.get(CALLS.ENDED_AT)),
                r.get(CALLS.RING_MS),
                r.get(CALLS.TALK_MS),
                enumOf(HangupSide.class, r.get(CALLS.HANGUP_SIDE)),
                r.get(CALLS.HANGUP_CAUSE),
                r.get(CALLS.HANGUP_CAUSE_TEXT),
                instant(r.get("reached_at", OffsetDateTime.class)),
                notes(r.get("notes", String[].class)),
                r.get(CALLS.LINE_NAME),
                r.get(CALLS.LINE_SOURCE));
    }

    private static List<String> notes(String[] notes) {
        return notes == null ? List.of() : Arrays.stream(notes).filter(Objects::nonNull).toList();
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
}
