-- Stores and the product catalogue.

create table stores (
    id            text primary key check (length(id) between 1 and 64),
    name          text not null check (length(name) > 0),
    address_line  text,
    city          text,
    postal_code   text,
    country       char(2) check (country ~ '^[A-Z]{2}$'),
    latitude      double precision not null check (latitude between -90 and 90),
    longitude     double precision not null check (longitude between -180 and 180),
    phone         text,
    -- {"MONDAY": [{"opens": "10:00", "closes": "19:00"}], ..., "SUNDAY": []}: java.time.DayOfWeek names.
    opening_hours jsonb not null default '{}' check (jsonb_typeof(opening_hours) = 'object'),
    services      text[] not null default '{}',
    created_at    timestamptz not null default now()
);

create table products (
    sku                text primary key check (length(sku) between 1 and 64),
    name               text not null check (length(name) > 0),
    description        text,
    category           text not null
        check (category in ('RINGS', 'NECKLACES', 'EARRINGS', 'BRACELETS', 'WATCHES', 'SERVICES')),
    price              numeric(12, 2) not null check (price >= 0),
    currency           char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    image_urls         text[] not null default '{}',
    attributes         jsonb not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    -- Null where no periodic care applies (services, most costume pieces).
    care_interval_days int check (care_interval_days > 0),
    repurchasable      boolean not null default false,
    created_at         timestamptz not null default now()
);

create index products_category_idx on products (category);
