-- Page layouts, and the purchase aggregates that segment rules on skus and windowed spend read.

-- The slots of a page in display order. A page exists when it has slots; a slot with nothing
-- published is still part of the page (its decision says so).
create table page_slots (
    page_slug   text not null check (page_slug ~ '^[a-z0-9][a-z0-9/_-]*$'),
    slot        text not null check (slot ~ '^[a-z0-9][a-z0-9_-]*$'),
    position    int not null check (position >= 0),
    description text,
    primary key (page_slug, slot),
    unique (page_slug, position)
);

-- Lifetime purchases per customer and sku, for "purchased sku within N days".
create table customer_sku_purchases (
    customer_id       text not null references customers (id) on delete cascade,
    sku               text not null references products (sku),
    last_purchased_at timestamptz not null,
    purchase_count    int not null check (purchase_count > 0),
    primary key (customer_id, sku)
);

-- Spend per customer and UTC day, for "spend over a window".
create table customer_daily_spend (
    customer_id text not null references customers (id) on delete cascade,
    day         date not null,
    spend       numeric(14, 2) not null check (spend >= 0),
    primary key (customer_id, day)
);

insert into customer_sku_purchases (customer_id, sku, last_purchased_at, purchase_count)
select p.customer_id, i.sku, max(p.purchased_at), count(distinct p.id)
from purchases p join purchase_items i on i.purchase_id = p.id
group by p.customer_id, i.sku;

insert into customer_daily_spend (customer_id, day, spend)
select customer_id, (purchased_at at time zone 'UTC')::date, sum(total)
from purchases
group by customer_id, (purchased_at at time zone 'UTC')::date;
