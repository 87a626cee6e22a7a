-- Zvonok schema, version 11: how long each operator kept the caller on hold (Hold → Unhold), for the statistics.
--
-- A part's hold is inside its talk (answer → end of the part): a supervisor reads it as "of which on hold", and the
-- handle time (talk + wrap-up) already holds it once. It is the tracker's final account, written with the call's end;
-- a hold still running when the part ends (the caller hangs up, the operator transfers) counts up to that end.
-- Null for a part nobody answered, and for calls recorded before this version (their hold was never measured).
alter table call_offers add column hold_ms bigint;

-- The hourly rows' sum of it, over answered parts. Rows of hours before this version keep 0: nothing was measured.
alter table stats_hour_parts add column hold_ms bigint not null default 0;
