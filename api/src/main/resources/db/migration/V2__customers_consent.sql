-- Customers and the append-only consent ledger.

-- Shared by every table with an updated_at column: keeps it current unless the writer set it.
create function touch_updated_at() returns trigger
    language plpgsql as
$$
begin
    if new.updated_at is not distinct from old.updated_at then
        new.updated_at := now();
    end if;
    return new;
end;
$$;

create table customers (
    id             text primary key check (length(id) between 1 and 64),
    external_id    text unique,
    first_name     text not null,
    last_name      text not null,
    email          text unique check (email like '%_@_%'),
    phone          text,
    birthday       date,
    anniversary    date,
    locale         text not null default 'en-US' check (length(locale) between 2 and 35),
    loyalty_tier   text not null default 'BRONZE'
        check (loyalty_tier in ('BRONZE', 'SILVER', 'GOLD', 'PLATINUM')),
    loyalty_points int not null default 0 check (loyalty_points >= 0),
    home_store_id  text references stores (id),
    attributes     jsonb not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create index customers_home_store_idx on customers (home_store_id);

create trigger customers_touch_updated_at
    before update on customers
    for each row execute function touch_updated_at();

-- The current consent for a purpose is the latest row (recorded_at, then id); no row means "not granted".
create table consent_ledger (
    id          bigint generated always as identity primary key,
    customer_id text not null references customers (id) on delete cascade,
    purpose     text not null
        check (purpose in ('PERSONALIZATION', 'BROWSING_TRACKING', 'LOCATION', 'EMAIL', 'SMS', 'PUSH')),
    granted     boolean not null,
    source      text not null check (length(source) > 0),
    recorded_at timestamptz not null default now()
);

create index consent_ledger_current_idx
    on consent_ledger (customer_id, purpose, recorded_at desc, id desc);

-- Append-only: history is evidence. Deleting stays allowed, for erasure of the customer.
create function consent_ledger_reject_update() returns trigger
    language plpgsql as
$$
begin
    raise exception 'consent_ledger is append-only: record a new row instead of updating row %', old.id
        using errcode = 'restrict_violation';
end;
$$;

create trigger consent_ledger_append_only
    before update on consent_ledger
    for each row execute function consent_ledger_reject_update();
