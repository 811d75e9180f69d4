package dev.concierge.api.demo;

import dev.concierge.api.demo.DemoDataset.BrowsingEvent;
import dev.concierge.api.demo.DemoDataset.Consent;
import dev.concierge.api.demo.DemoDataset.Customer;
import dev.concierge.api.demo.DemoDataset.Insurance;
import dev.concierge.api.demo.DemoDataset.OpeningHours;
import dev.concierge.api.demo.DemoDataset.Product;
import dev.concierge.api.demo.DemoDataset.Purchase;
import dev.concierge.api.demo.DemoDataset.PurchaseItem;
import dev.concierge.api.demo.DemoDataset.ServiceOrder;
import dev.concierge.api.demo.DemoDataset.StatusChange;
import dev.concierge.api.demo.DemoDataset.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Loads the demo data set into an empty PostgreSQL database (migrated by Flyway) in one
 * transaction, with JDBC batches, and fills the behavioural aggregates from it. Loading is
 * idempotent: if any customer exists, nothing is written. Concurrent loaders (several instances
 * starting at once) serialize on a transaction-level advisory lock, so exactly one loads.
 */
public final class DemoDataLoader {

    /** Key of the advisory lock that serializes loaders; any constant unlikely to clash. */
    private static final long LOCK_KEY = 0x636f_6e63_6965_7267L;

    /** Segments, page layouts, published content and a running experiment, as SQL. */
    static final String PERSONALIZATION_SCRIPT = "/demo/personalization.sql";

    private final DemoDataGenerator generator;

    /** A loader of the default data set ({@link DemoDataGenerator#DEFAULT_SEED}). */
    public DemoDataLoader() {
        this(new DemoDataGenerator());
    }

    public DemoDataLoader(DemoDataGenerator generator) {
        this.generator = generator;
    }

    /** What a load wrote; all zero when the database already held customers. */
    public record Summary(
            boolean loaded,
            int stores,
            int products,
            int customers,
            int consents,
            int purchases,
            int purchaseItems,
            int browsingEvents,
            int serviceOrders,
            int statusChanges) {

        static Summary skipped() {
            return new Summary(false, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * Generates the data set as of {@code today} and inserts it if the {@code customers} table is
     * empty; generates nothing otherwise.
     *
     * @see #loadIfEmpty(Connection, DemoDataset)
     */
    public Summary loadIfEmpty(Connection connection, LocalDate today) throws SQLException {
        return load(connection, () -> generator.generate(today));
    }

    /**
     * Inserts {@code dataset} if the {@code customers} table is empty. The connection's auto-commit
     * setting is restored afterwards; on failure the transaction is rolled back and the exception
     * propagates.
     */
    public Summary loadIfEmpty(Connection connection, DemoDataset dataset) throws SQLException {
        return load(connection, () -> dataset);
    }

    private static Summary load(Connection connection, Supplier<DemoDataset> dataset) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Summary summary = loadInTransaction(connection, dataset);
            connection.commit();
            return summary;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Summary loadInTransaction(Connection connection, Supplier<DemoDataset> supplier)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select exists (select 1 from customers)")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return Summary.skipped();
            }
        }
        DemoDataset dataset = supplier.get();
        insertStores(connection, dataset);
        insertProducts(connection, dataset);
        insertCustomers(connection, dataset);
        insertConsents(connection, dataset);
        int items = insertPurchases(connection, dataset);
        ensurePartitions(connection, dataset);
        insertBrowsingEvents(connection, dataset);
        int changes = insertServiceOrders(connection, dataset);
        fillAggregates(connection);
        insertPersonalization(connection);
        return new Summary(
                true,
                dataset.stores().size(),
                dataset.products().size(),
                dataset.customers().size(),
                dataset.consents().size(),
                dataset.purchases().size(),
                items,
                dataset.browsingEvents().size(),
                dataset.serviceOrders().size(),
                changes);
    }

    private static void insertStores(Connection connection, DemoDataset dataset) throws SQLException {
        String sql = "insert into stores (id, name, address_line, city, postal_code, country, latitude, longitude,"
                + " phone, opening_hours, services) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Store store : dataset.stores()) {
                insert.setString(1, store.id());
                insert.setString(2, store.name());
                insert.setString(3, store.addressLine());
                insert.setString(4, store.city());
                insert.setString(5, store.postalCode());
                insert.setString(6, store.country());
                insert.setDouble(7, store.latitude());
                insert.setDouble(8, store.longitude());
                insert.setString(9, store.phone());
                insert.setString(10, openingHoursJson(store.openingHours()));
                insert.setArray(
                        11, connection.createArrayOf("text", store.services().toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertProducts(Connection connection, DemoDataset dataset) throws SQLException {
        String sql = "insert into products (sku, name, description, category, price, currency, image_urls,"
                + " attributes, care_interval_days, repurchasable) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Product product : dataset.products()) {
                insert.setString(1, product.sku());
                insert.setString(2, product.name());
                insert.setString(3, product.description());
                insert.setString(4, product.category().name());
                insert.setBigDecimal(5, product.price());
                insert.setString(6, product.currency());
                insert.setArray(
                        7, connection.createArrayOf("text", product.imageUrls().toArray()));
                insert.setString(8, objectJson(product.attributes()));
                setInteger(insert, 9, product.careIntervalDays());
                insert.setBoolean(10, product.repurchasable());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertCustomers(Connection connection, DemoDataset dataset) throws SQLException {
        String sql = "insert into customers (id, external_id, first_name, last_name, email, phone, birthday,"
                + " anniversary, locale, loyalty_tier, loyalty_points, home_store_id, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Customer customer : dataset.customers()) {
                insert.setString(1, customer.id());
                insert.setString(2, customer.externalId());
                insert.setString(3, customer.firstName());
                insert.setString(4, customer.lastName());
                insert.setString(5, customer.email());
                insert.setString(6, customer.phone());
                setDate(insert, 7, customer.birthday());
                setDate(insert, 8, customer.anniversary());
                insert.setString(9, customer.locale());
                insert.setString(10, customer.loyaltyTier().name());
                insert.setInt(11, customer.loyaltyPoints());
                insert.setString(12, customer.homeStoreId());
                setTimestamp(insert, 13, customer.createdAt());
                setTimestamp(insert, 14, customer.updatedAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertConsents(Connection connection, DemoDataset dataset) throws SQLException {
        String sql = "insert into consent_ledger (customer_id, purpose, granted, source, recorded_at)"
                + " values (?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Consent consent : dataset.consents()) {
                insert.setString(1, consent.customerId());
                insert.setString(2, consent.purpose().name());
                insert.setBoolean(3, consent.granted());
                insert.setString(4, consent.source());
                setTimestamp(insert, 5, consent.recordedAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int insertPurchases(Connection connection, DemoDataset dataset) throws SQLException {
        String purchaseSql = "insert into purchases (id, customer_id, idempotency_key, store_id, channel,"
                + " purchased_at, total, currency, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String itemSql = "insert into purchase_items (purchase_id, line_no, sku, quantity, unit_price, image_url,"
                + " insurance_provider, insurance_policy, insurance_valid_until, servicing_instructions,"
                + " next_service_due) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int items = 0;
        try (PreparedStatement purchaseInsert = connection.prepareStatement(purchaseSql);
                PreparedStatement itemInsert = connection.prepareStatement(itemSql)) {
            for (Purchase purchase : dataset.purchases()) {
                purchaseInsert.setString(1, purchase.id());
                purchaseInsert.setString(2, purchase.customerId());
                purchaseInsert.setString(3, purchase.idempotencyKey());
                purchaseInsert.setString(4, purchase.storeId());
                purchaseInsert.setString(5, purchase.channel().name());
                setTimestamp(purchaseInsert, 6, purchase.purchasedAt());
                purchaseInsert.setBigDecimal(7, purchase.total());
                purchaseInsert.setString(8, purchase.currency());
                setTimestamp(purchaseInsert, 9, purchase.purchasedAt());
                purchaseInsert.addBatch();
                for (PurchaseItem item : purchase.items()) {
                    Insurance insurance = item.insurance();
                    itemInsert.setString(1, purchase.id());
                    itemInsert.setInt(2, item.lineNo());
                    itemInsert.setString(3, item.sku());
                    itemInsert.setInt(4, item.quantity());
                    itemInsert.setBigDecimal(5, item.unitPrice());
                    itemInsert.setString(6, item.imageUrl());
                    itemInsert.setString(7, insurance == null ? null : insurance.provider());
                    itemInsert.setString(8, insurance == null ? null : insurance.policy());
                    setDate(itemInsert, 9, insurance == null ? null : insurance.validUntil());
                    itemInsert.setString(10, item.servicingInstructions());
                    setDate(itemInsert, 11, item.nextServiceDue());
                    itemInsert.addBatch();
                    items++;
                }
            }
            purchaseInsert.executeBatch();
            itemInsert.executeBatch();
        }
        return items;
    }

    /** Creates the monthly partitions the events fall in, so that none lands in the default partition. */
    private static void ensurePartitions(Connection connection, DemoDataset dataset) throws SQLException {
        List<BrowsingEvent> events = dataset.browsingEvents();
        if (events.isEmpty()) {
            return;
        }
        Instant first = events.get(0).occurredAt();
        Instant last = first;
        for (BrowsingEvent event : events) {
            first = event.occurredAt().isBefore(first) ? event.occurredAt() : first;
            last = event.occurredAt().isAfter(last) ? event.occurredAt() : last;
        }
        try (PreparedStatement ensure = connection.prepareStatement("select ensure_browsing_event_partitions(?, ?)")) {
            ensure.setObject(1, LocalDate.ofInstant(first, ZoneOffset.UTC));
            ensure.setObject(2, LocalDate.ofInstant(last, ZoneOffset.UTC));
            ensure.execute();
        }
    }

    private static void insertBrowsingEvents(Connection connection, DemoDataset dataset) throws SQLException {
        String idSql = "insert into browsing_event_ids (event_id, received_at) values (?, ?)";
        String eventSql = "insert into browsing_events (event_id, customer_id, anonymous_id, type, sku, category,"
                + " query, store_id, page, channel, occurred_at, received_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement idInsert = connection.prepareStatement(idSql);
                PreparedStatement eventInsert = connection.prepareStatement(eventSql)) {
            for (BrowsingEvent event : dataset.browsingEvents()) {
                idInsert.setString(1, event.eventId());
                setTimestamp(idInsert, 2, event.occurredAt());
                idInsert.addBatch();
                eventInsert.setString(1, event.eventId());
                eventInsert.setString(2, event.customerId());
                eventInsert.setString(3, event.anonymousId());
                eventInsert.setString(4, event.type().name());
                eventInsert.setString(5, event.sku());
                eventInsert.setString(
                        6, event.category() == null ? null : event.category().name());
                eventInsert.setString(7, event.query());
                eventInsert.setString(8, event.storeId());
                eventInsert.setString(9, event.page());
                eventInsert.setString(10, event.channel().name());
                setTimestamp(eventInsert, 11, event.occurredAt());
                setTimestamp(eventInsert, 12, event.occurredAt());
                eventInsert.addBatch();
            }
            idInsert.executeBatch();
            eventInsert.executeBatch();
        }
    }

    private static int insertServiceOrders(Connection connection, DemoDataset dataset) throws SQLException {
        String orderSql = "insert into service_orders (id, customer_id, kind, description, sku, store_id, status,"
                + " expected_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String historySql = "insert into service_order_status_history (service_order_id, status, note, changed_by,"
                + " changed_at) values (?, ?, ?, ?, ?)";
        int changes = 0;
        try (PreparedStatement orderInsert = connection.prepareStatement(orderSql);
                PreparedStatement historyInsert = connection.prepareStatement(historySql)) {
            for (ServiceOrder order : dataset.serviceOrders()) {
                orderInsert.setString(1, order.id());
                orderInsert.setString(2, order.customerId());
                orderInsert.setString(3, order.kind().name());
                orderInsert.setString(4, order.description());
                orderInsert.setString(5, order.sku());
                orderInsert.setString(6, order.storeId());
                orderInsert.setString(7, order.status().name());
                setDate(orderInsert, 8, order.expectedAt());
                setTimestamp(orderInsert, 9, order.createdAt());
                setTimestamp(orderInsert, 10, order.updatedAt());
                orderInsert.addBatch();
                for (StatusChange change : order.history()) {
                    historyInsert.setString(1, order.id());
                    historyInsert.setString(2, change.status().name());
                    historyInsert.setString(3, change.note());
                    historyInsert.setString(4, change.changedBy());
                    setTimestamp(historyInsert, 5, change.changedAt());
                    historyInsert.addBatch();
                    changes++;
                }
            }
            orderInsert.executeBatch();
            historyInsert.executeBatch();
        }
        return changes;
    }

    /**
     * Derives the behavioural aggregates from what was just inserted. The database held no customer
     * before, so every customer-linked row is ours.
     */
    private static void fillAggregates(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch(
                    "insert into customer_daily_activity (customer_id, day, event_type, category, event_count)"
                            + " select customer_id, (occurred_at at time zone 'UTC')::date, type, coalesce(category, ''), count(*)"
                            + " from browsing_events where customer_id is not null group by 1, 2, 3, 4");
            statement.addBatch("insert into customer_category_purchases (customer_id, category, first_purchased_at,"
                    + " last_purchased_at, purchase_count, spend)"
                    + " select p.customer_id, pr.category, min(p.purchased_at), max(p.purchased_at),"
                    + " count(distinct p.id), sum(i.quantity * i.unit_price)"
                    + " from purchases p join purchase_items i on i.purchase_id = p.id"
                    + " join products pr on pr.sku = i.sku where p.customer_id is not null group by 1, 2");
            statement.addBatch(
                    "insert into customer_sku_purchases (customer_id, sku, last_purchased_at, purchase_count)"
                            + " select p.customer_id, i.sku, max(p.purchased_at), count(distinct p.id)"
                            + " from purchases p join purchase_items i on i.purchase_id = p.id group by 1, 2");
            statement.addBatch("insert into customer_daily_spend (customer_id, day, spend)"
                    + " select customer_id, (purchased_at at time zone 'UTC')::date, sum(total)"
                    + " from purchases group by 1, 2");
            statement.addBatch("insert into customer_stats (customer_id, purchase_count, total_spend,"
                    + " first_purchase_at, last_purchase_at, event_count, last_event_at)"
                    + " select c.id, coalesce(p.n, 0), coalesce(p.spend, 0), p.first_at, p.last_at,"
                    + " coalesce(e.n, 0), e.last_at from customers c"
                    + " left join (select customer_id, count(*) n, sum(total) spend, min(purchased_at) first_at,"
                    + " max(purchased_at) last_at from purchases group by customer_id) p on p.customer_id = c.id"
                    + " left join (select customer_id, count(*) n, max(occurred_at) last_at from browsing_events"
                    + " where customer_id is not null group by customer_id) e on e.customer_id = c.id");
            statement.executeBatch();
        }
    }

    /** The demo segments, page layouts, content and experiment, from {@link #PERSONALIZATION_SCRIPT}. */
    private static void insertPersonalization(Connection connection) throws SQLException {
        String script;
        try (InputStream in = DemoDataLoader.class.getResourceAsStream(PERSONALIZATION_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + PERSONALIZATION_SCRIPT + " on the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static void setDate(PreparedStatement statement, int index, @Nullable LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, date);
        }
    }

    private static void setInteger(PreparedStatement statement, int index, @Nullable Integer value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** {"MONDAY": [{"opens": "10:00", "closes": "19:00"}], ...}, every day present, in week order. */
    static String openingHoursJson(Map<DayOfWeek, List<OpeningHours>> hours) {
        StringBuilder json = new StringBuilder("{");
        for (DayOfWeek day : DayOfWeek.values()) {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quote(day.name())).append(": [");
            List<OpeningHours> intervals = hours.getOrDefault(day, List.of());
            for (int i = 0; i < intervals.size(); i++) {
                OpeningHours interval = intervals.get(i);
                json.append(i == 0 ? "" : ", ")
                        .append("{\"opens\": ")
                        .append(quote(interval.opens().toString()))
                        .append(", \"closes\": ")
                        .append(quote(interval.closes().toString()))
                        .append('}');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /** A flat JSON object of strings, keys sorted so that the text is stable. */
    static String objectJson(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quote(entry.getKey())).append(": ").append(quote(entry.getValue()));
        }
        return json.append('}').toString();
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
