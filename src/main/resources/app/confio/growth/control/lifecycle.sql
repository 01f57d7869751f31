-- Lifecycle of eligible users per period. %1$s: eligibility of users u.
-- ?1 unit ('day', 'week', 'month'), ?2 the step as an interval ('1 week'),
-- ?3 first period's start, ?4 last period's start, ?5 true for the transacting policy.
with active as (
  select d.user_id, cast(date_trunc(?1, cast(d.day as timestamp)) as date) as p
  from user_activity_day d join users u on u.id = d.user_id
  where d.day >= cast(cast(?3 as date) - cast(?2 as interval) as date)
    and d.day < cast(cast(?4 as date) + cast(?2 as interval) as date)
    and (d.transacting or not ?5) and %1$s
  group by 1, 2
), first_seen as (
  -- the first active day ever, from the whole history, not from the range
  select f.user_id, min(f.day) as first_day
  from user_activity_day f
  where f.user_id in (select user_id from active) and (f.transacting or not ?5)
  group by 1
), classified as (
  select a.p, s.first_day >= a.p as is_new,
         exists (select 1 from active b
                 where b.user_id = a.user_id
                   and b.p = cast(a.p - cast(?2 as interval) as date)) as was_active
  from active a join first_seen s on s.user_id = a.user_id
), counts as (
  select p, count(*) filter (where is_new) as new_users,
         count(*) filter (where was_active) as returning_users,
         count(*) filter (where not is_new and not was_active) as resurrecting_users
  from classified group by p
), dormant as (
  select cast(a.p + cast(?2 as interval) as date) as p, count(*) as users
  from active a
  where not exists (select 1 from active b
                    where b.user_id = a.user_id
                      and b.p = cast(a.p + cast(?2 as interval) as date))
  group by 1
)
select s.p, coalesce(c.new_users, 0), coalesce(c.returning_users, 0),
       coalesce(c.resurrecting_users, 0), coalesce(d.users, 0)
from (select cast(g as date) as p
      from generate_series(cast(?3 as date), cast(?4 as date), cast(?2 as interval)) g) s
left join counts c on c.p = s.p
left join dormant d on d.p = s.p
order by s.p
