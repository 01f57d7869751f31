-- Lifecycle of eligible users per period. %1$s: eligibility of users u.
-- ?1 unit ('day', 'week', 'month'), ?2 the step as an interval ('1 week'),
-- ?3 first period's start, ?4 last period's start, ?5 true for the transacting policy.
-- Each user's active periods from the one before the range to its end, in order: the period
-- before an active one tells returning from resurrecting, the one after tells who went dormant.
-- A user whose first period in the range has no earlier one is new unless the history holds a day
-- before the range (one probe of the primary key per such user; never the whole history).
-- No CTE is probed per row: a correlated probe of a CTE is a scan of it, quadratic in the users.
with active as (
  select d.user_id, cast(date_trunc(?1, cast(d.day as timestamp)) as date) as p
  from user_activity_day d join users u on u.id = d.user_id
  where d.day >= cast(cast(?3 as date) - cast(?2 as interval) as date)
    and d.day < cast(cast(?4 as date) + cast(?2 as interval) as date)
    and (d.transacting or not ?5) and %1$s
  group by 1, 2
), marked as (
  select user_id, p, lag(p) over w as before, lead(p) over w as after
  from active window w as (partition by user_id order by p)
), counts as (
  select p,
         count(*) filter (where before is null and not exists (
           select 1 from user_activity_day f
           where f.user_id = m.user_id and (f.transacting or not ?5)
             and f.day < cast(cast(?3 as date) - cast(?2 as interval) as date))) as new_users,
         count(*) filter (where before = cast(p - cast(?2 as interval) as date)) as returning_users,
         count(*) as active_users
  from marked m where p >= cast(?3 as date) group by p
), dormant as (
  select cast(p + cast(?2 as interval) as date) as p, count(*) as users
  from marked
  where after is distinct from cast(p + cast(?2 as interval) as date)
  group by 1
)
select s.p, coalesce(c.new_users, 0), coalesce(c.returning_users, 0),
       coalesce(c.active_users - c.new_users - c.returning_users, 0), coalesce(d.users, 0)
from (select cast(g as date) as p
      from generate_series(cast(?3 as date), cast(?4 as date), cast(?2 as interval)) g) s
left join counts c on c.p = s.p
left join dormant d on d.p = s.p
order by s.p
