-- Zvonok schema, version 14: the operators' work time kept per business day, so that an admin's month of 1,000
-- operators adds up ~100,000 day rows instead of every stretch of the work-status log (V6) in it.
--
-- 1. The call centre's days as the server counts them (stats.BusinessDays: its zone and day boundary, DST-safe): one
--    row per day, its start; the next row's start is its end. The server writes them (stats.WorkDays) for the settings
--    named in stats_days_settings and rewrites them, with every row below, when those change. The database adds up
--    by these rows only, so it never has to know a time zone's rules itself.
create table stats_days (
    day          timestamp with time zone primary key
);
create table stats_days_settings (
    id           integer      primary key,
    zone         varchar(64)  not null,
    day_starts_at time        not null,
    constraint stats_days_settings_one_row check (id = 1)
);

-- 2. Per day × operator × status × break reason, the time of the log's closed stretches inside the day, in
--    microseconds (the log's own precision: a sum of them, rounded to milliseconds once, is what the log gives).
--    A stretch still open is not here: the readers add the few open ones themselves, up to "now".
--    Kept by the trigger below in the writer's transaction, for every day a stretch touches (a stretch across
--    midnight, or across the day boundary, counts in both days).
create table stats_day_work (
    day          timestamp with time zone not null,
    user_id      bigint       not null references users (id) on delete cascade,
    status       varchar(16)  not null,
    reason       varchar(32),
    spent_us     bigint       not null
);
-- An admin's month reads ~100,000 rows by day, a supervisor's a team's by operator: both from the index alone (the
-- rows' figures included), not from rows spread over the table. (H2, which replays these scripts for jOOQ's code
-- generator, knows no "include".)
-- [jooq ignore start]
create index stats_day_work_day_idx on stats_day_work (day) include (user_id, status, reason, spent_us);
create index stats_day_work_user_idx on stats_day_work (user_id, day) include (status, reason, spent_us);
-- [jooq ignore stop]

-- [jooq ignore start]
-- The closed stretches' time in the days starting at starts[1 .. n-1] (starts[n] ends the last one), of operator u
-- or of everybody (u null), added to stats_day_work: the days' rows must have been deleted first. width_bucket finds
-- a moment's day in the sorted starts; a stretch's days run from its start's day to the day of its last microsecond
-- (a stretch ending exactly at a day's start does not touch that day; one of no length counts 0 in its start's day).
-- Dynamic SQL, so that each call is planned for its own u (one operator's rows through the index, or everybody's).
create function stats_day_work_add(starts timestamptz[], u bigint) returns void language plpgsql as $f$
begin
    execute $q$
        insert into stats_day_work (day, user_id, status, reason, spent_us)
        select $1[i], w.user_id, w.status, w.reason,
               sum(extract(epoch from least(w.ended_at, $1[i + 1]) - greatest(w.started_at, $1[i])) * 1000000)::bigint
        from work_status_log w
        cross join lateral generate_series(greatest(1, width_bucket(w.started_at, $1)),
            least(cardinality($1) - 1, greatest(width_bucket(w.started_at, $1),
                                                width_bucket(w.ended_at - interval '1 microsecond', $1)))) i
        where w.ended_at is not null and w.started_at < $1[cardinality($1)]
          and ($2 is null or w.user_id = $2)
          -- one operator's stretches follow each other: none before their last one starting by the first day's
          -- start reaches into the days
          and w.started_at >= coalesce((select max(p.started_at) from work_status_log p
                                        where p.user_id = $2 and p.started_at <= $1[1]), '-infinity')
        group by 1, 2, 3, 4
        -- day by day, as the log's writers add them: a month's rows lie together
        order by 1
    $q$ using starts, u;
end
$f$;

-- Recomputes operator u's rows of the days [a, b] touches, from the log.
create function stats_day_work_recompute(u bigint, a timestamptz, b timestamptz) returns void language plpgsql as $f$
declare
    starts timestamptz[];
begin
    -- a user being deleted: the cascade deletes their rows, nothing to recompute
    if not exists (select 1 from users where id = u) then
        return;
    end if;
    -- writers take turns with a rebuild (WorkDays.LOCK, exclusive there), never with each other
    perform pg_advisory_xact_lock_shared(6508907957680619865);
    select array_agg(day order by day) into starts from stats_days
    where day >= coalesce((select max(d.day) from stats_days d where d.day <= a), '-infinity')
      and day <= coalesce((select min(d.day) from stats_days d where d.day > b), 'infinity');
    if starts is null or cardinality(starts) < 2 then
        return;
    end if;
    delete from stats_day_work where user_id = u and day >= starts[1] and day < starts[cardinality(starts)];
    perform stats_day_work_add(starts, u);
end
$f$;

-- A stretch written, closed, changed or deleted: the days it touched and touches are recomputed.
create function stats_day_work_follow() returns trigger language plpgsql as $f$
begin
    if tg_op = 'UPDATE' and new.user_id = old.user_id and new.status = old.status
            and new.reason is not distinct from old.reason and new.started_at = old.started_at
            and new.ended_at is not distinct from old.ended_at then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.ended_at is not null then
        perform stats_day_work_recompute(old.user_id, old.started_at, old.ended_at);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.ended_at is not null then
        perform stats_day_work_recompute(new.user_id, new.started_at, new.ended_at);
    end if;
    return null;
end
$f$;

create trigger stats_day_work_follow after insert or update or delete on work_status_log
    for each row execute function stats_day_work_follow();

-- a truncate fires no row trigger
create function stats_day_work_truncated() returns trigger language plpgsql as $f$
begin
    delete from stats_day_work;
    return null;
end
$f$;
create trigger stats_day_work_truncated after truncate on work_status_log
    for each statement execute function stats_day_work_truncated();
-- [jooq ignore stop]

-- 3. The logs written before this version: stats_days_settings is empty, so the server's first start (WorkDays.adopt,
--    as for V12's day rows) writes the days for its configured zone and boundary and adds up every stretch of the log
--    into them in one statement; `server-lite stats rebuild` does the same ahead of time.
