package dev.concierge.api.page;

import dev.concierge.api.db.Sql;
import dev.concierge.personalization.recommendation.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A customer's most recent product views and add-to-carts, the browsing seeds of their
 * recommendations: at most {@link #LIMIT} of the last {@link #WINDOW}, newest first, in one query
 * on the {@code (customer_id, occurred_at desc)} index.
 */
class RecentInteractionRepository {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofDays(90);

    private final DatabaseClient db;

    RecentInteractionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<Interaction>> recent(String customerId, Instant now) {
        return db.sql("""
                        select sku, occurred_at,
                               case type when 'PRODUCT_VIEW' then 'VIEW' else 'ADD_TO_CART' end as signal
                        from browsing_events
                        where customer_id = :customer and occurred_at >= :since
                          and type in ('PRODUCT_VIEW', 'ADD_TO_CART')
                        order by occurred_at desc
                        limit :limit""")
                .bind("customer", customerId)
                .bind("since", Sql.utc(now.minus(WINDOW)))
                .bind("limit", LIMIT)
                .map(row -> new Interaction(
                        customerId,
                        row.get("sku", String.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        Interaction.Signal.valueOf(row.get("signal", String.class))))
                .all()
                .collectList();
    }
}
