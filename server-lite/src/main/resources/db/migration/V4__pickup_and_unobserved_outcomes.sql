-- Zvonok schema, version 4: call pickup, and outcomes that were not observed.

-- An operator may take a call that rang on another phone (call pickup: *8, PickupChan). That operator's part of the
-- call is a row of call_offers like any other (their card, their notes), but their phone never rang: statistics
-- count it as answered, never as offered.
alter table call_offers add column picked_up boolean not null default false;

-- When the link to the PBX is cut while a call rings and the call is gone when the server looks again, how it ended
-- was not seen: it is recorded as 'unknown' instead of a guessed 'missed' or 'abandoned'.
alter table calls drop constraint calls_disposition_check;
alter table calls add constraint calls_disposition_check
    check (disposition in ('answered', 'missed', 'busy', 'abandoned', 'failed', 'unknown'));
alter table call_offers drop constraint call_offers_result_check;
alter table call_offers add constraint call_offers_result_check check (result in
    ('answered', 'missed', 'answered_elsewhere', 'busy', 'rejected', 'transferred', 'abandoned', 'unknown'));
