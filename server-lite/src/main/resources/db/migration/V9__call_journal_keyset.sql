-- Zvonok schema, version 9: the call journal pages by keyset, (started_at, id) newest first; this index serves that
-- order and the seek past the last call of a page, so that the thousandth page costs what the first does.
create index calls_started_id_idx on calls (started_at, id);
