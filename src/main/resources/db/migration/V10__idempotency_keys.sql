-- What a money mutation answered, kept under the caller's idempotency key, so that a client that
-- retries after a timeout gets the first answer instead of moving the money twice. Stripe's model:
-- a key belongs to one user, the same key with other input is refused, and keys are kept for at
-- least a day (confio.idempotency.retention) before the purge deletes them.
create table idempotency_keys (
    user_id      bigint       not null references users,
    key          varchar(100) not null,
    operation    varchar(64)  not null,
    request_hash char(64)     not null,
    response     text         not null,
    created_at   timestamptz  not null default now(),
    primary key (user_id, key)
);
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
