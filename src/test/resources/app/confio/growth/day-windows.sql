-- DAU, WAU and MAU of a day, both policies, from the day rows: what a daily snapshot counted
-- before the day sets. %1$s: eligibility of u. ?1 the day, ?2 six days before, ?3 29 days before.
select count(distinct a.user_id) filter (where a.day = ?1),
       count(distinct a.user_id) filter (where a.day >= ?2),
       count(distinct a.user_id),
       count(distinct a.user_id) filter (where a.day = ?1 and a.transacting),
       count(distinct a.user_id) filter (where a.day >= ?2 and a.transacting),
       count(distinct a.user_id) filter (where a.transacting)
from user_activity_day a join users u on u.id = a.user_id
where a.day between ?3 and ?1 and %1$s
