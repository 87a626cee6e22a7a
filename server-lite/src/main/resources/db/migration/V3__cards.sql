-- Zvonok schema, version 3: call cards ("Finish and close").

-- The cards an operator still has to close are looked up at every (re)connect: offers of theirs that were answered
-- and not finished. Nearly every offer is finished, so a partial index keeps that lookup proportional to the cards
-- open, not to the operator's whole history. H2, which replays these scripts for jOOQ's code generator, knows no
-- partial indexes; the code needs none of it anyway.
-- [jooq ignore start]
create index call_offers_awaiting_finish_idx on call_offers (user_id, ring_at)
    where finished_at is null and answer_at is not null;
-- [jooq ignore stop]

-- Before this version no client could close a card: every answered offer that had ended would otherwise come back
-- as a card to close. They were closed when they ended; how long wrap-up took is unknown.
update call_offers
set finished_at = end_at
where finished_at is null
  and answer_at is not null
  and end_at is not null;
