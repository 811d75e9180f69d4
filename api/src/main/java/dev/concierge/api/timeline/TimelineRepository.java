package dev.concierge.api.timeline;

import static dev.concierge.api.db.Sql.bind;
import static dev.concierge.api.db.Sql.utc;

import dev.concierge.api.graphql.Cursors;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes purchases and service orders. */
public class TimelineRepository {

    private static final String PURCHASE_COLUMNS =
            "id, customer_id, idempotency_key, store_id, channel, purchased_at, total, currency";
    private static final String ORDER_COLUMNS =
            "id, customer_id, kind, description, sku, store_id, status, expected_at, created_at, updated_at";

    private final DatabaseClient db;

    public TimelineRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A page of a customer's purchases, newest first, after {@code after}; asks for one extra row. */
    public Mono<List<Purchase>> purchases(String customerId, Cursors.@Nullable Position after, int limit) {
        String sql = "select " + PURCHASE_COLUMNS + " from purchases where customer_id = :customer"
                + (after == null ? "" : " and (purchased_at, id) < (:at, :id)")
                + " order by purchased_at desc, id desc limit :limit";
        GenericExecuteSpec spec = db.sql(sql).bind("customer", customerId).bind("limit", limit);
        if (after != null) {
            spec = spec.bind("at", utc(after.at())).bind("id", after.id());
        }
        return spec.map(TimelineRepository::toPurchase).all().collectList();
    }

    public Mono<Purchase> purchase(String id) {
        return db.sql("select " + PURCHASE_COLUMNS + " from purchases where id = :id")
                .bind("id", id)
                .map(TimelineRepository::toPurchase)
                .one();
    }

    public Mono<Purchase> purchaseByIdempotencyKey(String key) {
        return db.sql("select " + PURCHASE_COLUMNS + " from purchases where idempotency_key = :key")
                .bind("key", key)
                .map(TimelineRepository::toPurchase)
                .one();
    }

    /** The items of many purchases in one query, in line order. */
    public Flux<PurchaseItem> items(Collection<String> purchaseIds) {
        return db.sql("""
                        select i.purchase_id, i.line_no, i.sku, i.quantity, i.unit_price, p.currency, i.image_url,
                               i.insurance_provider, i.insurance_policy, i.insurance_valid_until,
                               i.servicing_instructions, i.next_service_due
                        from purchase_items i join purchases p on p.id = i.purchase_id
                        where i.purchase_id = any(:ids)
                        order by i.purchase_id, i.line_no""")
                .bind("ids", purchaseIds.toArray(String[]::new))
                .map(TimelineRepository::toItem)
                .all();
    }

    /** Inserts the purchase unless its idempotency key exists; empty when it did. */
    public Mono<String> insertPurchase(Purchase purchase) {
        GenericExecuteSpec spec = db.sql("""
                        insert into purchases (id, customer_id, idempotency_key, store_id, channel, purchased_at, total, currency)
                        values (:id, :customer, :key, :store, :channel, :at, :total, :currency)
                        on conflict (idempotency_key) do nothing
                        returning id""")
                .bind("id", purchase.id())
                .bind("customer", purchase.customerId())
                .bind("key", purchase.idempotencyKey())
                .bind("channel", purchase.channel().name())
                .bind("at", utc(purchase.purchasedAt()))
                .bind("total", purchase.totalAmount())
                .bind("currency", purchase.currency());
        spec = bind(spec, "store", purchase.storeId(), String.class);
        return spec.map(row -> row.get("id", String.class)).one();
    }

    /** Inserts all lines of a purchase in one statement. */
    public Mono<Long> insertItems(List<PurchaseItem> items) {
        StringBuilder sql = new StringBuilder("""
                insert into purchase_items (purchase_id, line_no, sku, quantity, unit_price, image_url,
                    insurance_provider, insurance_policy, insurance_valid_until, servicing_instructions, next_service_due)
                values""");
        for (int i = 0; i < items.size(); i++) {
            sql.append(i == 0 ? " " : ", ")
                    .append("(:purchase%1$d, :line%1$d, :sku%1$d, :quantity%1$d, :price%1$d, :image%1$d, :provider%1$d,"
                            .formatted(i))
                    .append(" :policy%1$d, :valid%1$d, :instructions%1$d, :due%1$d)".formatted(i));
        }
        GenericExecuteSpec spec = db.sql(sql.toString());
        for (int i = 0; i < items.size(); i++) {
            PurchaseItem item = items.get(i);
            spec = spec.bind("purchase" + i, item.purchaseId())
                    .bind("line" + i, item.lineNumber())
                    .bind("sku" + i, item.sku())
                    .bind("quantity" + i, item.quantity())
                    .bind("price" + i, item.unitAmount());
            spec = bind(spec, "image" + i, item.imageUrl(), String.class);
            spec = bind(spec, "provider" + i, item.insuranceProvider(), String.class);
            spec = bind(spec, "policy" + i, item.insurancePolicy(), String.class);
            spec = bind(spec, "valid" + i, item.insuranceValidUntil(), LocalDate.class);
            spec = bind(spec, "instructions" + i, item.servicingInstructions(), String.class);
            spec = bind(spec, "due" + i, item.nextServiceDue(), LocalDate.class);
        }
        return spec.fetch().rowsUpdated();
    }

    /**
     * Adds a just-stored purchase to the customer's behavioural aggregates (per category, per sku,
     * per day and lifetime), in the purchase's transaction.
     */
    public Mono<Void> addToAggregates(Purchase purchase) {
        return db.sql("""
                        with lines as (
                            select p.category, sum(i.quantity * i.unit_price) as spend
                            from purchase_items i join products p on p.sku = i.sku
                            where i.purchase_id = :purchase
                            group by p.category
                        ), categories as (
                            insert into customer_category_purchases
                                (customer_id, category, first_purchased_at, last_purchased_at, purchase_count, spend)
                            select :customer, category, :at, :at, 1, spend from lines
                            on conflict (customer_id, category) do update set
                                first_purchased_at = least(customer_category_purchases.first_purchased_at, excluded.first_purchased_at),
                                last_purchased_at = greatest(customer_category_purchases.last_purchased_at, excluded.last_purchased_at),
                                purchase_count = customer_category_purchases.purchase_count + 1,
                                spend = customer_category_purchases.spend + excluded.spend
                        ), skus as (
                            insert into customer_sku_purchases (customer_id, sku, last_purchased_at, purchase_count)
                            select distinct :customer, i.sku, :at::timestamptz, 1
                            from purchase_items i where i.purchase_id = :purchase
                            on conflict (customer_id, sku) do update set
                                last_purchased_at = greatest(customer_sku_purchases.last_purchased_at, excluded.last_purchased_at),
                                purchase_count = customer_sku_purchases.purchase_count + 1
                        ), daily as (
                            insert into customer_daily_spend (customer_id, day, spend)
                            values (:customer, (:at::timestamptz at time zone 'UTC')::date, :total)
                            on conflict (customer_id, day) do update set
                                spend = customer_daily_spend.spend + excluded.spend
                        )
                        insert into customer_stats (customer_id, purchase_count, total_spend, first_purchase_at, last_purchase_at)
                        values (:customer, 1, :total, :at, :at)
                        on conflict (customer_id) do update set
                            purchase_count = customer_stats.purchase_count + 1,
                            total_spend = customer_stats.total_spend + excluded.total_spend,
                            first_purchase_at = least(customer_stats.first_purchase_at, excluded.first_purchase_at),
                            last_purchase_at = greatest(customer_stats.last_purchase_at, excluded.last_purchase_at)""")
                .bind("purchase", purchase.id())
                .bind("customer", purchase.customerId())
                .bind("at", utc(purchase.purchasedAt()))
                .bind("total", purchase.totalAmount())
                .then();
    }

    /** A customer's service orders, newest first; {@code open} keeps only undelivered ones. */
    public Flux<ServiceOrder> serviceOrders(String customerId, @Nullable Boolean open) {
        String filter = open == null ? "" : open ? " and status <> 'DELIVERED'" : " and status = 'DELIVERED'";
        return db.sql("select " + ORDER_COLUMNS + " from service_orders where customer_id = :customer" + filter
                        + " order by created_at desc, id desc")
                .bind("customer", customerId)
                .map(TimelineRepository::toServiceOrder)
                .all();
    }

    public Mono<ServiceOrder> serviceOrder(String id) {
        return db.sql("select " + ORDER_COLUMNS + " from service_orders where id = :id")
                .bind("id", id)
                .map(TimelineRepository::toServiceOrder)
                .one();
    }

    /** The status histories of many orders in one query, oldest change first. */
    public Flux<ServiceOrder.StatusChange> statusHistory(Collection<String> orderIds) {
        return db.sql("""
                        select service_order_id, status, changed_at, note from service_order_status_history
                        where service_order_id = any(:ids) order by service_order_id, changed_at, id""")
                .bind("ids", orderIds.toArray(String[]::new))
                .map(row -> new ServiceOrder.StatusChange(
                        row.get("service_order_id", String.class),
                        ServiceOrderStatus.valueOf(row.get("status", String.class)),
                        row.get("changed_at", OffsetDateTime.class).toInstant(),
                        row.get("note", String.class)))
                .all();
    }

    public Mono<Void> insertServiceOrder(ServiceOrder order) {
        GenericExecuteSpec spec = db.sql("""
                        insert into service_orders (id, customer_id, kind, description, sku, store_id, status, expected_at,
                            created_at, updated_at)
                        values (:id, :customer, :kind, :description, :sku, :store, :status, :expected, :created, :created)""")
                .bind("id", order.id())
                .bind("customer", order.customerId())
                .bind("kind", order.kind().name())
                .bind("description", order.description())
                .bind("store", order.storeId())
                .bind("status", order.status().name())
                .bind("created", utc(order.createdAt()));
        spec = bind(spec, "sku", order.sku(), String.class);
        spec = bind(spec, "expected", order.expectedDate(), LocalDate.class);
        return spec.then();
    }

    /**
     * Moves an order from {@code from} to {@code to}; false when its status was no longer {@code from}
     * (a concurrent change).
     */
    public Mono<Boolean> updateStatus(
            String id, ServiceOrderStatus from, ServiceOrderStatus to, @Nullable LocalDate expectedDate, Instant at) {
        GenericExecuteSpec spec = db.sql("""
                        update service_orders set status = :to, updated_at = :at,
                            expected_at = coalesce(:expected, expected_at)
                        where id = :id and status = :from""")
                .bind("id", id)
                .bind("from", from.name())
                .bind("to", to.name())
                .bind("at", utc(at));
        spec = bind(spec, "expected", expectedDate, LocalDate.class);
        return spec.fetch().rowsUpdated().map(count -> count == 1);
    }

    public Mono<Void> appendStatus(
            String orderId, ServiceOrderStatus status, @Nullable String note, @Nullable String changedBy, Instant at) {
        GenericExecuteSpec spec =
                db.sql("""
                        insert into service_order_status_history (service_order_id, status, note, changed_by, changed_at)
                        values (:order, :status, :note, :by, :at)""").bind("order", orderId).bind("status", status.name()).bind("at", utc(at));
        spec = bind(spec, "note", note, String.class);
        spec = bind(spec, "by", changedBy, String.class);
        return spec.then();
    }

    static Purchase toPurchase(Readable row) {
        return new Purchase(
                row.get("id", String.class),
                row.get("customer_id", String.class),
                row.get("idempotency_key", String.class),
                row.get("store_id", String.class),
                Channel.valueOf(row.get("channel", String.class)),
                row.get("purchased_at", OffsetDateTime.class).toInstant(),
                row.get("total", BigDecimal.class),
                row.get("currency", String.class));
    }

    private static PurchaseItem toItem(Readable row) {
        return new PurchaseItem(
                row.get("purchase_id", String.class),
                row.get("line_no", Integer.class),
                row.get("sku", String.class),
                row.get("quantity", Integer.class),
                row.get("unit_price", BigDecimal.class),
                row.get("currency", String.class),
                row.get("image_url", String.class),
                row.get("insurance_provider", String.class),
                row.get("insurance_policy", String.class),
                row.get("insurance_valid_until", LocalDate.class),
                row.get("servicing_instructions", String.class),
                row.get("next_service_due", LocalDate.class));
    }

    private static ServiceOrder toServiceOrder(Readable row) {
        return new ServiceOrder(
                row.get("id", String.class),
                row.get("customer_id", String.class),
                ServiceOrder.Kind.valueOf(row.get("kind", String.class)),
                row.get("description", String.class),
                row.get("sku", String.class),
                row.get("store_id", String.class),
                ServiceOrderStatus.valueOf(row.get("status", String.class)),
                row.get("expected_at", LocalDate.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
