-- A number that moves whenever what the growth reports read changes: a row of user_activity_day
-- inserted, updated or deleted (by tracking, a backfill, or anyone's SQL), the table truncated, or a
-- user's status or kind changed (eligibility) or a user deleted. Answers computed under one value
-- are still right while it holds; the reports' cache compares it before serving one.
--
-- A sequence, not a row: nextval takes no row lock and is not rolled back, so writers never wait on
-- one another for it, and a bump seen by a reader before its writer commits only costs a recompute.
-- The triggers are per statement and look at the statement's transition table, so a statement that
-- changed no row (an "on conflict do update ... where" that found nothing to do) bumps nothing.
create sequence history_generation;
select nextval('history_generation');

create function history_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    perform nextval('history_generation');
  elsif tg_op = 'DELETE' then
    if exists (select 1 from old_rows) then
      perform nextval('history_generation');
    end if;
  elsif exists (select 1 from new_rows) then
    perform nextval('history_generation');
  end if;
  return null;
end $$;

create trigger user_activity_day_inserted after insert on user_activity_day
  referencing new table as new_rows for each statement execute function history_changed();
create trigger user_activity_day_updated after update on user_activity_day
  referencing new table as new_rows for each statement execute function history_changed();
create trigger user_activity_day_deleted after delete on user_activity_day
  referencing old table as old_rows for each statement execute function history_changed();
create trigger user_activity_day_truncated after truncate on user_activity_day
  for each statement execute function history_changed();

create function eligibility_changed() returns trigger language plpgsql as $$
begin
  perform nextval('history_generation');
  return null;
end $$;

create trigger users_eligibility_changed after update of status, kind on users
  for each row when (old.status is distinct from new.status or old.kind is distinct from new.kind)
  execute function eligibility_changed();
create trigger users_deleted after delete on users
  for each statement execute function eligibility_changed();
