-- The eligible users in one lifecycle bucket of one period. %1$s: eligibility of users u.
-- ?1 the period's start, ?2 the next period's start, ?3 the previous period's start,
-- ?4 true for the transacting policy, ?5 the bucket: active, new, returning, resurrecting, dormant.
-- The CTEs are joined, never probed per row: a correlated probe of a CTE is a scan of it.
with days as (
  select d.user_id, d.day
  from user_activity_day d join users u on u.id = d.user_id
  where d.day >= ?3 and d.day < ?2 and (d.transacting or not ?4) and %1$s
), now_active as (
  select distinct user_id from days where day >= ?1
), before_active as (
  select distinct user_id from days where day < ?1
), members as (
  select n.user_id,
         case when b.user_id is not null then 'returning'
              when (select min(f.day) from user_activity_day f
                    where f.user_id = n.user_id and (f.transacting or not ?4)) >= ?1 then 'new'
              else 'resurrecting' end as bucket
  from now_active n left join before_active b on b.user_id = n.user_id
  union all
  select b.user_id, 'dormant' from before_active b
  where not exists (select 1 from now_active n where n.user_id = b.user_id)
)
select u.id, u.phone, u.display_name, u.kind, u.created_at, u.last_activity_at, u.last_transaction_at
from members m join users u on u.id = m.user_id
where m.bucket = ?5 or (?5 = 'active' and m.bucket <> 'dormant')
