-- Deliveries of the external CMS's publish / unpublish webhook, kept so that a redelivery of the
-- same delivery has one effect: the handler inserts here in the same transaction as the change,
-- and a delivery id already present is answered without doing anything.

create table cms_webhook_deliveries (
    delivery_id  text primary key check (length(delivery_id) between 1 and 200),
    event        text not null check (event in ('publish', 'unpublish')),
    external_id  text not null,
    -- SHA-256 of the raw body, to tell a true redelivery from a different body under a reused id.
    body_sha256  text not null check (body_sha256 ~ '^[0-9a-f]{64}$'),
    entry_id     text references content_entries (id) on delete set null,
    received_at  timestamptz not null default now()
);

create index cms_webhook_deliveries_received_idx on cms_webhook_deliveries (received_at);
