-- Zvonok schema, version 17: the click-to-call failures ("dial-failed") the operators' apps have not acknowledged yet.
--
-- A failure is told to every open socket of the user who asked, and kept here until one of their apps answers
-- "ack-dial-failed" with its id: a word written into a socket the server has not yet seen die (a laptop's lid closed,
-- a half-open connection) is told again on the user's next socket, and a server restart forgets none. Bounded as the
-- server's memory is: a row older than 5 minutes is of no use and is deleted, and at most 20 per user are kept, the
-- newest (dialfailures.KeptDialFailures says why).
create table kept_dial_failures (
    -- the failure's id on the wire: what the app acknowledges, and how it knows a word told again
    id       uuid        primary key,
    user_id  bigint      not null references users (id) on delete cascade,
    -- the originate's ref, the number asked, as the client sent them (unbounded: never refused for its length)
    ref      text,
    number   text,
    reason   varchar(16) not null,
    message  text,
    -- when the PBX said it (or its silence was given up on): the word's "keptSince" when told late
    said_at  timestamp with time zone not null
);
create index kept_dial_failures_user_idx on kept_dial_failures (user_id, said_at);
create index kept_dial_failures_said_idx on kept_dial_failures (said_at);
