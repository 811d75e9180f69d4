package dev.concierge.api.ingest;

import static dev.concierge.api.db.Sql.utc;

import dev.concierge.api.graphql.Cursors;
import dev.concierge.personalization.customer.BrowsingEvent;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.ProductCategory;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/** Stores browsing events idempotently and reads a customer's history. */
public class BrowsingEventRepository {

    private final DatabaseClient db;

    public BrowsingEventRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Stores the events whose ids were never stored, in one statement: claims each id in
     * {@code browsing_event_ids}, inserts only the events whose claim succeeded, and adds them to
     * the customer's behavioural aggregates.
     *
     * @return how many events were stored
     */
    public Mono<Integer> insertNew(List<BrowsingEvent> events) {
        String sql = """
                with claimed as (
                    insert into browsing_event_ids (event_id)
                    select unnest(:ids::text[])
                    on conflict do nothing
                    returning event_id
                ), stored as (
                    insert into browsing_events (event_id, customer_id, anonymous_id, type, sku, category, query, page,
                        store_id, channel, occurred_at)
                    select e.event_id, e.customer_id, e.anonymous_id, e.type, e.sku, e.category, e.query, e.page,
                        e.store_id, e.channel, e.occurred_at::timestamptz
                    from unnest(:ids::text[], :customers::text[], :anonymous::text[], :types::text[], :skus::text[],
                            :categories::text[], :queries::text[], :pages::text[], :stores::text[], :channels::text[],
                            :times::text[])
                        as e(event_id, customer_id, anonymous_id, type, sku, category, query, page, store_id, channel,
                            occurred_at)
                    join claimed c on c.event_id = e.event_id
                    returning customer_id, occurred_at, type, category, sku
                ), activity as (
                    insert into customer_daily_activity (customer_id, day, event_type, category, event_count)
                    select s.customer_id, (s.occurred_at at time zone 'UTC')::date, s.type,
                        coalesce(s.category, p.category, ''), count(*)
                    from stored s left join products p on p.sku = s.sku
                    where s.customer_id is not null
                    group by 1, 2, 3, 4
                    on conflict (customer_id, day, event_type, category)
                        do update set event_count = customer_daily_activity.event_count + excluded.event_count
                ), stats as (
                    insert into customer_stats (customer_id, event_count, last_event_at)
                    select customer_id, count(*), max(occurred_at) from stored
                    where customer_id is not null
                    group by customer_id
                    on conflict (customer_id) do update
                        set event_count = customer_stats.event_count + excluded.event_count,
                            last_event_at = greatest(customer_stats.last_event_at, excluded.last_event_at)
                )
                select count(*)::int as stored from stored""";
        GenericExecuteSpec spec = db.sql(sql)
                .bind("ids", column(events, BrowsingEvent::clientEventId))
                .bind("customers", column(events, BrowsingEvent::customerId))
                .bind("anonymous", column(events, BrowsingEvent::anonymousId))
                .bind("types", column(events, e -> e.type().name()))
                .bind("skus", column(events, BrowsingEvent::sku))
                .bind(
                        "categories",
                        column(
                                events,
                                e -> e.category() == null ? null : e.category().name()))
                .bind("queries", column(events, BrowsingEvent::query))
                .bind("pages", column(events, BrowsingEvent::page))
                .bind("stores", column(events, BrowsingEvent::storeId))
                .bind("channels", column(events, e -> e.channel().name()))
                .bind("times", column(events, e -> utc(e.occurredAt()).toString()));
        return spec.map(row -> row.get("stored", Integer.class)).one();
    }

    /** A page of a customer's events, newest first, after {@code after}; asks for one extra row. */
    public Mono<List<StoredEvent>> history(String customerId, Cursors.@Nullable Position after, int limit) {
        String sql = """
                select event_id, type, channel, occurred_at, sku, category, query, page, store_id
                from browsing_events where customer_id = :customer"""
                + (after == null ? "" : " and (occurred_at, event_id) < (:at, :id)")
                + " order by occurred_at desc, event_id desc limit :limit";
        GenericExecuteSpec spec = db.sql(sql).bind("customer", customerId).bind("limit", limit);
        if (after != null) {
            spec = spec.bind("at", utc(after.at())).bind("id", after.id());
        }
        return spec.map(row -> {
                    String category = row.get("category", String.class);
                    return new StoredEvent(
                            row.get("event_id", String.class),
                            EventType.valueOf(row.get("type", String.class)),
                            Channel.valueOf(row.get("channel", String.class)),
                            row.get("occurred_at", OffsetDateTime.class).toInstant(),
                            row.get("sku", String.class),
                            category == null ? null : ProductCategory.valueOf(category),
                            row.get("query", String.class),
                            row.get("page", String.class),
                            row.get("store_id", String.class));
                })
                .all()
                .collectList();
    }

    private static String[] column(List<BrowsingEvent> events, Function<BrowsingEvent, @Nullable String> value) {
        return events.stream().map(value).toArray(String[]::new);
    }
}
