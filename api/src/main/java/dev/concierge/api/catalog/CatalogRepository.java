package dev.concierge.api.catalog;

import dev.concierge.personalization.customer.GeoPoint;
import dev.concierge.personalization.customer.ProductCategory;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads products and stores, always in bulk. */
public class CatalogRepository {

    private static final String PRODUCT_COLUMNS =
            "sku, name, description, category, price, currency, image_urls, care_interval_days, repurchasable";
    private static final String STORE_COLUMNS =
            "id, name, address_line, city, postal_code, country, latitude, longitude, phone, opening_hours::text as opening_hours, services";

    private final DatabaseClient db;
    private final JsonMapper json;

    public CatalogRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Flux<Product> products(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("select " + PRODUCT_COLUMNS + " from products where sku = any(:skus)")
                .bind("skus", skus.toArray(String[]::new))
                .map(CatalogRepository::product)
                .all();
    }

    public Flux<Store> stores(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("select " + STORE_COLUMNS + " from stores where id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(this::store)
                .all();
    }

    /** Every store; the chain has few, so distance ranking happens in memory. */
    public Flux<Store> allStores() {
        return db.sql("select " + STORE_COLUMNS + " from stores order by id")
                .map(this::store)
                .all();
    }

    public Mono<Map<String, Product>> productsBySku(Collection<String> skus) {
        return products(skus).collectMap(Product::sku);
    }

    static Product product(Readable row) {
        String[] images = row.get("image_urls", String[].class);
        return new Product(
                row.get("sku", String.class),
                row.get("name", String.class),
                row.get("description", String.class),
                ProductCategory.valueOf(row.get("category", String.class)),
                row.get("price", BigDecimal.class),
                row.get("currency", String.class),
                images == null ? List.of() : List.of(images),
                row.get("care_interval_days", Integer.class),
                Boolean.TRUE.equals(row.get("repurchasable", Boolean.class)));
    }

    private Store store(Readable row) {
        String[] services = row.get("services", String[].class);
        return new Store(
                row.get("id", String.class),
                row.get("name", String.class),
                new Store.Address(
                        row.get("address_line", String.class),
                        row.get("city", String.class),
                        row.get("postal_code", String.class),
                        row.get("country", String.class)),
                new GeoPoint(row.get("latitude", Double.class), row.get("longitude", Double.class)),
                row.get("phone", String.class),
                openingHours(row.get("opening_hours", String.class)),
                services == null ? List.of() : Arrays.asList(services));
    }

    /**
     * Reads {@code {"MONDAY": [{"opens": "10:00", "closes": "19:00"}], ...}}: each day holds its
     * intervals; a missing or empty day is closed. Days are returned Monday first.
     */
    List<Store.OpeningHours> openingHours(String text) {
        JsonNode root = json.readTree(text);
        List<Store.OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (JsonNode interval : root.path(day.name())) {
                hours.add(new Store.OpeningHours(
                        day.name(),
                        interval.path("opens").asString(),
                        interval.path("closes").asString()));
            }
        }
        return hours;
    }
}
