-- Zvonok schema, version 15: which queues rang each operator, per business day.
--
-- A supervisor's inbound figures count every call of the queues their operators were rung from in the period
-- (StatsScope). Found in stats_call_operators, that is every row of the team's operators in the period: at 10
-- million calls, ~50,000 rows for a month of 10 operators, read again by each question of a summary (hundreds of ms).
-- Rolled up per day from the hourly parts (DailyRollups, recomputed with them), a month of 10 operators is ~1,000
-- rows found by the index below. offers: the operator's offers of those calls (the daily tables' figures are sums).
create table stats_day_operator_queues (
    day                  timestamp with time zone not null,
    direction            varchar(16)  not null,
    user_id              bigint,
    queue                varchar(80),
    call_ended           boolean      not null,
    offers               bigint       not null
);
create index stats_day_operator_queues_user_idx on stats_day_operator_queues (user_id, day);

-- [jooq ignore start]
-- a truncate fires no row trigger: the new rows go with the other daily rows
create or replace function stats_truncated() returns trigger language plpgsql as $$
begin
    delete from stats_hour_calls;
    delete from stats_hour_parts;
    delete from stats_call_operators;
    delete from stats_day_calls;
    delete from stats_day_parts;
    delete from stats_day_queue_parts;
    delete from stats_day_operator_queues;
    insert into stats_hour_stale (hour)
    select distinct date_trunc('hour', started_at, 'UTC') from calls
    on conflict do nothing;
    return null;
end
$$;

-- every row again at the next start (one statement per table over the calls), the new table's with them
delete from stats_hour_settings;
-- [jooq ignore stop]
