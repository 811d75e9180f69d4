package dev.concierge.api.support;

import dev.concierge.personalization.customer.ConsentPurpose;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** Creates fresh rows for a test, so that tests sharing one database never see each other's data. */
public final class TestData {

    private final DatabaseClient db;

    public TestData(DatabaseClient db) {
        this.db = db;
    }

    /** A new BRONZE customer with a unique id, granted exactly the given purposes. */
    public String newCustomer(ConsentPurpose... granted) {
        String id = "test-" + UUID.randomUUID();
        db.sql("""
                        insert into customers (id, first_name, last_name, email, locale, loyalty_tier, loyalty_points)
                        values (:id, 'Test', 'Customer', :email, 'en-US', 'BRONZE', 0)""").bind("id", id).bind("email", id + "@example.com").then().block();
        Flux.fromArray(granted)
                .concatMap(purpose -> db.sql("""
                                insert into consent_ledger (customer_id, purpose, granted, source)
                                values (:id, :purpose, true, 'test')""")
                        .bind("id", id)
                        .bind("purpose", purpose.name())
                        .then())
                .blockLast();
        return id;
    }

    /** Skus of demo products that need care (jewelry and watches), in sku order. */
    public List<String> skus(int count) {
        return db.sql("select sku from products where care_interval_days is not null order by sku limit :n")
                .bind("n", count)
                .map(row -> row.get("sku", String.class))
                .all()
                .collectList()
                .block();
    }

    /** The demo stores' ids, in id order. */
    public List<String> storeIds() {
        return db.sql("select id from stores order by id")
                .map(row -> row.get("id", String.class))
                .all()
                .collectList()
                .block();
    }

    public long count(String sql, String customerId) {
        return db.sql(sql)
                .bind("id", customerId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
