-- MAU28 and MAU30: eligible users active in the 28 and the 30 reporting days ending on a day.
-- %1$s: eligibility of u. ?1 the first of the 30 days, ?2 the first of the 28, ?3 the last day,
-- ?4 true for the transacting policy.
select count(distinct d.user_id) filter (where d.day >= ?2), count(distinct d.user_id)
from user_activity_day d join users u on u.id = d.user_id
where d.day >= ?1 and d.day <= ?3 and (d.transacting or not ?4) and %1$s
