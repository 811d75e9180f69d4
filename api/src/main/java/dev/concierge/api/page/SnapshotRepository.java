package dev.concierge.api.page;

import dev.concierge.personalization.customer.Consent;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.Consents;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.CustomerSnapshot.Activity;
import dev.concierge.personalization.customer.CustomerSnapshot.CategoryPurchases;
import dev.concierge.personalization.customer.CustomerSnapshot.DailyCount;
import dev.concierge.personalization.customer.CustomerSnapshot.DailySpend;
import dev.concierge.personalization.customer.CustomerSnapshot.OpenServiceOrder;
import dev.concierge.personalization.customer.CustomerSnapshot.Profile;
import dev.concierge.personalization.customer.CustomerSnapshot.SkuPurchases;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds customer snapshots from the aggregate tables in one round trip: one row whose JSON
 * columns carry the consents, the daily activity and spend of the last {@link #DAYS} days, the
 * per-category and per-sku purchases and the open service orders. Never reads raw events. Many
 * customers at once (for audience estimates) load with the same query over a list of ids.
 */
public class SnapshotRepository {

    /** Days of daily rows a snapshot carries: the longest window a day-aggregate rule may use, plus today. */
    static final int DAYS = 366;

    private static final String SELECT = """
            select c.id, c.first_name, c.birthday, c.anniversary, c.locale, c.loyalty_tier, c.loyalty_points,
                   c.home_store_id, c.created_at, c.attributes::text as attributes,
                   s.purchase_count, s.total_spend, s.first_purchase_at, s.last_purchase_at, s.event_count, s.last_event_at,
                   (select coalesce(json_agg(json_build_array(purpose, granted, source, recorded_at)), '[]')::text
                    from (select distinct on (purpose) purpose, granted, source, recorded_at
                          from consent_ledger where customer_id = c.id
                          order by purpose, recorded_at desc, id desc) l) as consents,
                   (select coalesce(json_agg(json_build_array(day, event_type, category, event_count) order by day), '[]')::text
                    from customer_daily_activity where customer_id = c.id and day >= :since) as activity,
                   (select coalesce(json_agg(json_build_array(category, first_purchased_at, last_purchased_at, purchase_count, spend)), '[]')::text
                    from customer_category_purchases where customer_id = c.id) as categories,
                   (select coalesce(json_agg(json_build_array(sku, last_purchased_at, purchase_count)), '[]')::text
                    from customer_sku_purchases where customer_id = c.id) as skus,
                   (select coalesce(json_agg(json_build_array(day, spend) order by day), '[]')::text
                    from customer_daily_spend where customer_id = c.id and day >= :since) as spend,
                   (select coalesce(json_agg(json_build_array(id, kind, status, expected_at) order by created_at desc), '[]')::text
                    from service_orders where customer_id = c.id and status <> 'DELIVERED') as orders
            from customers c left join customer_stats s on s.customer_id = c.id""";

    private static final String SQL = SELECT + " where c.id = :id";

    private static final String BATCH_SQL = SELECT + " where c.id = any(:ids)";

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    SnapshotRepository(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    Mono<CustomerSnapshot> load(String customerId) {
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(DAYS - 1L);
        return db.sql(SQL)
                .bind("id", customerId)
                .bind("since", since)
                .map(this::snapshot)
                .one();
    }

    /**
     * The snapshots of these customers, in one query, in no particular order; ids of no customer
     * are left out. Callers bound the list (a few hundred ids per call).
     */
    public Flux<CustomerSnapshot> loadAll(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Flux.empty();
        }
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(DAYS - 1L);
        return db.sql(BATCH_SQL)
                .bind("ids", customerIds.toArray(String[]::new))
                .bind("since", since)
                .map(this::snapshot)
                .all();
    }

    private CustomerSnapshot snapshot(Readable row) {
        Profile profile = new Profile(
                row.get("id", String.class),
                row.get("first_name", String.class),
                row.get("birthday", LocalDate.class),
                row.get("anniversary", LocalDate.class),
                row.get("locale", String.class),
                LoyaltyTier.valueOf(row.get("loyalty_tier", String.class)),
                row.get("loyalty_points", Integer.class),
                row.get("home_store_id", String.class),
                instant(row, "created_at"),
                attributes(row.get("attributes", String.class)));
        Integer purchaseCount = row.get("purchase_count", Integer.class);
        BigDecimal totalSpend = row.get("total_spend", BigDecimal.class);
        Long eventCount = row.get("event_count", Long.class);
        Activity activity = new Activity(
                dailyCounts(read(row, "activity")),
                categories(read(row, "categories")),
                skus(read(row, "skus")),
                spend(read(row, "spend")),
                purchaseCount == null ? 0 : purchaseCount,
                totalSpend == null ? BigDecimal.ZERO : totalSpend,
                nullableInstant(row, "first_purchase_at"),
                nullableInstant(row, "last_purchase_at"),
                eventCount == null ? 0 : eventCount,
                nullableInstant(row, "last_event_at"));
        return new CustomerSnapshot(profile, consents(read(row, "consents")), activity, orders(read(row, "orders")));
    }

    private JsonNode read(Readable row, String column) {
        String text = row.get(column, String.class);
        return json.readTree(text == null ? "[]" : text);
    }

    private Map<String, Object> attributes(@Nullable String text) {
        if (text == null) {
            return Map.of();
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.readTree(text).properties()) {
            JsonNode value = entry.getValue();
            if (value.isNumber()) {
                attributes.put(entry.getKey(), value.decimalValue());
            } else if (value.isBoolean()) {
                attributes.put(entry.getKey(), value.booleanValue());
            } else if (value.isString()) {
                attributes.put(entry.getKey(), value.stringValue());
            }
        }
        return attributes;
    }

    private static Consents consents(JsonNode rows) {
        List<Consent> ledger = new ArrayList<>();
        for (JsonNode row : rows) {
            ledger.add(new Consent(
                    ConsentPurpose.valueOf(row.get(0).stringValue()),
                    row.get(1).booleanValue(),
                    row.get(2).stringValue(),
                    timestamp(row.get(3))));
        }
        return Consents.fromLedger(ledger);
    }

    private static List<DailyCount> dailyCounts(JsonNode rows) {
        List<DailyCount> counts = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            String category = row.get(2).stringValue();
            counts.add(new DailyCount(
                    LocalDate.parse(row.get(0).stringValue()),
                    EventType.valueOf(row.get(1).stringValue()),
                    category.isEmpty() ? null : ProductCategory.valueOf(category),
                    row.get(3).intValue()));
        }
        return counts;
    }

    private static Map<ProductCategory, CategoryPurchases> categories(JsonNode rows) {
        Map<ProductCategory, CategoryPurchases> categories = new EnumMap<>(ProductCategory.class);
        for (JsonNode row : rows) {
            categories.put(
                    ProductCategory.valueOf(row.get(0).stringValue()),
                    new CategoryPurchases(
                            timestamp(row.get(1)),
                            timestamp(row.get(2)),
                            row.get(3).intValue(),
                            row.get(4).decimalValue()));
        }
        return categories;
    }

    private static Map<String, SkuPurchases> skus(JsonNode rows) {
        Map<String, SkuPurchases> skus = new HashMap<>(rows.size() * 2);
        for (JsonNode row : rows) {
            skus.put(
                    row.get(0).stringValue(),
                    new SkuPurchases(timestamp(row.get(1)), row.get(2).intValue()));
        }
        return skus;
    }

    private static List<DailySpend> spend(JsonNode rows) {
        List<DailySpend> spend = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            spend.add(new DailySpend(
                    LocalDate.parse(row.get(0).stringValue()), row.get(1).decimalValue()));
        }
        return spend;
    }

    private static List<OpenServiceOrder> orders(JsonNode rows) {
        List<OpenServiceOrder> orders = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            JsonNode expected = row.get(3);
            orders.add(new OpenServiceOrder(
                    row.get(0).stringValue(),
                    OpenServiceOrder.Kind.valueOf(row.get(1).stringValue()),
                    ServiceOrderStatus.valueOf(row.get(2).stringValue()),
                    expected.isNull() ? null : LocalDate.parse(expected.stringValue())));
        }
        return orders;
    }

    /** PostgreSQL's json renders timestamptz as ISO-8601 with an offset, e.g. {@code 2026-11-24T10:15:30.123+00:00}. */
    private static Instant timestamp(JsonNode node) {
        return OffsetDateTime.parse(node.stringValue()).toInstant();
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
