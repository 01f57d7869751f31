-- Trades get a payment window: the buyer must mark the trade paid before payment_deadline, or it
-- expires and the escrow returns to the seller. taker_id is who opened the trade (the buyer on a
-- SELL offer, the seller on a BUY offer), for the cap on a taker's unpaid trades.
alter table p2p_trades add column payment_deadline timestamptz;
alter table p2p_trades add column taker_id bigint references users;

update p2p_trades t
   set payment_deadline = t.created_at + interval '30 minutes',
       taker_id = case when o.side = 'SELL' then t.buyer_id else t.seller_id end
  from p2p_offers o
 where o.id = t.offer_id;

alter table p2p_trades alter column payment_deadline set not null;
alter table p2p_trades alter column taker_id set not null;

alter table p2p_trades drop constraint p2p_trades_status_check;
alter table p2p_trades add constraint p2p_trades_status_check
    check (status in ('PENDING_PAYMENT', 'PAID', 'RELEASED', 'CANCELLED', 'DISPUTED', 'EXPIRED'));

-- What the expiry timer reads, and what the cap counts: only unpaid trades, a small part of all.
create index p2p_trades_unpaid_deadline_idx on p2p_trades (payment_deadline)
    where status = 'PENDING_PAYMENT';
create index p2p_trades_unpaid_taker_idx on p2p_trades (taker_id)
    where status = 'PENDING_PAYMENT';

-- An expiry is the system's step, nobody's activity: its event has no actor.
alter table p2p_trade_events alter column actor_id drop not null;
