package dev.concierge.api.timeline;

import dev.concierge.api.catalog.CatalogRepository;
import dev.concierge.api.profile.CustomerChanges;
import dev.concierge.api.profile.CustomerRepository;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opens service orders and moves them through their statuses, keeping the status history and
 * telling the customer's timeline subscribers.
 */
public class ServiceOrders {

    /** What the point of sale sends to open an order. */
    public record NewOrder(
            String customerId,
            ServiceOrder.Kind kind,
            String description,
            @Nullable String sku,
            String storeId,
            @Nullable LocalDate expectedDate) {}

    private final TimelineRepository timeline;
    private final CatalogRepository catalog;
    private final CustomerRepository customers;
    private final TimelineNotices notices;
    private final CustomerChanges changes;
    private final TransactionalOperator transactions;
    private final int maxStringLength;
    private final Clock clock;

    public ServiceOrders(
            TimelineRepository timeline,
            CatalogRepository catalog,
            CustomerRepository customers,
            TimelineNotices notices,
            CustomerChanges changes,
            TransactionalOperator transactions,
            int maxStringLength,
            Clock clock) {
        this.timeline = timeline;
        this.catalog = catalog;
        this.customers = customers;
        this.notices = notices;
        this.changes = changes;
        this.transactions = transactions;
        this.maxStringLength = maxStringLength;
        this.clock = clock;
    }

    public Mono<ServiceOrder> open(NewOrder order, String changedBy) {
        if (order.description().isBlank() || order.description().length() > maxStringLength) {
            return Mono.error(ConciergeException.badInput(
                    "input.description", "must be 1 to " + maxStringLength + " characters"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ServiceOrder created = new ServiceOrder(
                "so-" + UUID.randomUUID(),
                order.customerId(),
                order.kind(),
                order.description(),
                order.sku(),
                order.storeId(),
                ServiceOrderStatus.RECEIVED,
                order.expectedDate(),
                now,
                now);
        Mono<Void> checks = require(
                        customers.exists(order.customerId()),
                        "input.customerId",
                        "no customer '" + order.customerId() + "'")
                .then(require(
                        catalog.stores(List.of(order.storeId())).hasElements(),
                        "input.storeId",
                        "no store '" + order.storeId() + "'"))
                .then(
                        order.sku() == null
                                ? Mono.empty()
                                : require(
                                        catalog.products(List.of(order.sku())).hasElements(),
                                        "input.sku",
                                        "unknown sku '" + order.sku() + "'"));
        return checks.then(timeline.insertServiceOrder(created)
                        .then(timeline.appendStatus(created.id(), created.status(), "Order received", changedBy, now))
                        .as(transactions::transactional))
                .then(changes.changed(created.customerId()))
                .then(notices.publish(
                        created.customerId(), TimelineEvent.Kind.SERVICE_ORDER_CHANGED, created.id(), now))
                .thenReturn(created);
    }

    public Mono<ServiceOrder> changeStatus(
            String id,
            ServiceOrderStatus target,
            @Nullable String note,
            @Nullable LocalDate expectedDate,
            String changedBy) {
        if (note != null && note.length() > maxStringLength) {
            return Mono.error(
                    ConciergeException.badInput("input.note", "is longer than " + maxStringLength + " characters"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return timeline.serviceOrder(id)
                .switchIfEmpty(Mono.error(() -> ConciergeException.notFound("No service order '" + id + "'")))
                .flatMap(order -> {
                    if (!order.status().canMoveTo(target)) {
                        return Mono.error(ConciergeException.badInput(
                                "input.status",
                                "a " + order.status() + " order can move to "
                                        + order.status().next() + ", not " + target));
                    }
                    return timeline.updateStatus(id, order.status(), target, expectedDate, now)
                            .flatMap(updated -> updated
                                    ? timeline.appendStatus(id, target, note, changedBy, now)
                                    : Mono.error(ConciergeException.conflict(
                                            "Service order '" + id + "' changed meanwhile; read it and retry")))
                            .as(transactions::transactional)
                            .then(changes.changed(order.customerId()))
                            .then(notices.publish(
                                    order.customerId(), TimelineEvent.Kind.SERVICE_ORDER_CHANGED, id, now))
                            .then(timeline.serviceOrder(id));
                });
    }

    private static Mono<Void> require(Mono<Boolean> check, String path, String message) {
        return check.flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(ConciergeException.badInput(path, message)));
    }
}
