package dev.concierge.personalization.bench;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.recommendation.ItemNeighbours;
import dev.concierge.personalization.recommendation.Neighbour;
import dev.concierge.personalization.recommendation.Popularity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import reactor.core.publisher.Mono;

/**
 * The serving side's warm inputs: a 20,000-product popularity table (six categories, Zipf-like
 * scores, every tenth product repurchasable) and a similarity table with 50 neighbours for each of
 * {@link HomePageWorkload#customer()}'s 20 purchased skus (60% in the seed's category; some of them
 * products the customer owns, so the exclusion is exercised), behind ports that answer with
 * completed {@code Mono}s, as the api's warm cache does.
 */
final class RecommendationWorkload {

    static final int PRODUCTS = 20_000;
    static final int NEIGHBOURS = 50;
    static final Instant MODEL_AT = HomePageWorkload.NOW.minusSeconds(6 * 3600);

    private static final ProductCategory[] JEWELLERY = {
        ProductCategory.RINGS,
        ProductCategory.NECKLACES,
        ProductCategory.EARRINGS,
        ProductCategory.BRACELETS,
        ProductCategory.WATCHES
    };

    private RecommendationWorkload() {}

    static Popularity popularity() {
        SplittableRandom random = new SplittableRandom(7);
        List<Popularity.Entry> entries = new ArrayList<>(PRODUCTS);
        for (String sku : purchased(HomePageWorkload.customer())) {
            entries.add(entry(sku, category(sku), random.nextInt(PRODUCTS)));
        }
        for (int i = entries.size(); i < PRODUCTS; i++) {
            ProductCategory category =
                    i % 20 == 0 ? ProductCategory.SERVICES : JEWELLERY[random.nextInt(JEWELLERY.length)];
            String sku = String.format(Locale.ROOT, "%s-%05d", prefix(category), i);
            entries.add(entry(sku, category, random.nextInt(PRODUCTS)));
        }
        entries.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new Popularity(entries, HomePageWorkload.NOW.minusSeconds(1800));
    }

    /** 50 neighbours per purchased sku, best first. */
    static Map<String, List<Neighbour>> neighbours(Popularity popularity, CustomerSnapshot customer) {
        SplittableRandom random = new SplittableRandom(11);
        Map<ProductCategory, List<String>> byCategory = new HashMap<>();
        for (Popularity.Entry entry : popularity.entries()) {
            byCategory.computeIfAbsent(entry.category(), c -> new ArrayList<>()).add(entry.sku());
        }
        List<String> owned = purchased(customer);
        Map<String, List<Neighbour>> table = new HashMap<>();
        for (String seed : owned) {
            List<Neighbour> neighbours = new ArrayList<>(NEIGHBOURS);
            Set<String> seen = new HashSet<>();
            double score = 0.9;
            for (int n = 0; neighbours.size() < NEIGHBOURS; n++) {
                String sku;
                if (n % 10 == 9) {
                    sku = owned.get(random.nextInt(owned.size()));
                } else {
                    ProductCategory category =
                            random.nextInt(10) < 6 ? category(seed) : JEWELLERY[random.nextInt(JEWELLERY.length)];
                    List<String> skus = byCategory.get(category);
                    sku = skus.get(random.nextInt(Math.min(skus.size(), 2_000)));
                }
                if (sku.equals(seed) || !seen.add(sku)) {
                    continue;
                }
                score *= 0.9 + random.nextDouble() * 0.09;
                neighbours.add(new Neighbour(sku, score, 2 + random.nextInt(200)));
            }
            table.put(seed, List.copyOf(neighbours));
        }
        return Map.copyOf(table);
    }

    /** The table cut down to the first 2 seeds (by sku) with their 2 best neighbours each. */
    static Map<String, List<Neighbour>> sparse(Map<String, List<Neighbour>> table) {
        List<String> seeds = new ArrayList<>(table.keySet());
        seeds.sort(null);
        Map<String, List<Neighbour>> sparse = new HashMap<>();
        for (String seed : seeds.subList(0, 2)) {
            sparse.put(seed, table.get(seed).subList(0, 2));
        }
        return Map.copyOf(sparse);
    }

    /** The similarity table in memory, as the api's warm cache: a lookup per sku, completed Monos. */
    static ItemNeighbours port(Map<String, List<Neighbour>> table) {
        Mono<Instant> computedAt = Mono.just(MODEL_AT);
        return new ItemNeighbours() {
            @Override
            public Mono<Map<String, List<Neighbour>>> neighbours(Collection<String> skus) {
                Map<String, List<Neighbour>> found = new HashMap<>();
                for (String sku : skus) {
                    List<Neighbour> neighbours = table.get(sku);
                    if (neighbours != null) {
                        found.put(sku, neighbours);
                    }
                }
                return Mono.just(found);
            }

            @Override
            public Mono<Instant> computedAt() {
                return computedAt;
            }
        };
    }

    /** The customer's skus in a fixed order (the snapshot's map iterates in a per-JVM order). */
    private static List<String> purchased(CustomerSnapshot customer) {
        List<String> skus = new ArrayList<>(customer.activity().skuPurchases().keySet());
        skus.sort(null);
        return skus;
    }

    private static Popularity.Entry entry(String sku, ProductCategory category, int rank) {
        // Zipf-like: the score falls as 1 / (rank + 1)
        double score = 10_000.0 / (rank + 1);
        return new Popularity.Entry(
                sku,
                category.name().charAt(0) + category.name().substring(1).toLowerCase(Locale.ROOT) + " " + sku,
                category,
                score,
                sku.hashCode() % 10 == 0 || category == ProductCategory.SERVICES);
    }

    private static ProductCategory category(String sku) {
        return switch (sku.substring(0, 3)) {
            case "RNG" -> ProductCategory.RINGS;
            case "NCK" -> ProductCategory.NECKLACES;
            case "EAR" -> ProductCategory.EARRINGS;
            case "BRC" -> ProductCategory.BRACELETS;
            case "WCH" -> ProductCategory.WATCHES;
            default -> ProductCategory.SERVICES;
        };
    }

    private static String prefix(ProductCategory category) {
        return switch (category) {
            case RINGS -> "RNG";
            case NECKLACES -> "NCK";
            case EARRINGS -> "EAR";
            case BRACELETS -> "BRC";
            case WATCHES -> "WCH";
            case SERVICES -> "SRV";
        };
    }
}
