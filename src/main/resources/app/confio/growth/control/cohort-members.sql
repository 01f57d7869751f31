-- The eligible users of one retention cell: the cohort of one period, and of them those active in
-- the N-th period after it (mode on) or in it or any later period (on-or-after); N = 0 is the
-- cohort. %1$s: eligibility of users u.
-- ?1 the cohort's start, ?2 the next period's start, ?3 the cell's period start, ?4 the day after
-- the cell's period (on) or after everything (on-or-after), ?5 true for the transacting policy,
-- ?6 true for first-time cohorts (first seen in the cohort's period), false for recurring ones
-- (active in it).
with cohort as (
  select distinct d.user_id
  from user_activity_day d join users u on u.id = d.user_id
  where d.day >= ?1 and d.day < ?2 and (d.transacting or not ?5) and %1$s
    and not (?6 and exists (select 1 from user_activity_day f
                            where f.user_id = d.user_id and f.day < ?1
                              and (f.transacting or not ?5)))
)
select u.id, u.phone, u.display_name, u.kind, u.created_at, u.last_activity_at, u.last_transaction_at
from cohort k join users u on u.id = k.user_id
where exists (select 1 from user_activity_day a
              where a.user_id = k.user_id and a.day >= ?3 and a.day < ?4
                and (a.transacting or not ?5))
