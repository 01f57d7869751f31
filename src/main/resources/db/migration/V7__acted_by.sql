-- Who acted, when it was not the user: a staff member's id (the access token's act claim, RFC 8693)
-- on every row written on a user's behalf, NULL when the user acted himself. Such rows are nobody's
-- activity: the old method, the backfill, compare-methods and validate leave them out, as the
-- tracker does. A trade records the actor of its latest change, so a RELEASED trade says who
-- released it. Logins cannot happen under an act claim; the column is there for consistency.
-- Nullable columns without a default: no table is rewritten.
alter table login_events add column acted_by text;
alter table send_transactions add column acted_by text;
alter table payments add column acted_by text;
alter table conversions add column acted_by text;
alter table p2p_offers add column acted_by text;
alter table p2p_trades add column acted_by text;
alter table p2p_trade_events add column acted_by text;
alter table p2p_messages add column acted_by text;
alter table achievements_earned add column acted_by text;
alter table business_operations add column acted_by text;
