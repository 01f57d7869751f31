-- One user's rows in the activity tables by reporting day and table. %1$s: the labelled events
-- of the user ?1 from ?2 (inclusive) to ?3 (exclusive); ?4 the reporting zone.
select cast(timezone(?4, e.at) as date) as day, e.source, count(*), bool_or(e.transacting)
from (%1$s) e
group by 1, 2 order by 1, 2
