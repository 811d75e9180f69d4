package dev.concierge.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.PointOfSale;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@ConciergeTest
class PrivacyTests {

    private static final String EXPORT = "{ exportMyData { customerId generatedAt data } }";
    private static final String ERASE = "mutation { eraseMe { erased deleted deidentifiedPurchases erasedAt } }";

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Autowired
    DatabaseClient db;

    @Autowired
    CustomerData customerData;

    /** A customer with rows in every kind of table: consents, a purchase, a repair, events, an exposure. */
    private String customerWithHistory() {
        String id = data.newCustomer(ConsentPurpose.values());
        PointOfSale till = new PointOfSale(testers.baseUrl(), testers.token("till-privacy", Role.POS));
        String store = data.storeIds().get(0);
        String sku = data.skus(1).get(0);
        String purchase = till.recordPurchase(id, store, sku).block();
        db.sql("""
                        update purchase_items set insurance_provider = 'Acme Cover', insurance_policy = 'POL-123',
                               servicing_instructions = 'Engraved: to my love' where purchase_id = :p""").bind("p", purchase).then().block();
        till.createServiceOrder(id, store, sku).block();
        testers.customer(id)
                .documentName("setConsent")
                .variable("purpose", "SMS")
                .variable("granted", false)
                .execute();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        String event = "privacy-" + id;
        db.sql("insert into browsing_event_ids (event_id) values (:e)")
                .bind("e", event)
                .then()
                .block();
        db.sql("""
                        insert into browsing_events (event_id, customer_id, type, sku, category, channel, occurred_at)
                        values (:e, :id, 'PRODUCT_VIEW', :sku, 'RINGS', 'WEB', :at)""")
                .bind("e", event)
                .bind("id", id)
                .bind("sku", sku)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .then()
                .block();
        db.sql("""
                        insert into experiment_exposures (experiment_id, subject_type, subject_id, arm_key)
                        values ('hero-test', 'CUSTOMER', :id, 'A')""").bind("id", id).then().block();
        db.sql("""
                        insert into experiment_conversions
                            (experiment_id, subject_type, subject_id, kind, conversion_key, occurred_at)
                        values ('hero-test', 'CUSTOMER', :id, 'CLICK', :key, now())""").bind("id", id).bind("key", "privacy-" + id).then().block();
        return id;
    }

    @Test
    void exportMyData_holdsEveryTableAboutTheCustomer_andNothingAboutOthers() {
        String id = customerWithHistory();
        String other = customerWithHistory();

        @SuppressWarnings("unchecked")
        Map<String, Object> export = testers.customer(id)
                .document(EXPORT)
                .execute()
                .path("exportMyData.data")
                .entity(Map.class)
                .get();

        assertThat(export.keySet())
                .contains(
                        "customers",
                        "consent_ledger",
                        "purchases",
                        "purchase_items",
                        "service_orders",
                        "service_order_status_history",
                        "browsing_events",
                        "customer_stats",
                        "customer_category_purchases",
                        "customer_sku_purchases",
                        "customer_daily_spend",
                        "experiment_exposures",
                        "experiment_conversions");
        // every table of the catalogue with rows about the customer is in the export
        for (String table : customerData.tables().block()) {
            long rows = rowsAbout(table, id);
            if (rows > 0) {
                assertThat(export).as(table).containsKey(table);
                assertThat((List<?>) export.get(table)).as(table).hasSize((int) rows);
            }
        }
        assertThat(export.toString()).doesNotContain(other);
        assertThat(((List<?>) export.get("purchase_items")).toString()).contains("POL-123");
    }

    @Test
    void everyTableThatReachesACustomer_isCoveredByExportAndErasure() {
        // tables with a foreign key to customers, or to a table that has a customer_id column
        List<String> reaching = db.sql("""
                        select distinct child.relname as name
                        from pg_constraint k
                                 join pg_class child on child.oid = k.conrelid
                                 join pg_class parent on parent.oid = k.confrelid
                        where k.contype = 'f' and not child.relispartition
                          and (parent.relname = 'customers'
                               or exists (select 1 from pg_attribute a where a.attrelid = parent.oid
                                          and a.attname = 'customer_id' and not a.attisdropped))""")
                .map(row -> row.get("name", String.class))
                .all()
                .collectList()
                .block();
        assertThat(reaching).contains("consent_ledger", "purchase_items", "experiment_conversions");
        assertThat(customerData.tables().block()).containsAll(reaching);
    }

    @Test
    void eraseMe_leavesNoRowAboutTheCustomer_deidentifiesPurchases_andIsIdempotent() {
        String id = customerWithHistory();
        String other = customerWithHistory();
        testers.customer(id).documentName("me").execute(); // cached snapshot
        List<String> tables = customerData.tables().block();
        Map<String, Long> othersBefore = counts(tables, other);
        String purchase = db.sql("select id from purchases where customer_id = :id")
                .bind("id", id)
                .map(row -> row.get("id", String.class))
                .one()
                .block();

        var erased = testers.customer(id).document(ERASE).execute();

        erased.path("eraseMe.erased").entity(Boolean.class).isEqualTo(true);
        erased.path("eraseMe.deidentifiedPurchases").entity(Integer.class).isEqualTo(1);
        erased.path("eraseMe.deleted.consent_ledger")
                .entity(Integer.class)
                .satisfies(n -> assertThat(n).isPositive());
        for (String table : tables) {
            assertThat(rowsAbout(table, id)).as(table).isZero();
        }
        assertThat(count("select count(*) from audit_log where customer_id = :id or actor = :id", id))
                .isZero();
        assertThat(count("select count(*) from browsing_event_ids where event_id = 'privacy-' || :id", id))
                .isZero();
        // kept for accounting, with nothing that points at the person
        assertThat(count("select count(*) from purchases where id = :id and customer_id is null", purchase))
                .isEqualTo(1);
        assertThat(count("""
                        select count(*) from purchase_items where purchase_id = :id
                          and insurance_policy is null and servicing_instructions is null""", purchase)).isEqualTo(1);
        assertThat(count("""
                        select count(*) from audit_log where action = 'customer.erase'
                          and entity_id = encode(sha256(convert_to(:id, 'UTF8')), 'hex')""", id)).isEqualTo(1);
        // nobody else lost anything
        assertThat(counts(tables, other)).isEqualTo(othersBefore);
        // no instance serves the cached customer any more
        testers.customer(id).documentName("me").execute().errors().satisfy(Errors.single("NOT_FOUND"));
        testers.customer(id).document(EXPORT).execute().errors().satisfy(Errors.single("NOT_FOUND"));

        var again = testers.customer(id).document(ERASE).execute();
        again.path("eraseMe.erased").entity(Boolean.class).isEqualTo(true);
        again.path("eraseMe.deidentifiedPurchases").entity(Integer.class).isEqualTo(0);
        assertThat(count("select count(*) from purchases where id = :id", purchase))
                .isEqualTo(1);
    }

    @Test
    void dataRights_needTheCustomerThemselves() {
        testers.anonymous().document(EXPORT).execute().errors().satisfy(Errors.single("UNAUTHENTICATED"));
        testers.anonymous().document(ERASE).execute().errors().satisfy(Errors.single("UNAUTHENTICATED"));
        for (Role role : List.of(Role.POS, Role.EDITOR, Role.SRE)) {
            testers.as("demo-1", role).document(EXPORT).execute().errors().satisfy(Errors.single("FORBIDDEN"));
            testers.as("demo-1", role).document(ERASE).execute().errors().satisfy(Errors.single("FORBIDDEN"));
        }
        assertThat(count("select count(*) from customers where id = :id", "demo-1"))
                .isEqualTo(1);
    }

    private Map<String, Long> counts(List<String> tables, String customerId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : tables) {
            counts.put(table, rowsAbout(table, customerId));
        }
        return counts;
    }

    private long rowsAbout(String table, String customerId) {
        String filter = "customers".equals(table)
                ? "id = :id"
                : CustomerData.CHILD_TABLES.getOrDefault(table, "customer_id = :id");
        return count("select count(*) from " + table + " where " + filter, customerId);
    }

    private long count(String sql, String id) {
        return data.count(sql, id);
    }
}
