-- The number of eligible users (users.entity.Eligibility), kept exact by triggers, so that the
-- metrics read one row instead of counting a million index entries on every request. Writers pay
-- only when eligibility can change: inserts and deletes (once per statement) and updates of status
-- or kind (rare); the tracker's updates of the activity columns fire nothing.
create table eligible_users (
    id    boolean primary key default true check (id),
    total bigint  not null
);
insert into eligible_users (total)
    select count(*) from users where status = 'ACTIVE' and kind in ('PERSONAL', 'BUSINESS');

create function eligible_users_inserted() returns trigger language plpgsql as $$
declare
    added bigint;
begin
    select count(*) into added from new_rows
        where status = 'ACTIVE' and kind in ('PERSONAL', 'BUSINESS');
    if added > 0 then
        update eligible_users set total = total + added;
    end if;
    return null;
end $$;

create function eligible_users_deleted() returns trigger language plpgsql as $$
declare
    removed bigint;
begin
    select count(*) into removed from old_rows
        where status = 'ACTIVE' and kind in ('PERSONAL', 'BUSINESS');
    if removed > 0 then
        update eligible_users set total = total - removed;
    end if;
    return null;
end $$;

create function eligible_users_changed() returns trigger language plpgsql as $$
begin
    update eligible_users set total = total
        + case when new.status = 'ACTIVE' and new.kind in ('PERSONAL', 'BUSINESS') then 1 else 0 end
        - case when old.status = 'ACTIVE' and old.kind in ('PERSONAL', 'BUSINESS') then 1 else 0 end;
    return null;
end $$;

create trigger users_eligible_inserted after insert on users
    referencing new table as new_rows for each statement execute function eligible_users_inserted();
create trigger users_eligible_deleted after delete on users
    referencing old table as old_rows for each statement execute function eligible_users_deleted();
create trigger users_eligible_changed after update of status, kind on users
    for each row when ((old.status, old.kind) is distinct from (new.status, new.kind))
    execute function eligible_users_changed();
