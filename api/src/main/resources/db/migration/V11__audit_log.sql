-- Audit log: who did what to which entity (editor changes, consent changes, exports, erasures).
-- Append-only. Snapshots hold no more PII than the action needs; erasure deletes by customer_id.

create table audit_log (
    id          bigint generated always as identity primary key,
    actor       text not null check (length(actor) > 0),
    actor_role  text check (actor_role in ('CUSTOMER', 'EDITOR', 'POS', 'SRE', 'SYSTEM')),
    action      text not null check (length(action) > 0),
    entity_type text not null check (length(entity_type) > 0),
    entity_id   text not null,
    -- The customer concerned, if any: for a customer's export and erasure (no FK: the log outlives rows).
    customer_id text,
    before      jsonb,
    after       jsonb,
    occurred_at timestamptz not null default now()
);

create index audit_log_entity_idx on audit_log (entity_type, entity_id, occurred_at desc);
create index audit_log_customer_idx on audit_log (customer_id, occurred_at desc) where customer_id is not null;
create index audit_log_at_idx on audit_log (occurred_at);

create function audit_log_reject_update() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only' using errcode = 'restrict_violation';
end;
$$;

create trigger audit_log_append_only
    before update on audit_log
    for each row execute function audit_log_reject_update();
