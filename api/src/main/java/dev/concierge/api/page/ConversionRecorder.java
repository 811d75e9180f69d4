package dev.concierge.api.page;

import dev.concierge.api.timeline.Purchase;
import dev.concierge.api.timeline.PurchaseListener;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Attributes a purchase to every running experiment the customer had been exposed to before it, as
 * a {@code PURCHASE} conversion worth the purchase's total. The purchase id is the conversion key,
 * so a replay converts once.
 */
class ConversionRecorder implements PurchaseListener {

    private final DatabaseClient db;

    ConversionRecorder(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> recorded(Purchase purchase) {
        return db.sql("""
                        insert into experiment_conversions
                            (experiment_id, subject_type, subject_id, kind, conversion_key, value, occurred_at)
                        select e.experiment_id, e.subject_type, e.subject_id, 'PURCHASE', :purchase, :value, :at
                        from experiment_exposures e join experiments x on x.id = e.experiment_id
                        where e.customer_id = :customer and x.status = 'RUNNING' and e.first_exposed_at <= :at
                        on conflict (experiment_id, conversion_key) do nothing""")
                .bind("purchase", purchase.id())
                .bind("value", purchase.totalAmount())
                .bind("at", OffsetDateTime.ofInstant(purchase.purchasedAt(), ZoneOffset.UTC))
                .bind("customer", purchase.customerId())
                .then();
    }
}
