-- Reminders: the notification outbox, delivered by a sender port, retried, capped per customer per week.
--
-- Claiming (several instances): select ... where status = 'PENDING' and scheduled_at <= now()
-- and (next_attempt_at is null or next_attempt_at <= now()) order by scheduled_at
-- for update skip locked limit n. A sender that delivers outside the claiming transaction sets
-- next_attempt_at to a lease deadline when it claims, so that a crashed sender's rows come back.

create table reminders (
    id              bigint generated always as identity primary key,
    customer_id     text not null references customers (id) on delete cascade,
    channel         text not null check (channel in ('EMAIL', 'SMS', 'PUSH')),
    kind            text not null
        check (kind in ('CLEANING_DUE', 'BIRTHDAY_OFFER', 'ORDER_READY', 'NEARBY_STORE_OFFER')),
    payload         jsonb not null default '{}' check (jsonb_typeof(payload) = 'object'),
    -- Makes scheduling idempotent, e.g. 'CLEANING_DUE:p-123:1:2025-06-01' or 'BIRTHDAY_OFFER:demo-1:2025'.
    dedupe_key      text not null unique check (length(dedupe_key) between 1 and 200),
    scheduled_at    timestamptz not null,
    status          text not null default 'PENDING'
        check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        int not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint reminders_sent_check check ((status = 'SENT') = (sent_at is not null))
);

-- Due rows, oldest first, for the claiming query above.
create index reminders_due_idx on reminders (scheduled_at) where status = 'PENDING';
-- "Reminders due" on the customer's page.
create index reminders_customer_pending_idx on reminders (customer_id, scheduled_at)
    where status = 'PENDING';
-- The weekly cap counts what was sent to a customer recently.
create index reminders_customer_sent_idx on reminders (customer_id, sent_at desc)
    where status = 'SENT';

create trigger reminders_touch_updated_at
    before update on reminders
    for each row execute function touch_updated_at();
