-- Purchases and their items. Kept for accounting when a customer is erased (customer_id set null).

create table purchases (
    id              text primary key check (length(id) between 1 and 64),
    customer_id     text references customers (id) on delete set null,
    -- From the point of sale or the storefront; a retry with the same key is the same purchase.
    idempotency_key text not null unique check (length(idempotency_key) between 1 and 128),
    store_id        text references stores (id),
    channel         text not null check (channel in ('WEB', 'APP', 'WATCH', 'KIOSK', 'STORE')),
    purchased_at    timestamptz not null,
    total           numeric(12, 2) not null check (total >= 0),
    currency        char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    created_at      timestamptz not null default now(),
    constraint purchases_store_channel_check check (channel <> 'STORE' or store_id is not null)
);

create index purchases_customer_idx on purchases (customer_id, purchased_at desc, id desc);

create table purchase_items (
    purchase_id            text not null references purchases (id) on delete cascade,
    line_no                int not null check (line_no > 0),
    sku                    text not null references products (sku),
    quantity               int not null check (quantity > 0),
    unit_price             numeric(12, 2) not null check (unit_price >= 0),
    image_url              text,
    insurance_provider     text,
    insurance_policy       text,
    insurance_valid_until  date,
    servicing_instructions text,
    next_service_due       date,
    primary key (purchase_id, line_no),
    constraint purchase_items_insurance_check check (
        (insurance_provider is null and insurance_policy is null and insurance_valid_until is null)
        or (insurance_provider is not null and insurance_policy is not null))
);

create index purchase_items_sku_idx on purchase_items (sku);
-- The daily care-reminder job scans items by due date.
create index purchase_items_service_due_idx on purchase_items (next_service_due)
    where next_service_due is not null;
