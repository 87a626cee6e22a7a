-- Zvonok schema, version 16: a team's per-call operator rows read from the index alone.
--
-- A supervisor's figures read their operators' rows of stats_call_operators for the period (CallOperatorRows.calls):
-- ~5,000 rows for a month of 10 operators at 1 million calls, ~55,000 at 10 million, read again by each question of a
-- summary (inbound, its handle time, repeat callers, directions). The rows are written in call order, so a team's
-- month lies one row per heap page over the whole month of every operator: at 1 million calls one such question read
-- 5,300 pages (20 ms cached, 350 ms from disk) for 5,000 rows. With the direction in the key (each question asks one
-- direction, or outbound and internal) and every column the questions read included, the same rows are ~100 index
-- pages read in order and no heap (2.6 ms): the heap is only read for rows written since the last vacuum.
-- The index is as large as the table (240 MB at 1 million calls). It replaces V12's (user_id, started_at), whose every
-- use names a direction too. (H2, which replays these scripts for jOOQ's code generator, knows no "include".)
-- [jooq ignore start]
drop index stats_call_operators_user_idx;
create index stats_call_operators_team_idx on stats_call_operators (user_id, direction, started_at)
    include (call_id, hour, line, queue, rang, placed, ended, answered, missed, abandoned, busy, failed,
             within_threshold, short_abandons, answer_wait_seconds, longest_wait_seconds, answered_known, repeated,
             handled, handled_ms, own_handled, own_handled_ms);
-- [jooq ignore stop]
