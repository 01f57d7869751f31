-- The eligible users with exactly (or at least) N active days in a window of days.
-- %1$s: eligibility of users u. ?1 the window's first day, ?2 its last day, ?3 true for the
-- transacting policy, ?4 N, ?5 true for exactly N, false for at least N.
with counted as (
  select d.user_id, count(*) as days
  from user_activity_day d join users u on u.id = d.user_id
  where d.day >= ?1 and d.day <= ?2 and (d.transacting or not ?3) and %1$s
  group by d.user_id
)
select u.id, u.phone, u.display_name, u.kind, u.created_at, u.last_activity_at, u.last_transaction_at
from counted c join users u on u.id = c.user_id
where c.days = ?4 or (not ?5 and c.days > ?4)
