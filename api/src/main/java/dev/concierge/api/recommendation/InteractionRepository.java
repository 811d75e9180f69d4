package dev.concierge.api.recommendation;

import dev.concierge.api.db.Sql;
import dev.concierge.personalization.recommendation.Interaction;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The model's training input, read from PostgreSQL: purchase lines (one {@code PURCHASE} per unit,
 * up to {@link #MAX_UNITS_PER_LINE}), and product views and add-to-carts of products in the
 * catalogue. Users are customers ({@code c:<id>}) and, for events without a customer, anonymous
 * visitors ({@code a:<id>}). Purchases of erased customers (no customer id) are left out.
 */
class InteractionRepository {

    /** A purchase line counts once per unit, up to this many: a bulk order is not many customers. */
    static final int MAX_UNITS_PER_LINE = 5;

    /** Rows fetched per round trip while streaming (a cursor, so memory stays bounded). */
    static final int FETCH_SIZE = 5_000;

    private static final String SOURCES = """
            select 'c:' || p.customer_id as u, i.sku, p.purchased_at as at, 'PURCHASE' as signal
            from purchases p
            join purchase_items i on i.purchase_id = p.id
            cross join generate_series(1, least(i.quantity, %1$d)) as unit
            where p.customer_id is not null and p.purchased_at >= :since %2$s
            union all
            select case when e.customer_id is not null then 'c:' || e.customer_id else 'a:' || e.anonymous_id end,
                   e.sku, e.occurred_at,
                   case e.type when 'PRODUCT_VIEW' then 'VIEW' else 'ADD_TO_CART' end
            from browsing_events e
            join products pr on pr.sku = e.sku
            where e.type in ('PRODUCT_VIEW', 'ADD_TO_CART') and e.occurred_at >= :since %3$s""";

    private final DatabaseClient db;

    InteractionRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Every interaction since {@code since}, ordered by user (so that a trainer that works user by
     * user sees each user's interactions together), fetched through a cursor as the subscriber
     * asks for more. Needs a transaction for the cursor.
     */
    Flux<Interaction> since(Instant since) {
        return db.sql("select u, sku, at, signal from (" + SOURCES.formatted(MAX_UNITS_PER_LINE, "", "")
                        + ") interactions order by u")
                .filter(statement -> statement.fetchSize(FETCH_SIZE))
                .bind("since", Sql.utc(since))
                .map(InteractionRepository::interaction)
                .all();
    }

    /** Up to {@code limit} users (as the model names them) who interacted with {@code sku} since {@code since}. */
    Flux<String> usersOf(String sku, Instant since, int limit) {
        return db.sql("""
                        select u from (
                            select 'c:' || p.customer_id as u
                            from purchase_items i join purchases p on p.id = i.purchase_id
                            where i.sku = :sku and p.customer_id is not null and p.purchased_at >= :since
                            union
                            select case when e.customer_id is not null then 'c:' || e.customer_id
                                        else 'a:' || e.anonymous_id end
                            from browsing_events e
                            where e.sku = :sku and e.type in ('PRODUCT_VIEW', 'ADD_TO_CART')
                              and e.occurred_at >= :since
                        ) touched
                        limit :limit""")
                .bind("sku", sku)
                .bind("since", Sql.utc(since))
                .bind("limit", limit)
                .map(row -> row.get("u", String.class))
                .all();
    }

    /** Up to {@code limit} interactions of these users since {@code since}, in no particular order. */
    Flux<Interaction> ofUsers(Collection<String> users, Instant since, int limit) {
        List<String> customers = new ArrayList<>();
        List<String> anonymous = new ArrayList<>();
        for (String user : users) {
            (user.startsWith("c:") ? customers : anonymous).add(user.substring(2));
        }
        String sql = SOURCES.formatted(MAX_UNITS_PER_LINE, "and p.customer_id = any(cast(:customers as text[]))", """
                        and (e.customer_id = any(cast(:customers as text[]))
                             or (e.customer_id is null and e.anonymous_id = any(cast(:anonymous as text[]))))""")
                + "\nlimit :limit";
        return db.sql(sql)
                .bind("since", Sql.utc(since))
                .bind("customers", customers.toArray(String[]::new))
                .bind("anonymous", anonymous.toArray(String[]::new))
                .bind("limit", limit)
                .map(InteractionRepository::interaction)
                .all();
    }

    private static Interaction interaction(Readable row) {
        return new Interaction(
                row.get("u", String.class),
                row.get("sku", String.class),
                row.get("at", OffsetDateTime.class).toInstant(),
                Interaction.Signal.valueOf(row.get("signal", String.class)));
    }
}
