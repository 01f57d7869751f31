-- Per ISO week: eligible users active in it, and those active on five days or more of it.
-- %1$s: eligibility of u. ?1 first week's Monday, ?2 last week's Sunday, ?3 transacting policy.
select w, count(*), count(*) filter (where days >= 5)
from (select d.user_id, cast(date_trunc('week', cast(d.day as timestamp)) as date) as w,
             count(*) as days
      from user_activity_day d join users u on u.id = d.user_id
      where d.day between ?1 and ?2 and (d.transacting or not ?3) and %1$s
      group by 1, 2) per_week
group by 1 order by 1
