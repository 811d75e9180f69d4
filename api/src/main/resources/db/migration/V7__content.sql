-- The headless CMS: entries placed in a page slot, immutable published versions, targeted variants.
--
-- Publishing: insert a version (published_at null) and its variants, then set published_at and point
-- the entry's published_version at it. From then on the version and its variants cannot change.

create table content_entries (
    id                text primary key check (length(id) between 1 and 64),
    page_slug         text not null check (page_slug ~ '^[a-z0-9][a-z0-9/_-]*$'),
    slot              text not null check (slot ~ '^[a-z0-9][a-z0-9_-]*$'),
    type              text not null check (type in ('HERO', 'BANNER', 'OFFER', 'ARTICLE', 'CAROUSEL')),
    name              text not null check (length(name) > 0),
    status            text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    published_version int,
    -- Where the entry is authored: this console, or an external CMS through the signed webhook.
    source            text not null default 'CONSOLE' check (source in ('CONSOLE', 'CMS')),
    external_id       text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint content_entries_published_check check (status <> 'PUBLISHED' or published_version is not null),
    constraint content_entries_external_check check ((source = 'CMS') = (external_id is not null))
);

create unique index content_entries_external_idx on content_entries (external_id) where source = 'CMS';
create index content_entries_placement_idx on content_entries (page_slug, slot) where status = 'PUBLISHED';

create trigger content_entries_touch_updated_at
    before update on content_entries
    for each row execute function touch_updated_at();

create table content_versions (
    entry_id     text not null references content_entries (id) on delete cascade,
    version      int not null check (version > 0),
    -- Fields shared by every variant (a variant's fields override them).
    fields       jsonb not null default '{}' check (jsonb_typeof(fields) = 'object'),
    starts_at    timestamptz,
    ends_at      timestamptz,
    created_by   text,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    primary key (entry_id, version),
    constraint content_versions_schedule_check check (ends_at is null or starts_at is null or ends_at > starts_at)
);

alter table content_entries
    add constraint content_entries_published_version_fk
        foreign key (id, published_version) references content_versions (entry_id, version);

create table content_variants (
    entry_id             text not null,
    version              int not null,
    key                  text not null check (key ~ '^[A-Za-z0-9][A-Za-z0-9_-]*$'),
    -- Segment ids; empty means everyone (the default variant, also served without PERSONALIZATION consent).
    audience_segment_ids text[] not null default '{}',
    priority             int not null default 0,
    -- Null for every locale.
    locale               text check (length(locale) between 2 and 35),
    starts_at            timestamptz,
    ends_at              timestamptz,
    experiment_id        text,
    experiment_arm       text,
    fields               jsonb not null default '{}' check (jsonb_typeof(fields) = 'object'),
    primary key (entry_id, version, key),
    foreign key (entry_id, version) references content_versions (entry_id, version) on delete cascade,
    constraint content_variants_schedule_check check (ends_at is null or starts_at is null or ends_at > starts_at),
    constraint content_variants_experiment_check check ((experiment_id is null) = (experiment_arm is null))
);

-- Published versions are immutable: a version with published_at set cannot be updated, and the
-- variants of a published version cannot be added or changed. Deletes stay allowed (entry removal).
create function content_versions_reject_published_update() returns trigger
    language plpgsql as
$$
begin
    if old.published_at is not null then
        raise exception 'content version %/% is published and immutable; create a new version',
            old.entry_id, old.version
            using errcode = 'restrict_violation';
    end if;
    return new;
end;
$$;

create trigger content_versions_immutable
    before update on content_versions
    for each row execute function content_versions_reject_published_update();

create function content_variants_reject_published_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and exists (select 1 from content_versions v
                                    where v.entry_id = old.entry_id and v.version = old.version
                                      and v.published_at is not null) then
        raise exception 'content version %/% is published and immutable; create a new version',
            old.entry_id, old.version
            using errcode = 'restrict_violation';
    end if;
    if exists (select 1 from content_versions v
               where v.entry_id = new.entry_id and v.version = new.version and v.published_at is not null) then
        raise exception 'content version %/% is published and immutable; create a new version',
            new.entry_id, new.version
            using errcode = 'restrict_violation';
    end if;
    return new;
end;
$$;

create trigger content_variants_immutable
    before insert or update on content_variants
    for each row execute function content_variants_reject_published_change();
