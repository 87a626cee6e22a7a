-- Zvonok schema, version 12: statistics that stay fast on years of calls (10 million and more).
--
-- 1. Two facts about a call that depend on later calls, kept on the call instead of looked up per row:
--    reached_at      - calls.Reached: when its other party was reached later (the first later answered inbound call
--                      from the number, or answered outbound call to it); null while not yet. The missed list and
--                      the call-backs read it instead of two index lookups per missed call.
--    next_inbound_at - for an inbound call: when the same number called in next (any outcome). Repeat callers are
--                      the answered calls whose next_inbound_at is within 24 hours.
--    Both are kept by the triggers below in the writer's transaction and recomputed by "server-lite stats rebuild".
alter table calls add column reached_at timestamp with time zone;
alter table calls add column next_inbound_at timestamp with time zone;

-- "the calls of this number before this moment" for the triggers' updates
create index calls_dialed_outbound_idx on calls (dialed_normalized, started_at) where direction = 'outbound';

-- 2. Repeat callers in the hourly rows: answered calls from a known number, and those of them called again in 24 h.
alter table stats_hour_calls add column answered_known bigint not null default 0;
alter table stats_hour_calls add column repeated bigint not null default 0;

-- 3. The call centre's days: the day roll-ups below are kept per business day (its zone and day boundary).
alter table stats_hour_settings add column zone varchar(64);
alter table stats_hour_settings add column day_starts_at time;

-- 4. Daily roll-ups of the hourly rows, recomputed from them whenever one of the day's hours is: a month's figures
--    add up ~30 rows per key instead of ~420 (open hours). Every column but the keys is a sum of the hourly rows'
--    (longest_wait_seconds the max): a figure added to the hourly rows is one more column here.
--    day: when the business day starts. Days whose start or end is not a whole UTC hour have none.
create table stats_day_calls (
    day                  timestamp with time zone not null,
    direction            varchar(16)  not null,
    line                 varchar(200),
    queue                varchar(80),
    calls                bigint       not null,
    ended                bigint       not null,
    answered             bigint       not null,
    missed               bigint       not null,
    abandoned            bigint       not null,
    busy                 bigint       not null,
    failed               bigint       not null,
    within_threshold     bigint       not null,
    short_abandons       bigint       not null,
    answer_wait_seconds  double precision not null,
    longest_wait_seconds double precision,
    answered_known       bigint       not null,
    repeated             bigint       not null
);
create index stats_day_calls_day_idx on stats_day_calls (day);

-- the operators' parts per day and operator (no line, no queue: the operators table and the work figures)
create table stats_day_parts (
    day                  timestamp with time zone not null,
    direction            varchar(16)  not null,
    user_id              bigint,
    call_ended           boolean      not null,
    offers               bigint       not null,
    answered             bigint       not null,
    missed               bigint       not null,
    answered_elsewhere   bigint       not null,
    transfers_in         bigint       not null,
    transfers_out        bigint       not null,
    talk_ms              bigint       not null,
    hold_ms              bigint       not null, -- V11's, inside the talk
    wrapped              bigint       not null,
    wrapped_talk_ms      bigint       not null,
    wrap_ms              bigint       not null,
    handled              bigint       not null,
    handled_ms           bigint       not null
);
create index stats_day_parts_day_idx on stats_day_parts (day);

-- the parts per day and queue, every operator together (the inbound handle time, per queue)
create table stats_day_queue_parts (
    day                  timestamp with time zone not null,
    direction            varchar(16)  not null,
    queue                varchar(80),
    call_ended           boolean      not null,
    offers               bigint       not null,
    answered             bigint       not null,
    missed               bigint       not null,
    answered_elsewhere   bigint       not null,
    transfers_in         bigint       not null,
    transfers_out        bigint       not null,
    talk_ms              bigint       not null,
    hold_ms              bigint       not null, -- V11's, inside the talk
    wrapped              bigint       not null,
    wrapped_talk_ms      bigint       not null,
    wrap_ms              bigint       not null,
    handled              bigint       not null,
    handled_ms           bigint       not null
);
create index stats_day_queue_parts_day_idx on stats_day_queue_parts (day);

-- 5. A supervisor's figures: which operators each call involved, with the call's figures on each row. Aggregate rows
--    cannot be summed over a team (a call that rang two of its operators would count twice); these rows are read
--    for the team's operators and summed once per call. Kept per hour like the hourly rows (recomputed with them).
--    Every count is 0 or 1 for the call (the hourly rows' definitions, per call); own_* are this operator's parts.
create table stats_call_operators (
    call_id              bigint       not null,
    user_id              bigint       not null,
    started_at           timestamp with time zone not null,
    hour                 timestamp with time zone not null,
    direction            varchar(16)  not null,
    line                 varchar(200),
    queue                varchar(80),
    rang                 boolean      not null, -- the call rang this operator (an offer)
    placed               boolean      not null, -- this operator placed the call (outbound, internal)
    ended                integer      not null,
    answered             integer      not null,
    missed               integer      not null,
    abandoned            integer      not null,
    busy                 integer      not null,
    failed               integer      not null,
    within_threshold     integer      not null,
    short_abandons       integer      not null,
    answer_wait_seconds  double precision not null,
    longest_wait_seconds double precision,
    answered_known       integer      not null,
    repeated             integer      not null,
    handled              bigint       not null, -- the call's parts with a known handle time (see stats_hour_parts)
    handled_ms           bigint       not null,
    own_handled          bigint       not null, -- of those, this operator's
    own_handled_ms       bigint       not null
);
create index stats_call_operators_user_idx on stats_call_operators (user_id, started_at);
create index stats_call_operators_hour_idx on stats_call_operators (hour);

-- [jooq ignore start]
-- A call changed: the kept facts of the calls of its numbers before it follow.
create function calls_kept_before() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.caller_normalized is not distinct from old.caller_normalized
            and new.started_at = old.started_at and new.direction = old.direction then
        return new;
    end if;
    new.reached_at := least(
        (select min(l.started_at) from calls l
         where l.caller_normalized = new.caller_normalized and l.started_at > new.started_at
           and l.disposition = 'answered' and l.direction = 'inbound'),
        (select min(l.started_at) from calls l
         where l.dialed_normalized = new.caller_normalized and l.started_at > new.started_at
           and l.disposition = 'answered' and l.direction = 'outbound'));
    new.next_inbound_at := case when new.direction = 'inbound' then
        (select min(l.started_at) from calls l
         where l.caller_normalized = new.caller_normalized and l.started_at > new.started_at
           and l.direction = 'inbound') end;
    return new;
end
$$;

-- the calls of number n whose reached_at was t: t no longer reaches them, the next one does
create function calls_reached_again(n varchar, t timestamp with time zone) returns void language sql as $$
    update calls c set reached_at = least(
        (select min(l.started_at) from calls l
         where l.caller_normalized = c.caller_normalized and l.started_at > c.started_at
           and l.disposition = 'answered' and l.direction = 'inbound'),
        (select min(l.started_at) from calls l
         where l.dialed_normalized = c.caller_normalized and l.started_at > c.started_at
           and l.disposition = 'answered' and l.direction = 'outbound'))
    where c.caller_normalized = n and c.started_at < t and c.reached_at = t;
$$;

create function calls_kept_after() returns trigger language plpgsql as $$
declare
    -- an update that keeps the call where it was among its number's calls (the recorder's answer and hang-up)
    same_place boolean := tg_op = 'UPDATE' and new.caller_normalized is not distinct from old.caller_normalized
        and new.started_at = old.started_at and new.direction = old.direction;
    old_reaches varchar;
    new_reaches varchar;
begin
    if tg_op in ('UPDATE', 'DELETE') and old.disposition = 'answered' then
        old_reaches := case old.direction when 'inbound' then old.caller_normalized
                                          when 'outbound' then old.dialed_normalized end;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.disposition = 'answered' then
        new_reaches := case new.direction when 'inbound' then new.caller_normalized
                                          when 'outbound' then new.dialed_normalized end;
    end if;
    if same_place and old_reaches is not distinct from new_reaches then
        return null;
    end if;
    -- what the old call was to the calls before it is undone
    if old_reaches is not null and not (same_place and old_reaches is not distinct from new_reaches) then
        perform calls_reached_again(old_reaches, old.started_at);
    end if;
    if tg_op in ('UPDATE', 'DELETE') and not same_place and old.direction = 'inbound'
            and old.caller_normalized is not null then
        update calls c set next_inbound_at =
            (select min(l.started_at) from calls l
             where l.caller_normalized = c.caller_normalized and l.started_at > c.started_at
               and l.direction = 'inbound')
        where c.caller_normalized = old.caller_normalized and c.direction = 'inbound'
          and c.started_at < old.started_at and c.next_inbound_at = old.started_at;
    end if;
    -- the new call is the first reach, or the next inbound call, of the calls before it that had none earlier
    if new_reaches is not null then
        update calls set reached_at = new.started_at
        where caller_normalized = new_reaches and started_at < new.started_at
          and (reached_at is null or reached_at > new.started_at);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and not same_place and new.direction = 'inbound'
            and new.caller_normalized is not null then
        update calls set next_inbound_at = new.started_at
        where caller_normalized = new.caller_normalized and direction = 'inbound'
          and started_at < new.started_at and (next_inbound_at is null or next_inbound_at > new.started_at);
    end if;
    return null;
end
$$;

-- every call's kept facts from scratch, in one pass (the migration, "stats rebuild"); returns the calls changed
create function calls_keep_all() returns bigint language sql set work_mem = '256MB' as $$
    update calls set reached_at = null, next_inbound_at = null
    where caller_normalized is null and (reached_at is not null or next_inbound_at is not null);
    -- Each number's moments from the latest back, a call's own moment sorted before the reaches at the same
    -- instant: the earliest reach among the rows before a call is the earliest strictly later than it. (A frame
    -- from the partition's start lets PostgreSQL keep the running minimum; an "exclude" clause would make it
    -- recompute the frame for every row, quadratic in a busy number's calls.)
    with marks as (
        select caller_normalized as n, started_at as t, null::bigint as id from calls
        where disposition = 'answered' and direction = 'inbound' and caller_normalized is not null
        union all
        select dialed_normalized, started_at, null from calls
        where disposition = 'answered' and direction = 'outbound' and dialed_normalized is not null
        union all
        select caller_normalized, started_at, id from calls where caller_normalized is not null),
    reached as (
        select id, min(t) filter (where id is null) over (partition by n order by t desc, id is null
            rows between unbounded preceding and 1 preceding) as at
        from marks),
    inbound as (
        select caller_normalized as n, started_at as t, null::bigint as id from calls
        where direction = 'inbound' and caller_normalized is not null
        union all
        select caller_normalized, started_at, id from calls
        where direction = 'inbound' and caller_normalized is not null),
    nexts as (
        select id, min(t) filter (where id is null) over (partition by n order by t desc, id is null
            rows between unbounded preceding and 1 preceding) as at
        from inbound),
    kept as (
        select r.id, r.at as reached_at, x.at as next_inbound_at
        from reached r left join nexts x on x.id = r.id and x.id is not null
        where r.id is not null),
    changed as (
        update calls c set reached_at = k.reached_at, next_inbound_at = k.next_inbound_at
        from kept k
        where k.id = c.id
          and (c.reached_at is distinct from k.reached_at or c.next_inbound_at is distinct from k.next_inbound_at)
        returning 1)
    select count(*) from changed;
$$;

create trigger calls_kept_before_write before insert or update on calls
    for each row execute function calls_kept_before();
create trigger calls_kept_after_write after insert or update or delete on calls
    for each row when (pg_trigger_depth() < 1) execute function calls_kept_after();

-- a truncate fires no row trigger: the new rows go with the hourly rows
create or replace function stats_truncated() returns trigger language plpgsql as $$
begin
    delete from stats_hour_calls;
    delete from stats_hour_parts;
    delete from stats_call_operators;
    delete from stats_day_calls;
    delete from stats_day_parts;
    delete from stats_day_queue_parts;
    insert into stats_hour_stale (hour)
    select distinct date_trunc('hour', started_at, 'UTC') from calls
    on conflict do nothing;
    return null;
end
$$;

-- the calls recorded before this version
select calls_keep_all();

-- the missed list (reached=false) and the call-backs: the calls not reached yet, newest first (made after the fill
-- above, which would otherwise update it for every call)
create index calls_not_reached_idx on calls (started_at, id) where reached_at is null;
-- the call-backs' figures of a period: its missed calls and when each was reached, from the index alone
create index calls_missed_reached_idx on calls (started_at) include (reached_at, caller_normalized)
    where direction = 'inbound' and disposition in ('missed', 'abandoned');
-- every hour again: the new columns and tables
delete from stats_hour_settings;
-- [jooq ignore stop]
