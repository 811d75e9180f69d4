-- Precomputed item-to-item similarity, rebuilt by the recommendation job.

create table item_similarity (
    sku         text not null references products (sku) on delete cascade,
    similar_sku text not null references products (sku) on delete cascade,
    score       double precision not null check (score >= 0 and score < 'Infinity'::double precision),
    computed_at timestamptz not null default now(),
    primary key (sku, similar_sku),
    constraint item_similarity_distinct_check check (sku <> similar_sku)
);

-- "Top n similar items to these skus".
create index item_similarity_top_idx on item_similarity (sku, score desc);
