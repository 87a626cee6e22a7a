-- Zvonok schema, version 8: statistics kept per hour, so that a month's or a year's figures add up a few thousand
-- rows instead of millions of calls.
--
-- Every row is the sum over the calls that started in one whole UTC hour (the call centre's hours and days, in any
-- zone with a whole-hour offset, are unions of those; a period that is not is counted from the calls themselves).
-- The rows of an hour are never patched: a change to a call or an offer marks its hour stale (triggers below, in the
-- writer's own transaction), and the next reader recomputes each stale hour from the calls, whole — a follow-up that
-- can run any number of times with the same result, and the same code as "server-lite stats rebuild".

-- The figures of the calls of an hour, per direction, line and queue.
create table stats_hour_calls (
    hour                 timestamp with time zone not null,
    direction            varchar(16)  not null,
    -- the line's name as the call was given it, else the dialled number (StatsFilter.lineOf); null when neither
    line                 varchar(200),
    queue                varchar(80),
    calls                bigint       not null, -- every call, ended or not
    ended                bigint       not null, -- those with a disposition: the inbound figures' total
    answered             bigint       not null,
    missed               bigint       not null,
    abandoned            bigint       not null,
    busy                 bigint       not null,
    failed               bigint       not null,
    -- for the service level's threshold and short-abandon time in stats_hour_settings
    within_threshold     bigint       not null,
    short_abandons       bigint       not null,
    answer_wait_seconds  double precision not null, -- over answered calls, for the ASA
    longest_wait_seconds double precision           -- answered, missed and abandoned calls; null when none
);
create index stats_hour_calls_hour_idx on stats_hour_calls (hour);

-- The operators' parts (offers) in the calls of an hour, per operator, direction, line, queue and whether the call
-- has ended. Wrap-up counts here once the card was finished (capped at the wrap-up cap in stats_hour_settings); the
-- few answered parts whose card is still open are counted from call_offers at each question, their wrap-up depending
-- on the moment asked.
create table stats_hour_parts (
    hour                 timestamp with time zone not null,
    direction            varchar(16)  not null,
    line                 varchar(200),
    queue                varchar(80),
    user_id              bigint,           -- null: a phone of nobody known (counts in the inbound AHT)
    call_ended           boolean      not null,
    offers               bigint       not null,
    answered             bigint       not null,
    missed               bigint       not null,
    answered_elsewhere   bigint       not null,
    transfers_in         bigint       not null,
    transfers_out        bigint       not null,
    talk_ms              bigint       not null, -- answered parts
    wrapped              bigint       not null, -- answered parts whose card was finished
    wrapped_talk_ms      bigint       not null, -- their talk
    wrap_ms              bigint       not null, -- their wrap-up, capped
    handled              bigint       not null, -- of those, the parts that ended with a known talk: the inbound AHT's
    handled_ms           bigint       not null  -- their talk plus capped wrap-up
);
create index stats_hour_parts_hour_idx on stats_hour_parts (hour);

-- The hours to recompute.
create table stats_hour_stale (
    hour  timestamp with time zone primary key
);

-- What the rows were computed for; when the settings change, every hour is recomputed.
create table stats_hour_settings (
    id                     integer primary key,
    service_level_seconds  integer not null,
    short_abandon_seconds  integer not null,
    wrap_up_cap_ms         bigint  not null,
    constraint stats_hour_settings_one check (id = 1)
);

-- The call centre's statistics filter calls by queue and line: without these, checking that a queue exists would
-- read every call.
create index calls_queue_idx on calls (queue, started_at);
create index calls_line_name_idx on calls (line_name, started_at);

-- [jooq ignore start]
create function stats_calls_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into stats_hour_stale (hour)
        select distinct date_trunc('hour', started_at, 'UTC') from new_rows
        on conflict do nothing;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into stats_hour_stale (hour)
        select distinct date_trunc('hour', started_at, 'UTC') from old_rows
        on conflict do nothing;
    end if;
    return null;
end
$$;

create function stats_offers_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into stats_hour_stale (hour)
        select distinct date_trunc('hour', c.started_at, 'UTC') from new_rows o join calls c on c.id = o.call_id
        on conflict do nothing;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into stats_hour_stale (hour)
        select distinct date_trunc('hour', c.started_at, 'UTC') from old_rows o join calls c on c.id = o.call_id
        on conflict do nothing;
    end if;
    return null;
end
$$;

create trigger stats_calls_inserted after insert on calls
    referencing new table as new_rows for each statement execute function stats_calls_changed();
create trigger stats_calls_updated after update on calls
    referencing old table as old_rows new table as new_rows for each statement execute function stats_calls_changed();
create trigger stats_calls_deleted after delete on calls
    referencing old table as old_rows for each statement execute function stats_calls_changed();
create trigger stats_offers_inserted after insert on call_offers
    referencing new table as new_rows for each statement execute function stats_offers_changed();
create trigger stats_offers_updated after update on call_offers
    referencing old table as old_rows new table as new_rows for each statement execute function stats_offers_changed();
create trigger stats_offers_deleted after delete on call_offers
    referencing old table as old_rows for each statement execute function stats_offers_changed();

-- a truncate fires no row trigger: every hour left is recomputed
create function stats_truncated() returns trigger language plpgsql as $$
begin
    delete from stats_hour_calls;
    delete from stats_hour_parts;
    insert into stats_hour_stale (hour)
    select distinct date_trunc('hour', started_at, 'UTC') from calls
    on conflict do nothing;
    return null;
end
$$;
create trigger stats_calls_truncated after truncate on calls
    for each statement execute function stats_truncated();
create trigger stats_offers_truncated after truncate on call_offers
    for each statement execute function stats_truncated();

-- the calls recorded before this version
insert into stats_hour_stale (hour)
select distinct date_trunc('hour', started_at, 'UTC') from calls;
-- [jooq ignore stop]
