-- Eligible users active in each calendar period. %1$s: eligibility of u.
-- ?1 unit ('week', 'month'), ?2 first period's start, ?3 the day after the last period,
-- ?4 true for the transacting policy.
select cast(date_trunc(?1, cast(d.day as timestamp)) as date), count(distinct d.user_id)
from user_activity_day d join users u on u.id = d.user_id
where d.day >= ?2 and d.day < ?3 and (d.transacting or not ?4) and %1$s
group by 1 order by 1
