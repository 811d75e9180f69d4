-- Segments (rules over customer snapshots) and experiments (weighted arms, holdout, exposures, conversions).

create table segments (
    id          text primary key check (id ~ '^[a-z0-9][a-z0-9_-]*$' and length(id) <= 64),
    name        text not null unique check (length(name) > 0),
    description text,
    -- The rule tree (all / any / not over predicates); validated by the application on save.
    rule        jsonb not null check (jsonb_typeof(rule) = 'object'),
    status      text not null default 'ACTIVE' check (status in ('ACTIVE', 'ARCHIVED')),
    created_by  text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create trigger segments_touch_updated_at
    before update on segments
    for each row execute function touch_updated_at();

create table experiments (
    id            text primary key check (id ~ '^[a-z0-9][a-z0-9_-]*$' and length(id) <= 64),
    name          text not null check (length(name) > 0),
    description   text,
    page_slug     text not null check (page_slug ~ '^[a-z0-9][a-z0-9/_-]*$'),
    slot          text not null check (slot ~ '^[a-z0-9][a-z0-9_-]*$'),
    status        text not null default 'DRAFT' check (status in ('DRAFT', 'RUNNING', 'STOPPED')),
    -- Share of subjects kept out of every arm (they get the non-experiment choice), 0..1.
    holdout_share numeric(5, 4) not null default 0 check (holdout_share >= 0 and holdout_share <= 1),
    started_at    timestamptz,
    stopped_at    timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint experiments_lifecycle_check check (
        (status = 'DRAFT' and started_at is null and stopped_at is null)
        or (status = 'RUNNING' and started_at is not null and stopped_at is null)
        or (status = 'STOPPED' and started_at is not null and stopped_at is not null and stopped_at >= started_at))
);

-- At most one running experiment per slot.
create unique index experiments_running_slot_idx on experiments (page_slug, slot) where status = 'RUNNING';

create trigger experiments_touch_updated_at
    before update on experiments
    for each row execute function touch_updated_at();

create table experiment_arms (
    experiment_id text not null references experiments (id) on delete cascade,
    key           text not null check (key ~ '^[A-Za-z0-9][A-Za-z0-9_-]*$' and length(key) <= 64),
    weight        int not null check (weight > 0),
    description   text,
    primary key (experiment_id, key)
);

alter table content_variants
    add constraint content_variants_experiment_arm_fk
        foreign key (experiment_id, experiment_arm) references experiment_arms (experiment_id, key);

-- First exposure of a subject (a customer or an anonymous id) to an experiment; bucketing is a
-- stable hash, so this records who saw what, once: insert ... on conflict do nothing.
create table experiment_exposures (
    experiment_id     text not null references experiments (id) on delete cascade,
    subject_type      text not null check (subject_type in ('CUSTOMER', 'ANONYMOUS')),
    subject_id        text not null check (length(subject_id) between 1 and 128),
    -- Null when the subject fell in the holdout.
    arm_key           text,
    -- Derived so that erasing a customer erases their exposures.
    customer_id       text generated always as (case when subject_type = 'CUSTOMER' then subject_id end) stored
        references customers (id) on delete cascade,
    first_exposed_at  timestamptz not null default now(),
    primary key (experiment_id, subject_type, subject_id),
    foreign key (experiment_id, arm_key) references experiment_arms (experiment_id, key)
);

create index experiment_exposures_arm_idx on experiment_exposures (experiment_id, arm_key);
create index experiment_exposures_customer_idx on experiment_exposures (customer_id) where customer_id is not null;

create table experiment_conversions (
    id             bigint generated always as identity primary key,
    experiment_id  text not null,
    subject_type   text not null,
    subject_id     text not null,
    kind           text not null check (kind in ('CLICK', 'ADD_TO_CART', 'PURCHASE')),
    -- Idempotency per experiment: the event id or purchase id that converted.
    conversion_key text not null check (length(conversion_key) between 1 and 128),
    value          numeric(12, 2) check (value >= 0),
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null default now(),
    foreign key (experiment_id, subject_type, subject_id)
        references experiment_exposures (experiment_id, subject_type, subject_id) on delete cascade,
    unique (experiment_id, conversion_key)
);

create index experiment_conversions_subject_idx
    on experiment_conversions (experiment_id, subject_type, subject_id);
