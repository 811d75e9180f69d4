-- The recommendation model around item_similarity: a log of the rebuilds that wrote it, the item
-- norms that incremental updates score against, and the indexes those updates look users up by.

-- One row per completed full rebuild; the newest row's computed_at is the model's freshness.
create table recommendation_model_runs (
    id           bigint generated always as identity primary key,
    trigger      text not null check (trigger in ('STARTUP', 'SCHEDULE', 'ON_DEMAND')),
    -- The SRE who asked for an ON_DEMAND rebuild.
    requested_by text,
    started_at   timestamptz not null,
    computed_at  timestamptz not null,
    interactions bigint not null check (interactions >= 0),
    users        int not null check (users >= 0),
    items        int not null check (items >= 0),
    -- Rows written to item_similarity.
    neighbours   bigint not null check (neighbours >= 0),
    duration_ms  bigint not null check (duration_ms >= 0),
    constraint recommendation_model_runs_order_check check (computed_at >= started_at)
);

create index recommendation_model_runs_latest_idx on recommendation_model_runs (computed_at desc, id desc);

-- Each item's norm in the last full model (the length of its weighted interaction vector).
create table item_norms (
    sku  text primary key references products (sku) on delete cascade,
    norm double precision not null check (norm >= 0 and norm < 'Infinity'::double precision)
);

-- How many users interacted with both items: what a neighbour's score rests on (the core's
-- Neighbour carries it, so that ranking can weigh thin evidence down).
alter table item_similarity add column support int not null default 0 check (support >= 0);

-- An incremental update finds the users who touched a sku, then those users' other interactions.
create index browsing_events_sku_idx on browsing_events (sku, occurred_at)
    where sku is not null and type in ('PRODUCT_VIEW', 'ADD_TO_CART');
create index browsing_events_anonymous_idx on browsing_events (anonymous_id, occurred_at)
    where anonymous_id is not null;
