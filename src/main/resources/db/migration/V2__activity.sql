-- Activity tracking: the two policies' timestamps on users, written only by the ActivityTracker,
-- and one row per user per reporting day on which the user was active.

-- last_activity_at (V1) is the app-active policy: any meaningful action, logins included.
-- last_transaction_at is the transacting policy: committed money movement only.
alter table users add column last_transaction_at timestamptz;
create index users_last_transaction_at_idx on users (last_transaction_at);

-- A row means the user was app-active that day; transacting says money moved too.
create table user_activity_day (
    user_id     bigint  not null references users,
    day         date    not null,
    transacting boolean not null default false,
    primary key (user_id, day)
);
create index user_activity_day_day_idx on user_activity_day (day, transacting);

-- The activity columns are updated all day long: vacuum often enough that index-only scans over
-- last_activity_at stay index-only.
alter table users set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
