-- Cohort retention of eligible users. %1$s: eligibility of users u.
-- ?1 unit ('day', 'week', 'month'), ?2 first cohort's start, ?3 the day after the last cohort,
-- ?4 true for the transacting policy, ?5 true for first-time cohorts, false for recurring.
-- Answers (cohort, period, users active in it, users whose last active period it is).
-- Each user's active periods are counted once, before cohorts are joined to them: a user's
-- first period is the one of the first day, and ?2 and ?3 are period boundaries.
with periods as (
  select d.user_id, cast(date_trunc(?1, cast(d.day as timestamp)) as date) as p
  from user_activity_day d join users u on u.id = d.user_id
  where (d.transacting or not ?4) and %1$s
  group by 1, 2
), cohort as (
  select user_id, min(p) as c
  from periods where ?5
  group by user_id having min(p) >= ?2 and min(p) < ?3
  union all
  select user_id, p
  from periods where not ?5 and p >= ?2 and p < ?3
), later as (
  select k.user_id, k.c, h.p
  from cohort k join periods h on h.user_id = k.user_id and h.p >= k.c
), active as (
  select c, p, count(*) as users from later group by 1, 2
), last_seen as (
  select c, last_p as p, count(*) as users
  from (select user_id, c, max(p) as last_p from later group by 1, 2) l
  group by 1, 2
)
select coalesce(a.c, l.c), coalesce(a.p, l.p), coalesce(a.users, 0), coalesce(l.users, 0)
from active a full join last_seen l on l.c = a.c and l.p = a.p
order by 1, 2
