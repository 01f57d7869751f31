-- Eligible users by the number of days they were active in a window. %1$s: eligibility of u.
-- ?1 first day, ?2 last day of the window, ?3 true for the transacting policy.
select days, count(*)
from (select d.user_id, count(*) as days
      from user_activity_day d join users u on u.id = d.user_id
      where d.day between ?1 and ?2 and (d.transacting or not ?3) and %1$s
      group by 1) per_user
group by 1 order by 1
