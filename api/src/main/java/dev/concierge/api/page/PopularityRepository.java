package dev.concierge.api.page;

import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.recommendation.Popularity;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Computes product popularity from the last {@link #WINDOW}: units purchased count three times as
 * much as product views and add-to-carts; every product is listed (zero scores last).
 */
class PopularityRepository {

    static final Duration WINDOW = Duration.ofDays(90);

    private final DatabaseClient db;
    private final Clock clock;

    PopularityRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Popularity> compute() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return db.sql("""
                        with bought as (
                            select i.sku, sum(i.quantity) as units
                            from purchases p join purchase_items i on i.purchase_id = p.id
                            where p.purchased_at >= :since
                            group by i.sku
                        ), viewed as (
                            select sku, count(*) as views
                            from browsing_events
                            where occurred_at >= :since and sku is not null and type in ('PRODUCT_VIEW', 'ADD_TO_CART')
                            group by sku
                        )
                        select p.sku, p.name, p.category, p.repurchasable,
                               3 * coalesce(b.units, 0) + coalesce(v.views, 0) as score
                        from products p
                        left join bought b on b.sku = p.sku
                        left join viewed v on v.sku = p.sku
                        order by score desc, p.sku""")
                .bind("since", now.minus(WINDOW))
                .map(row -> new Popularity.Entry(
                        row.get("sku", String.class),
                        row.get("name", String.class),
                        ProductCategory.valueOf(row.get("category", String.class)),
                        row.get("score", Long.class),
                        Boolean.TRUE.equals(row.get("repurchasable", Boolean.class))))
                .all()
                .collectList()
                .map(entries -> new Popularity(entries, now.toInstant()));
    }
}
