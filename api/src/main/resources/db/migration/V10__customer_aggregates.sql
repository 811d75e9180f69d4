-- Behavioural aggregates per customer, maintained on ingestion, so that segment rules are evaluated
-- from small rows instead of scanning browsing events and purchases.

-- Events per customer, UTC day, type and category ('' when the event had none).
create table customer_daily_activity (
    customer_id text not null references customers (id) on delete cascade,
    day         date not null,
    event_type  text not null
        check (event_type in ('PAGE_VIEW', 'PRODUCT_VIEW', 'SEARCH', 'ADD_TO_CART', 'STORE_VISIT')),
    category    text not null default '',
    event_count int not null check (event_count > 0),
    primary key (customer_id, day, event_type, category)
);

create table customer_category_purchases (
    customer_id        text not null references customers (id) on delete cascade,
    category           text not null
        check (category in ('RINGS', 'NECKLACES', 'EARRINGS', 'BRACELETS', 'WATCHES', 'SERVICES')),
    first_purchased_at timestamptz not null,
    last_purchased_at  timestamptz not null,
    -- Purchases that contained the category, and the spend on its lines.
    purchase_count     int not null check (purchase_count > 0),
    spend              numeric(14, 2) not null check (spend >= 0),
    primary key (customer_id, category),
    constraint customer_category_purchases_order_check check (last_purchased_at >= first_purchased_at)
);

-- Lifetime figures; windowed spend is summed from purchases (indexed by customer and time).
create table customer_stats (
    customer_id       text primary key references customers (id) on delete cascade,
    purchase_count    int not null default 0 check (purchase_count >= 0),
    total_spend       numeric(14, 2) not null default 0 check (total_spend >= 0),
    first_purchase_at timestamptz,
    last_purchase_at  timestamptz,
    event_count       bigint not null default 0 check (event_count >= 0),
    last_event_at     timestamptz,
    updated_at        timestamptz not null default now(),
    constraint customer_stats_purchases_check check (
        (purchase_count = 0 and first_purchase_at is null and last_purchase_at is null)
        or (purchase_count > 0 and first_purchase_at is not null and last_purchase_at >= first_purchase_at))
);

create trigger customer_stats_touch_updated_at
    before update on customer_stats
    for each row execute function touch_updated_at();
