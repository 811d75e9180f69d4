package dev.concierge.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.customer.ProductCategory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CatalogCacheTests {

    private final List<Set<String>> queries = new ArrayList<>();

    /** A catalogue of RING-1 and RING-2 that records which skus each query asked for. */
    private final Function<Collection<String>, Mono<Map<String, Product>>> catalogue = skus -> {
        queries.add(Set.copyOf(skus));
        return Mono.just(skus.stream()
                .filter(sku -> sku.startsWith("RING-"))
                .collect(Collectors.toMap(sku -> sku, CatalogCacheTests::product)));
    };

    private static Product product(String sku) {
        return new Product(
                sku, "Ring " + sku, null, ProductCategory.RINGS, BigDecimal.TEN, "USD", List.of(), null, false);
    }

    @Test
    void asksTheCatalogueOnlyForSkusItDoesNotKeep() {
        CatalogCache<Product> cache = new CatalogCache<>(100, Duration.ofMinutes(1), catalogue);

        assertThat(cache.byKey(List.of("RING-1")).block()).containsOnlyKeys("RING-1");
        assertThat(cache.byKey(List.of("RING-1", "RING-2")).block()).containsOnlyKeys("RING-1", "RING-2");

        assertThat(queries).containsExactly(Set.of("RING-1"), Set.of("RING-2"));
    }

    @Test
    void unknownSkus_areAbsent_andAskedForAgain() {
        CatalogCache<Product> cache = new CatalogCache<>(100, Duration.ofMinutes(1), catalogue);

        assertThat(cache.byKey(List.of("NOPE", "RING-1")).block()).containsOnlyKeys("RING-1");
        assertThat(cache.byKey(List.of("NOPE")).block()).isEmpty();

        assertThat(queries).containsExactly(Set.of("NOPE", "RING-1"), Set.of("NOPE"));
    }

    @Test
    void aKeptProduct_isAskedForAgainAfterItsTtl() throws InterruptedException {
        CatalogCache<Product> cache = new CatalogCache<>(100, Duration.ofMillis(50), catalogue);
        cache.byKey(List.of("RING-1")).block();
        Thread.sleep(120);
        cache.byKey(List.of("RING-1")).block();

        assertThat(queries).containsExactly(Set.of("RING-1"), Set.of("RING-1"));
    }
}
