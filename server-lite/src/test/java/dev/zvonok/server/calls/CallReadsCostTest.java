package dev.zvonok.server.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the reads that run at every ring (the incoming-call card's history) and at every reconnect (the cards to
 * restore) cost: logged, never asserted (timings on a shared machine prove nothing). 100,000 calls over a year; the
 * dealer's number took part in 7,000 of them (5,000 from it, 2,000 to it), a number that stopped calling in 3,000 in
 * January, a one-off caller in one. Look for "cost" in the test output (CallReadsCostTest-output.txt).
 */
class CallReadsCostTest {

    private static final dev.zvonok.server.db.schema.tables.Calls CALLS_TABLE =
            dev.zvonok.server.db.schema.Tables.CALLS;

    private static final Logger log = LoggerFactory.getLogger(CallReadsCostTest.class);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final int CALLS = 100_000;
    private static final String FREQUENT = "+79271390907";
    private static final String ONE_OFF = "+79000012345";
    /** 3,000 calls, all in the first month of the year. */
    private static final String DORMANT = "+79170000001";

    private static CallRepository calls;
    private static CallCards cards;
    private static long ivanov;

    @BeforeAll
    static void aYearOfCalls() {
        RecorderFixture fixture = new RecorderFixture(db.dsl());
        calls = new CallRepository(db.dsl(), fixture.numbers);
        cards = new CallCards(db.dsl(), fixture.numbers);
        ivanov = fixture.userId("ivanov");
        long started = System.nanoTime();
        // bulk test data in plain SQL: generate_series says it shortest
        db.dsl().execute("""
                insert into calls (linkedid, direction, caller_number, caller_normalized, dialed_number,
                                   dialed_normalized, disposition, answered_by_extension, answered_by_user_id,
                                   started_at, answered_at, ended_at, talk_ms)
                select 'bulk-' || i,
                       case when i % 50 = 0 then 'outbound' else 'inbound' end,
                       c.caller, c.caller,
                       case when i % 50 = 0 then ? else '+74951234567' end,
                       case when i % 50 = 0 then ? else '+74951234567' end,
                       'answered', '777', ?,
                       t, t + interval '3 seconds', t + interval '60 seconds', 57000
                from generate_series(1, ?) i
                cross join lateral (select case when i % 50 = 0 then '777'
                                                when i % 20 = 0 then ?
                                                when i < 9000 and i % 3 = 1 then ?
                                                else '+7900' || lpad(i::text, 7, '0') end as caller,
                                           timestamptz '2026-01-01 00:00:00+00' + i * interval '5 minutes' as t) c
                """, FREQUENT, FREQUENT, ivanov, CALLS, FREQUENT, DORMANT);
        db.dsl().execute("""
                insert into call_offers (call_id, extension, user_id, ring_at, answer_at, end_at, result, notes,
                                         notes_version, finished_at)
                select id, '777', ?, started_at, answered_at, ended_at, 'answered',
                       case when id % 3 = 0 then 'Заметка к звонку ' || id end, 1, ended_at + interval '20 seconds'
                from calls
                """, ivanov);
        db.dsl().execute("analyze");
        log.info("cost: {} calls written in {} ms", CALLS, (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void historyOfAFrequentAndOfAOneOffNumber() {
        assertThat(calls.history(FREQUENT, 3)).hasSize(3);
        assertThat(calls.history(ONE_OFF, 3)).hasSize(1);

        assertThat(calls.history(DORMANT, 3)).hasSize(3);

        for (String number : List.of(FREQUENT, DORMANT)) {
            logPlan(number + ", as lastCalls() reads it",
                    calls.historyQuery(number, 3, CALLS_TABLE.ENDED_AT.isNotNull()));
            logPlan(number + ", the same calls with a single 'or' (the shape before)", db.dsl()
                    .select(CALLS_TABLE.ID)
                    .from(CALLS_TABLE)
                    .where(CALLS_TABLE.CALLER_NORMALIZED.eq(number).or(CALLS_TABLE.DIALED_NORMALIZED.eq(number)))
                    .orderBy(CALLS_TABLE.STARTED_AT.desc(), CALLS_TABLE.ID.desc())
                    .limit(3));
        }
        logPlan(FREQUENT + ", its last client fields (none among 7,000 calls), as lastClient() reads them",
                calls.lastClientQuery(FREQUENT));
        assertThat(calls.lastClient(FREQUENT)).isNull();
        time("frequent number (7,000 calls)", FREQUENT);
        time("dormant number (3,000 old calls)", DORMANT);
        time("one-off number (1 call)", ONE_OFF);
        time("unknown number (0 calls)", "+79009999999");
    }

    /** Every reconnect reads the operator's open cards; every one of their 100,000 offers is closed but the last. */
    @Test
    void cardsToRestoreOfAnOperatorWithAYearOfClosedCards() {
        db.dsl().execute("update call_offers set finished_at = null where call_id = (select max(id) from calls)");

        assertThat(cards.awaitingFinish(ivanov)).hasSize(1);
        logPlan("the cards to restore", cards.awaitingFinishQuery(ivanov));
        db.dsl().execute("drop index call_offers_awaiting_finish_idx");
        logPlan("the cards to restore WITHOUT V3", cards.awaitingFinishQuery(ivanov));
    }

    private static void time(String what, String number) {
        for (int i = 0; i < 200; i++) {
            calls.numberHistory(number, 3);
        }
        int runs = 1_000;
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            calls.numberHistory(number, 3);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        log.info("history cost, {}: median {} µs, p90 {} µs, p99 {} µs, mean {} µs over {} calls of "
                        + "CallRepository.numberHistory(number, 3) (jOOQ, pool, two round trips: the last calls and "
                        + "the last client fields)", what,
                micros[runs / 2], micros[runs * 9 / 10], micros[runs * 99 / 100],
                Arrays.stream(micros).sum() / runs, runs);
    }

    private static void logPlan(String what, org.jooq.Query query) {
        List<String> plan = db.dsl().fetch("explain (analyze, buffers) " + query.getSQL(ParamType.INLINED))
                .getValues(0, String.class);
        log.info("cost, plan for {}:\n{}", what, plan.stream().collect(Collectors.joining("\n")));
    }
}
