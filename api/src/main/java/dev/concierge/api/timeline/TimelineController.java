package dev.concierge.api.timeline;

import dev.concierge.api.catalog.Product;
import dev.concierge.api.catalog.Store;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.graphql.Batches;
import dev.concierge.api.graphql.Connection;
import dev.concierge.api.graphql.Cursors;
import dev.concierge.api.profile.Customer;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.PurchaseDraft;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Purchases and service orders: the customer's timeline, the point of sale's writes, and live updates. */
@Controller
class TimelineController {

    private final TimelineRepository timeline;
    private final RecordPurchase recordPurchase;
    private final ServiceOrders serviceOrders;
    private final TimelineNotices notices;
    private final ConciergeProperties properties;

    TimelineController(
            TimelineRepository timeline,
            RecordPurchase recordPurchase,
            ServiceOrders serviceOrders,
            TimelineNotices notices,
            ConciergeProperties properties) {
        this.timeline = timeline;
        this.recordPurchase = recordPurchase;
        this.serviceOrders = serviceOrders;
        this.notices = notices;
        this.properties = properties;
    }

    @SchemaMapping(typeName = "Customer")
    Mono<Connection<Purchase>> purchaseTimeline(
            Customer customer, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        int size = Cursors.pageSize(first, 10, properties.limits().pageSize());
        Cursors.Position position = Cursors.decode(after);
        return timeline.purchases(customer.id(), position, size + 1)
                .map(rows -> Connection.of(rows, size, position != null, Purchase::purchasedAt, Purchase::id));
    }

    @SchemaMapping(typeName = "Customer")
    Flux<ServiceOrder> serviceOrders(Customer customer, @Argument @Nullable Boolean open) {
        return timeline.serviceOrders(customer.id(), open);
    }

    @BatchMapping(typeName = "Purchase")
    Mono<Map<Purchase, List<PurchaseItem>>> items(List<Purchase> purchases) {
        return Batches.byParent(purchases, Purchase::id, timeline::items, PurchaseItem::purchaseId);
    }

    @SchemaMapping(typeName = "Purchase")
    Mono<Store> store(Purchase purchase, DataLoader<String, Store> stores) {
        return purchase.storeId() == null ? Mono.empty() : Mono.fromFuture(stores.load(purchase.storeId()));
    }

    @SchemaMapping(typeName = "PurchaseItem")
    Mono<Product> product(PurchaseItem item, DataLoader<String, Product> products) {
        return Mono.fromFuture(products.load(item.sku()));
    }

    @SchemaMapping(typeName = "PurchaseItem")
    @Nullable
    String photoUrl(PurchaseItem item) {
        return item.imageUrl();
    }

    @SchemaMapping(typeName = "ServiceOrder")
    Mono<Product> product(ServiceOrder order, DataLoader<String, Product> products) {
        return order.sku() == null ? Mono.empty() : Mono.fromFuture(products.load(order.sku()));
    }

    @SchemaMapping(typeName = "ServiceOrder")
    Mono<Store> store(ServiceOrder order, DataLoader<String, Store> stores) {
        return Mono.fromFuture(stores.load(order.storeId()));
    }

    @BatchMapping(typeName = "ServiceOrder")
    Mono<Map<ServiceOrder, List<ServiceOrder.StatusChange>>> history(List<ServiceOrder> orders) {
        return Batches.byParent(
                orders, ServiceOrder::id, timeline::statusHistory, ServiceOrder.StatusChange::serviceOrderId);
    }

    @MutationMapping
    Mono<RecordPurchase.Result> recordPurchase(@Argument RecordPurchaseInput input) {
        return Caller.current()
                .map(caller -> caller.require(Role.POS))
                .flatMap(caller -> recordPurchase.record(input.toDraft()));
    }

    @MutationMapping
    Mono<ServiceOrderPayload> createServiceOrder(@Argument CreateServiceOrderInput input) {
        return Caller.current()
                .map(caller -> caller.require(Role.POS))
                .flatMap(caller -> serviceOrders.open(
                        new ServiceOrders.NewOrder(
                                input.customerId(),
                                input.kind(),
                                input.description(),
                                input.sku(),
                                input.storeId(),
                                input.expectedDate()),
                        caller.subject()))
                .map(ServiceOrderPayload::new);
    }

    @MutationMapping
    Mono<ServiceOrderPayload> updateServiceOrderStatus(@Argument UpdateServiceOrderStatusInput input) {
        return Caller.current()
                .map(caller -> caller.require(Role.POS))
                .flatMap(caller -> serviceOrders.changeStatus(
                        input.serviceOrderId(), input.status(), input.note(), input.expectedDate(), caller.subject()))
                .map(ServiceOrderPayload::new);
    }

    @SubscriptionMapping
    Flux<TimelineEvent> timeline() {
        return Caller.current()
                .map(Caller::customerId)
                .flatMapMany(customerId -> notices.stream(customerId).concatMap(notice -> switch (notice.kind()) {
                    case PURCHASE_RECORDED ->
                        timeline.purchase(notice.id()).map(p -> new TimelineEvent(notice.kind(), notice.at(), p, null));
                    case SERVICE_ORDER_CHANGED ->
                        timeline.serviceOrder(notice.id())
                                .map(o -> new TimelineEvent(notice.kind(), notice.at(), null, o));
                }));
    }

    record ServiceOrderPayload(ServiceOrder serviceOrder) {}

    record RecordPurchaseInput(
            String idempotencyKey,
            String customerId,
            @Nullable String storeId,
            Channel channel,
            @Nullable Instant purchasedAt,
            @Nullable String currency,
            List<PurchaseItemInput> items) {

        PurchaseDraft toDraft() {
            List<PurchaseDraft.Line> lines = new java.util.ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                lines.add(items.get(i).toLine(i));
            }
            return new PurchaseDraft(
                    idempotencyKey,
                    customerId,
                    storeId,
                    channel,
                    purchasedAt,
                    currency == null ? "USD" : currency,
                    lines);
        }
    }

    record PurchaseItemInput(
            String sku,
            int quantity,
            @Nullable String unitPrice,
            @Nullable InsuranceInput insurance,
            @Nullable String servicingInstructions) {

        PurchaseDraft.Line toLine(int index) {
            BigDecimal price = null;
            if (unitPrice != null) {
                try {
                    price = new BigDecimal(unitPrice.trim());
                } catch (NumberFormatException e) {
                    throw ConciergeException.badInput(
                            "input.items[" + index + "].unitPrice", "'" + unitPrice + "' is not a decimal amount");
                }
            }
            return new PurchaseDraft.Line(
                    sku,
                    quantity,
                    price,
                    insurance == null
                            ? null
                            : new PurchaseDraft.Insurance(
                                    insurance.provider(), insurance.policyNumber(), insurance.validUntil()),
                    servicingInstructions);
        }
    }

    record InsuranceInput(
            String provider, String policyNumber, @Nullable LocalDate validUntil) {}

    record CreateServiceOrderInput(
            String customerId,
            ServiceOrder.Kind kind,
            String description,
            @Nullable String sku,
            String storeId,
            @Nullable LocalDate expectedDate) {}

    record UpdateServiceOrderStatusInput(
            String serviceOrderId,
            ServiceOrderStatus status,
            @Nullable String note,
            @Nullable LocalDate expectedDate) {}
}
