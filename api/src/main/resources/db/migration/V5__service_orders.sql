-- Repair and custom-design orders with their status history.

create table service_orders (
    id          text primary key check (length(id) between 1 and 64),
    customer_id text not null references customers (id) on delete cascade,
    kind        text not null check (kind in ('REPAIR', 'CUSTOM_DESIGN')),
    description text not null check (length(description) > 0),
    sku         text references products (sku),
    store_id    text not null references stores (id),
    status      text not null
        check (status in ('RECEIVED', 'IN_PROGRESS', 'QUALITY_CHECK', 'READY_FOR_PICKUP', 'DELIVERED')),
    expected_at date,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index service_orders_customer_idx on service_orders (customer_id, created_at desc);
create index service_orders_open_idx on service_orders (customer_id, created_at desc)
    where status <> 'DELIVERED';

create trigger service_orders_touch_updated_at
    before update on service_orders
    for each row execute function touch_updated_at();

create table service_order_status_history (
    id               bigint generated always as identity primary key,
    service_order_id text not null references service_orders (id) on delete cascade,
    status           text not null
        check (status in ('RECEIVED', 'IN_PROGRESS', 'QUALITY_CHECK', 'READY_FOR_PICKUP', 'DELIVERED')),
    note             text,
    changed_by       text,
    changed_at       timestamptz not null default now()
);

create index service_order_status_history_order_idx
    on service_order_status_history (service_order_id, changed_at, id);
