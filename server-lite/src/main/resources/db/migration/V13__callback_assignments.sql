-- Zvonok schema, version 13: missed calls a supervisor or an admin gave an operator to call back.
--
-- A row is kept on the missed call the list showed (the number's last one not called back); it counts while that
-- call's number has not been reached since (calls.Reached, the rule of the call-back list). Once it is, the server
-- deletes the row and tells the operator (the audit log keeps who gave what to whom). One number has at most one
-- assignee: assigning again replaces the row.
create table callback_assignments (
    call_id      bigint       primary key references calls (id) on delete cascade,
    -- the call's caller_normalized, kept here so that the number's rows are found without the calls table
    caller_normalized varchar(32) not null,
    user_id      bigint       not null references users (id) on delete cascade,
    assigned_by  bigint       references users (id) on delete set null,
    assigned_at  timestamp with time zone not null
);
create index callback_assignments_user_idx on callback_assignments (user_id);
create index callback_assignments_number_idx on callback_assignments (caller_normalized);
