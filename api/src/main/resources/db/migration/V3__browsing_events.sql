-- Browsing events: high volume, partitioned by month of occurred_at (UTC), with retention by partition.

create table browsing_events (
    event_id     text not null check (length(event_id) between 1 and 128),
    customer_id  text references customers (id) on delete cascade,
    anonymous_id text check (length(anonymous_id) between 1 and 128),
    type         text not null
        check (type in ('PAGE_VIEW', 'PRODUCT_VIEW', 'SEARCH', 'ADD_TO_CART', 'STORE_VISIT')),
    sku          text,
    category     text,
    query        text,
    store_id     text,
    page         text,
    channel      text not null check (channel in ('WEB', 'APP', 'WATCH', 'KIOSK', 'STORE')),
    occurred_at  timestamptz not null,
    received_at  timestamptz not null default now(),
    constraint browsing_events_subject_check check (customer_id is not null or anonymous_id is not null),
    constraint browsing_events_sku_check check (type not in ('PRODUCT_VIEW', 'ADD_TO_CART') or sku is not null),
    constraint browsing_events_query_check check (type <> 'SEARCH' or query is not null),
    constraint browsing_events_store_check check (type <> 'STORE_VISIT' or store_id is not null),
    primary key (event_id, occurred_at)
) partition by range (occurred_at);

create index browsing_events_customer_idx on browsing_events (customer_id, occurred_at desc);

-- Rows outside every monthly partition land here instead of failing the insert;
-- ensure_browsing_event_partitions moves them out when their month's partition is created.
create table browsing_events_default partition of browsing_events default;

-- A unique constraint on a partitioned table must include the partition key, so global
-- idempotency by client event id lives here: insert ... on conflict do nothing, then insert the event.
create table browsing_event_ids (
    event_id    text primary key check (length(event_id) between 1 and 128),
    received_at timestamptz not null default now()
);

create index browsing_event_ids_received_idx on browsing_event_ids (received_at);

-- Creates the monthly partitions browsing_events_yYYYYmMM for every month from from_month to
-- to_month (inclusive, both truncated to the month, bounds at UTC midnight). Existing partitions
-- are kept; rows already in the default partition for a new month are moved into it.
-- Returns the number of partitions created. Safe to call concurrently from several instances.
create function ensure_browsing_event_partitions(from_month date, to_month date) returns integer
    language plpgsql as
$$
declare
    part_month  date;
    lower_bound timestamptz;
    upper_bound timestamptz;
    part_name   text;
    lower_text  text;
    upper_text  text;
    created     integer := 0;
begin
    if from_month is null or to_month is null then
        raise exception 'ensure_browsing_event_partitions: months must not be null'
            using errcode = 'null_value_not_allowed';
    end if;
    perform pg_advisory_xact_lock(hashtext('ensure_browsing_event_partitions'));
    for part_month in
        select generate_series(date_trunc('month', from_month), date_trunc('month', to_month), interval '1 month')::date
    loop
        part_name := format('browsing_events_y%sm%s', to_char(part_month, 'YYYY'), to_char(part_month, 'MM'));
        if to_regclass(quote_ident(part_name)) is not null then
            continue;
        end if;
        lower_bound := part_month::timestamp at time zone 'UTC';
        upper_bound := (part_month + interval '1 month')::timestamp at time zone 'UTC';
        -- ISO literals with an explicit offset: independent of the session's TimeZone and DateStyle.
        lower_text := to_char(part_month, 'YYYY-MM-DD') || ' 00:00:00+00';
        upper_text := to_char(part_month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00';
        if exists (select 1 from browsing_events_default
                   where occurred_at >= lower_bound and occurred_at < upper_bound) then
            -- Attaching would fail while the default partition holds rows of this range: move them first.
            execute format('create table %I (like browsing_events including defaults including constraints)',
                           part_name);
            execute format('with moved as (delete from browsing_events_default'
                               || ' where occurred_at >= %L and occurred_at < %L returning *)'
                               || ' insert into %I select * from moved',
                           lower_text, upper_text, part_name);
            execute format('alter table browsing_events attach partition %I for values from (%L) to (%L)',
                           part_name, lower_text, upper_text);
        else
            execute format('create table %I partition of browsing_events for values from (%L) to (%L)',
                           part_name, lower_text, upper_text);
        end if;
        created := created + 1;
    end loop;
    return created;
end;
$$;

-- Retention: drops the monthly partitions of months before the month of cutoff, deletes older
-- rows from the default partition and forgets their event ids. Returns the number of partitions dropped.
create function drop_browsing_event_partitions_before(cutoff date) returns integer
    language plpgsql as
$$
declare
    part       record;
    part_month date;
    dropped    integer := 0;
    bound      timestamptz := date_trunc('month', cutoff)::timestamp at time zone 'UTC';
begin
    perform pg_advisory_xact_lock(hashtext('ensure_browsing_event_partitions'));
    for part in
        select c.relname
        from pg_inherits i
                 join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'browsing_events'::regclass
          and c.relname ~ '^browsing_events_y[0-9]{4}m[0-9]{2}$'
    loop
        part_month := to_date(substr(part.relname, 18, 4) || substr(part.relname, 23, 2) || '01', 'YYYYMMDD');
        if part_month < date_trunc('month', cutoff) then
            execute format('drop table %I', part.relname);
            dropped := dropped + 1;
        end if;
    end loop;
    delete from browsing_events_default where occurred_at < bound;
    delete from browsing_event_ids where received_at < bound;
    return dropped;
end;
$$;
