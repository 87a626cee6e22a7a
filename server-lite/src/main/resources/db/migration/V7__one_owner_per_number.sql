-- Zvonok schema, version 7: a number belongs to one dealer and to one company at most, by the database's word too.
-- The administration checked this before writing, but two admins saving at the same moment could both pass the check;
-- a unique constraint cannot be raced (user_phones and lines have had theirs since V1 and V5). A number may still be a
-- dealer's and a company's and a user's at once: that is one owner of each kind.

-- [jooq ignore start]
do $$
declare
    shared text;
begin
    -- the same number twice on one owner is a slip with nothing to lose: the first entry stays
    delete from dealer_phone_numbers p using dealer_phone_numbers q
        where p.dealer_id = q.dealer_id and p.normalized = q.normalized and p.id > q.id;
    delete from phone_numbers_companies p using phone_numbers_companies q
        where p.company_id = q.company_id and p.normalized = q.normalized and p.id > q.id;

    -- a number of two owners is not this script's to decide: say which, and stop before anything changes
    select string_agg(owners, '; ') into shared from (
        select p.normalized || ': dealers ' || string_agg(d.name || ' (id ' || d.id || ')', ', ' order by d.id)
            as owners
        from dealer_phone_numbers p join dealers d on d.id = p.dealer_id
        group by p.normalized having count(*) > 1
        union all
        select p.normalized || ': companies ' || string_agg(c.name || ' (id ' || c.id || ')', ', ' order by c.id)
        from phone_numbers_companies p join companies c on c.id = p.company_id
        group by p.normalized having count(*) > 1) numbers;
    if shared is not null then
        raise exception using message = 'Zvonok 7: these numbers belong to more than one owner of a kind, and a'
            || ' ring can name only one caller: ' || shared || '. Remove each number from all but one owner'
            || ' (psql: delete from dealer_phone_numbers / phone_numbers_companies where id = ...), then start the'
            || ' server again.';
    end if;
end;
$$;
-- [jooq ignore stop]

drop index dealer_phone_numbers_normalized_idx;
alter table dealer_phone_numbers add constraint dealer_phone_numbers_normalized_key unique (normalized);

drop index phone_numbers_companies_normalized_idx;
alter table phone_numbers_companies add constraint phone_numbers_companies_normalized_key unique (normalized);
