package dev.concierge.api.profile;

import dev.concierge.api.db.Sql;
import dev.concierge.personalization.customer.Consent;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.Consents;
import dev.concierge.personalization.customer.LoyaltyTier;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reads customers and their consent ledger; appends to the ledger. */
public class CustomerRepository {

    private final DatabaseClient db;

    public CustomerRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Customer> find(String id) {
        return db.sql("""
                        select id, first_name, last_name, email, phone, birthday, anniversary, locale,
                               loyalty_tier, loyalty_points, home_store_id, created_at
                        from customers where id = :id""").bind("id", id).map(CustomerRepository::customer).one();
    }

    public Mono<Boolean> exists(String id) {
        return db.sql("select 1 from customers where id = :id")
                .bind("id", id)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** The current consent state, from the latest ledger row per purpose. */
    public Mono<Consents> consents(String customerId) {
        return db.sql("""
                        select distinct on (purpose) purpose, granted, source, recorded_at
                        from consent_ledger where customer_id = :customer
                        order by purpose, recorded_at desc, id desc""")
                .bind("customer", customerId)
                .map(row -> new Consent(
                        ConsentPurpose.valueOf(row.get("purpose", String.class)),
                        Boolean.TRUE.equals(row.get("granted", Boolean.class)),
                        row.get("source", String.class),
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .map(Consents::fromLedger);
    }

    /**
     * Ledger entries, newest first; an entry is a revocation when it withdraws a grant, that is
     * when the previous entry for the same purpose granted it.
     */
    public Mono<List<ConsentChange>> consentHistory(String customerId, @Nullable ConsentPurpose purpose, int first) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        select purpose, granted, source, recorded_at,
                               not granted and coalesce(lag(granted) over (
                                   partition by purpose order by recorded_at, id), false) as revocation
                        from consent_ledger
                        where customer_id = :customer and (cast(:purpose as text) is null or purpose = :purpose)
                        order by recorded_at desc, id desc
                        limit :first""").bind("customer", customerId);
        return Sql.bind(spec, "purpose", purpose == null ? null : purpose.name(), String.class)
                .bind("first", first)
                .map(row -> new ConsentChange(
                        ConsentPurpose.valueOf(row.get("purpose", String.class)),
                        Boolean.TRUE.equals(row.get("granted", Boolean.class)),
                        Boolean.TRUE.equals(row.get("revocation", Boolean.class)),
                        row.get("source", String.class),
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList();
    }

    public Mono<Consent> appendConsent(String customerId, ConsentPurpose purpose, boolean granted, String source) {
        return db.sql("""
                        insert into consent_ledger (customer_id, purpose, granted, source)
                        values (:customer, :purpose, :granted, :source)
                        returning recorded_at""")
                .bind("customer", customerId)
                .bind("purpose", purpose.name())
                .bind("granted", granted)
                .bind("source", source)
                .map(row -> new Consent(
                        purpose,
                        granted,
                        source,
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    private static Customer customer(Readable row) {
        return new Customer(
                row.get("id", String.class),
                row.get("first_name", String.class),
                row.get("last_name", String.class),
                row.get("email", String.class),
                row.get("phone", String.class),
                row.get("birthday", LocalDate.class),
                row.get("anniversary", LocalDate.class),
                row.get("locale", String.class),
                LoyaltyTier.valueOf(row.get("loyalty_tier", String.class)),
                row.get("loyalty_points", Integer.class),
                row.get("home_store_id", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
