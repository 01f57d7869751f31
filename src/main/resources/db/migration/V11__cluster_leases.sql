-- Once-per-cluster work fenced by the database, not by the data grid: two halves of a split
-- cluster each have a grid of their own, but they share one PostgreSQL. A lease is a named row; a
-- member takes it when it is free or expired (one atomic upsert, judged by the database's clock),
-- renews it while it works and gives it back when done. A job firing's lease is named after the
-- firing, so each firing runs once, whichever half of a split the member is in.
create table cluster_leases (
    name       varchar(200) primary key,
    holder     varchar(200) not null,
    taken_at   timestamptz  not null default now(),
    expires_at timestamptz  not null
);
create index cluster_leases_expires_at_idx on cluster_leases (expires_at);

-- Every member says, every few seconds, which data-grid cluster it is in (the cluster's oldest
-- member, as its own view has it), how many members that view holds and since when it has held
-- it. Two views alive at once under one cluster name are a split: the smaller half (of two equal
-- halves, the one that formed later) reports itself not ready until the grid has merged again.
create table cluster_members (
    member       varchar(64)  primary key,
    cluster_name varchar(200) not null,
    view         varchar(64)  not null,
    view_size    int          not null,
    view_since   timestamptz  not null,
    seen_at      timestamptz  not null
);

-- The last tracking validation, for every member to report alike, split or not.
create table tracking_checks (
    checked_at timestamptz primary key,
    summary    text        not null
);
