-- "Reached since" (calls.Reached: the missed list, the statistics' call-backs) asks, for each missed call, for the
-- first later answered call from that number and the first later answered call to it. These partial indexes hold
-- exactly those calls, in the order asked, so each lookup is the first entry after a point of one index.
create index calls_answered_inbound_from_idx on calls (caller_normalized, started_at)
    where disposition = 'answered' and direction = 'inbound';
create index calls_answered_outbound_to_idx on calls (dialed_normalized, started_at)
    where disposition = 'answered' and direction = 'outbound';
