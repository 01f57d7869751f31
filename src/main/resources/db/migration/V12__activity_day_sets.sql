-- The growth reports' day sets (growth/control/DaySets): per past reporting day, the ids of the
-- users active on it, as compressed bitmaps, both policies; and the ids of those first seen on it.
-- They are derived from user_activity_day and kept only while that day's rows are unchanged.
--
-- activity_day_changes: the last change to each past day's rows. Triggers on user_activity_day
-- write it in the writer's own transaction, so a reader sees a day's rows and the day's version
-- from one snapshot. A set built at version v is good while its day's version is still v (the
-- first-seen sets: while no day up to theirs has moved past it). Only days before the UTC
-- yesterday are recorded: the hot path (today's rows) never touches this table. Sets are kept
-- only for days before the UTC day before yesterday, so a writer whose transaction started a
-- whole day earlier is still recorded; later days are always read from the rows themselves.
-- The version is taken after the day's row lock (on conflict ... nextval), so a later change
-- always has the higher number. Day '-infinity' is written by a truncate: every day changed.
create sequence activity_day_version;

create table activity_day_changes (
    day     date   primary key,
    version bigint not null
);

create function activity_days_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    insert into activity_day_changes (day, version)
    values ('-infinity', nextval('activity_day_version'))
    on conflict (day) do update set version = nextval('activity_day_version');
    return null;
  end if;
  -- in day order, so that two statements changing the same days lock them in the same order
  if tg_op = 'DELETE' then
    insert into activity_day_changes (day, version)
    select day, nextval('activity_day_version')
    from (select distinct day from old_rows
          where day < cast(now() at time zone 'utc' as date) - 1 order by day) changed
    on conflict (day) do update set version = nextval('activity_day_version');
  elsif tg_op = 'UPDATE' then
    insert into activity_day_changes (day, version)
    select day, nextval('activity_day_version')
    from (select day from old_rows union select day from new_rows) changed
    where day < cast(now() at time zone 'utc' as date) - 1
    order by day
    on conflict (day) do update set version = nextval('activity_day_version');
  else
    insert into activity_day_changes (day, version)
    select day, nextval('activity_day_version')
    from (select distinct day from new_rows
          where day < cast(now() at time zone 'utc' as date) - 1 order by day) changed
    on conflict (day) do update set version = nextval('activity_day_version');
  end if;
  return null;
end $$;

create trigger user_activity_day_sets_inserted after insert on user_activity_day
  referencing new table as new_rows for each statement execute function activity_days_changed();
create trigger user_activity_day_sets_updated after update on user_activity_day
  referencing old table as old_rows new table as new_rows
  for each statement execute function activity_days_changed();
create trigger user_activity_day_sets_deleted after delete on user_activity_day
  referencing old table as old_rows for each statement execute function activity_days_changed();
create trigger user_activity_day_sets_truncated after truncate on user_activity_day
  for each statement execute function activity_days_changed();

-- One row per past day: the users active (app-active, transacting) at version `version`; the users
-- first seen on it (first active day ever under each policy) at `first_version`, the highest
-- change version of any day up to this one when they were computed. Portable RoaringBitmap format.
create table activity_day_sets (
    day               date   primary key,
    version           bigint not null,
    active            bytea  not null,
    transacting       bytea  not null,
    first_version     bigint,
    first_active      bytea,
    first_transacting bytea
);

-- Building a day's set reads the day's user ids from the index alone.
create index user_activity_day_day_users_idx on user_activity_day (day, transacting) include (user_id);
drop index user_activity_day_day_idx;

-- The users no metric counts (Eligibility's predicate negated), read by every growth report.
create index users_ineligible_idx on users (id)
  where not (status = 'ACTIVE' and kind in ('PERSONAL', 'BUSINESS'));
