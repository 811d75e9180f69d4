package dev.concierge.api.timeline;

import dev.concierge.api.catalog.CatalogRepository;
import dev.concierge.api.catalog.Product;
import dev.concierge.api.profile.CustomerChanges;
import dev.concierge.api.profile.CustomerRepository;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.PurchaseDraft;
import dev.concierge.personalization.customer.PurchaseRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records a point-of-sale purchase: validate everything, then store the purchase, its lines and
 * the customer's updated aggregates in one transaction, then tell the customer's timeline
 * subscribers. A repeated idempotency key
 * returns the first purchase unchanged.
 */
public class RecordPurchase {

    private static final Logger log = LoggerFactory.getLogger(RecordPurchase.class);

    /** The result: the stored purchase, and whether it had been stored before this call. */
    public record Result(Purchase purchase, boolean replayed) {}

    private final TimelineRepository timeline;
    private final CatalogRepository catalog;
    private final CustomerRepository customers;
    private final TimelineNotices notices;
    private final TransactionalOperator transactions;
    private final PurchaseRules rules;
    private final CustomerChanges changes;
    private final PurchaseListener listener;
    private final Clock clock;

    public RecordPurchase(
            TimelineRepository timeline,
            CatalogRepository catalog,
            CustomerRepository customers,
            TimelineNotices notices,
            TransactionalOperator transactions,
            PurchaseRules rules,
            CustomerChanges changes,
            PurchaseListener listener,
            Clock clock) {
        this.timeline = timeline;
        this.catalog = catalog;
        this.customers = customers;
        this.notices = notices;
        this.transactions = transactions;
        this.rules = rules;
        this.changes = changes;
        this.listener = listener;
        this.clock = clock;
    }

    public Mono<Result> record(PurchaseDraft draft) {
        return Mono.fromRunnable(() -> rules.validate(draft, clock))
                .then(timeline.purchaseByIdempotencyKey(draft.idempotencyKey()))
                .map(existing -> replay(existing, draft))
                .switchIfEmpty(Mono.defer(() -> store(draft)));
    }

    private Result replay(Purchase existing, PurchaseDraft draft) {
        if (!draft.customerId().equals(existing.customerId())) {
            throw ConciergeException.conflict("Idempotency key '" + draft.idempotencyKey()
                    + "' was already used for another customer's purchase");
        }
        return new Result(existing, true);
    }

    private Mono<Result> store(PurchaseDraft draft) {
        List<String> skus =
                draft.items().stream().map(PurchaseDraft.Line::sku).distinct().toList();
        Mono<Void> references = customers
                .exists(draft.customerId())
                .flatMap(exists -> exists
                        ? Mono.empty()
                        : Mono.error(ConciergeException.badInput(
                                "input.customerId", "no customer '" + draft.customerId() + "'")))
                .then(
                        draft.storeId() == null
                                ? Mono.empty()
                                : catalog.stores(List.of(draft.storeId()))
                                        .hasElements()
                                        .flatMap(found -> found
                                                ? Mono.empty()
                                                : Mono.error(ConciergeException.badInput(
                                                        "input.storeId", "no store '" + draft.storeId() + "'"))));
        return references
                .then(catalog.productsBySku(skus))
                .flatMap(products -> {
                    Instant purchasedAt = (draft.purchasedAt() == null ? clock.instant() : draft.purchasedAt())
                            .truncatedTo(ChronoUnit.MICROS);
                    String id = "p-" + UUID.randomUUID();
                    List<PurchaseItem> items = items(id, draft, products, purchasedAt);
                    BigDecimal total = items.stream()
                            .map(item -> item.unitAmount().multiply(BigDecimal.valueOf(item.quantity())))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    Purchase purchase = new Purchase(
                            id,
                            draft.customerId(),
                            draft.idempotencyKey(),
                            draft.storeId(),
                            draft.channel(),
                            purchasedAt,
                            total,
                            draft.currency());
                    return timeline.insertPurchase(purchase)
                            .flatMap(inserted -> timeline.insertItems(items)
                                    .then(timeline.addToAggregates(purchase))
                                    .thenReturn(new Result(purchase, false)))
                            .as(transactions::transactional)
                            // Empty: a concurrent request with the same key won; return its purchase.
                            .switchIfEmpty(Mono.defer(() -> timeline.purchaseByIdempotencyKey(draft.idempotencyKey())
                                    .map(existing -> replay(existing, draft))));
                })
                .flatMap(result -> result.replayed()
                        ? Mono.just(result)
                        : changes.changed(draft.customerId())
                                .then(listener.recorded(result.purchase()).onErrorResume(e -> {
                                    log.warn(
                                            "Purchase {} recorded; its listener failed: {}",
                                            result.purchase().id(),
                                            e.toString());
                                    return Mono.empty();
                                }))
                                .then(notices.publish(
                                        draft.customerId(),
                                        TimelineEvent.Kind.PURCHASE_RECORDED,
                                        result.purchase().id(),
                                        clock.instant()))
                                .thenReturn(result));
    }

    private static List<PurchaseItem> items(
            String purchaseId, PurchaseDraft draft, Map<String, Product> products, Instant purchasedAt) {
        List<PurchaseItem> items = new ArrayList<>();
        for (int i = 0; i < draft.items().size(); i++) {
            PurchaseDraft.Line line = draft.items().get(i);
            Product product = products.get(line.sku());
            if (product == null) {
                throw ConciergeException.badInput("input.items[" + i + "].sku", "unknown sku '" + line.sku() + "'");
            }
            BigDecimal price = line.unitPrice() == null ? product.listPrice() : line.unitPrice();
            items.add(new PurchaseItem(
                    purchaseId,
                    i + 1,
                    product.sku(),
                    line.quantity(),
                    price,
                    draft.currency(),
                    product.mainImageUrl(),
                    line.insurance() == null ? null : line.insurance().provider(),
                    line.insurance() == null ? null : line.insurance().policyNumber(),
                    line.insurance() == null ? null : line.insurance().validUntil(),
                    line.servicingInstructions(),
                    PurchaseRules.nextServiceDue(
                            purchasedAt.atZone(ZoneOffset.UTC).toLocalDate(), product.careIntervalDays())));
        }
        return items;
    }
}
