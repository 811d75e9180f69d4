package dev.concierge.api.page;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.recommendation.Popularity;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Computes product popularity from the last {@link #WINDOW}: units purchased count three times as
 * much as product views and add-to-carts; every product is listed (zero scores last). The same
 * scores per channel (the purchase's and the event's) give each channel's ranking of the products
 * with activity there, in the same query (grouping sets). There is no per-locale ranking: the
 * catalogue is the same for every locale.
 */
class PopularityRepository {

    static final Duration WINDOW = Duration.ofDays(90);

    private final DatabaseClient db;
    private final Clock clock;

    PopularityRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A product's overall score ({@code channel} null) or its score on one channel. */
    private record Row(Popularity.Entry entry, @Nullable Channel channel) {}

    Mono<Popularity> compute() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return db.sql("""
                        with activity as (
                            select i.sku, p.channel, 3 * i.quantity as points
                            from purchases p join purchase_items i on i.purchase_id = p.id
                            where p.purchased_at >= :since
                            union all
                            select sku, channel, 1
                            from browsing_events
                            where occurred_at >= :since and sku is not null and type in ('PRODUCT_VIEW', 'ADD_TO_CART')
                        ), scores as (
                            select sku, channel, sum(points) as score
                            from activity
                            group by grouping sets ((sku), (sku, channel))
                        )
                        select p.sku, p.name, p.category, p.repurchasable, s.channel,
                               coalesce(s.score, 0) as score
                        from products p
                        left join scores s on s.sku = p.sku
                        order by score desc, p.sku, s.channel nulls first""")
                .bind("since", now.minus(WINDOW))
                .map(row -> {
                    String channel = row.get("channel", String.class);
                    return new Row(
                            new Popularity.Entry(
                                    row.get("sku", String.class),
                                    row.get("name", String.class),
                                    ProductCategory.valueOf(row.get("category", String.class)),
                                    row.get("score", Long.class),
                                    Boolean.TRUE.equals(row.get("repurchasable", Boolean.class))),
                            channel == null ? null : Channel.valueOf(channel));
                })
                .all()
                .collectList()
                .map(rows -> {
                    List<Popularity.Entry> entries = new ArrayList<>();
                    Map<Channel, List<String>> byChannel = new EnumMap<>(Channel.class);
                    for (Row row : rows) {
                        Channel channel = row.channel();
                        if (channel == null) {
                            entries.add(row.entry());
                        } else {
                            byChannel
                                    .computeIfAbsent(channel, c -> new ArrayList<>())
                                    .add(row.entry().sku());
                        }
                    }
                    return new Popularity(entries, byChannel, now.toInstant());
                });
    }
}
