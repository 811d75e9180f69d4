package dev.concierge.personalization.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.Consents;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.RequestContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ItemToItemRecommenderTests {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final Instant MODEL_AT = NOW.minus(Duration.ofHours(6));
    static final Instant POPULARITY_AT = NOW.minus(Duration.ofHours(1));
    static final RequestContext CONTEXT = new RequestContext(Channel.WEB, "en-US", ZoneOffset.UTC, null, null, NOW);

    /** Ten products per category, popularity interleaving the categories: RNG-01, NCK-01, EAR-01, … */
    static final Popularity TABLE = table();

    static final RecommenderSettings NO_FILL = new RecommenderSettings(20, 3, 0);

    @Test
    void recommend_customer_scoresSeedWeightTimesSimilarity_reasonNamesTheStrongestSeed() {
        CustomerSnapshot customer = customer(Map.of("RNG-01", 10, "NCK-01", 100));
        ItemToItemRecommender recommender = recommender(
                Map.of(
                        "RNG-01", List.of(n("EAR-02", 0.8), n("BRC-02", 0.3)),
                        "NCK-01", List.of(n("BRC-02", 0.9), n("WCH-02", 0.2))),
                NO_FILL);

        Recommendations recommendations = recommend(recommender, customer, 10);

        // a seed counts 0.5^(age / 90 days)
        double ring = Math.pow(0.5, 10 / 90.0);
        double necklace = Math.pow(0.5, 100 / 90.0);
        assertThat(recommendations.items())
                .extracting(Recommendations.Item::sku, Recommendations.Item::reason)
                .containsExactly(
                        tuple("EAR-02", "Because you bought Ring 1"),
                        // 0.3 x ring (0.28) < 0.9 x necklace (0.42): the necklace gave most
                        tuple("BRC-02", "Because you bought Necklace 1"),
                        tuple("WCH-02", "Because you bought Necklace 1"));
        assertThat(recommendations.items().get(0).score()).isCloseTo(0.8 * ring, within(1e-12));
        assertThat(recommendations.items().get(1).score()).isCloseTo(0.3 * ring + 0.9 * necklace, within(1e-12));
        assertThat(recommendations.items().get(2).score()).isCloseTo(0.2 * necklace, within(1e-12));
        assertThat(recommendations.strategy()).isEqualTo("item-to-item");
        assertThat(recommendations.computedAt()).isEqualTo(MODEL_AT);
    }

    @Test
    void recommend_onlyTheMostRecentPurchases_seed() {
        CustomerSnapshot customer = customer(Map.of("RNG-01", 10, "NCK-01", 100));
        ItemToItemRecommender recommender = recommender(
                Map.of(
                        "RNG-01", List.of(n("EAR-02", 0.8), n("BRC-02", 0.3)),
                        "NCK-01", List.of(n("BRC-02", 0.9), n("WCH-02", 0.2))),
                new RecommenderSettings(1, 3, 0));

        Recommendations recommendations = recommend(recommender, customer, 10);

        assertThat(skus(recommendations)).containsExactly("EAR-02", "BRC-02");
        assertThat(recommendations.items())
                .allSatisfy(item -> assertThat(item.reason()).isEqualTo("Because you bought Ring 1"));
    }

    static Stream<Arguments> ownership() {
        return Stream.of(
                argumentSet("owned, not repurchasable: left out", "EAR-03", true, false),
                argumentSet("owned, repurchasable (a service): kept", "SRV-03", true, true),
                argumentSet("not owned: kept", "EAR-04", false, true));
    }

    @ParameterizedTest
    @MethodSource("ownership")
    void recommend_ownedProducts_leftOutUnlessRepurchasable(String sku, boolean owned, boolean expected) {
        Map<String, Integer> bought = new HashMap<>(Map.of("RNG-01", 5));
        if (owned) {
            bought.put(sku, 200);
        }
        ItemToItemRecommender recommender =
                recommender(Map.of("RNG-01", List.of(n(sku, 0.5), n("BRC-05", 0.4))), NO_FILL);

        Recommendations recommendations = recommend(recommender, customer(bought), 10);

        if (expected) {
            assertThat(skus(recommendations)).containsExactly(sku, "BRC-05");
        } else {
            assertThat(skus(recommendations)).containsExactly("BRC-05");
        }
    }

    @ParameterizedTest(name = "a list of {0} holds at most {1} of a category")
    @CsvSource({"10, 3", "20, 6", "4, 2"})
    void recommend_manyCandidatesOfOneCategory_capsEachCategory(int limit, int cap) {
        // the best candidates are 9 rings, then 5 earrings, then 5 necklaces
        List<Neighbour> neighbours = new ArrayList<>();
        for (int i = 2; i <= 10; i++) {
            neighbours.add(n(String.format("RNG-%02d", i), 1 - i / 100.0));
        }
        for (int i = 2; i <= 6; i++) {
            neighbours.add(n(String.format("EAR-%02d", i), 0.8 - i / 100.0));
            neighbours.add(n(String.format("NCK-%02d", i), 0.7 - i / 100.0));
        }
        ItemToItemRecommender recommender = recommender(Map.of("RNG-01", neighbours), RecommenderSettings.DEFAULTS);

        Recommendations recommendations = recommend(recommender, customer(Map.of("RNG-01", 3)), limit);

        assertThat(recommendations.items()).hasSize(limit);
        Map<ProductCategory, Integer> perCategory = new EnumMap<>(ProductCategory.class);
        for (Recommendations.Item item : recommendations.items()) {
            perCategory.merge(category(item.sku()), 1, Integer::sum);
        }
        assertThat(perCategory.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(cap));
        // the best rings made it, the rest waited for other categories
        assertThat(skus(recommendations).subList(0, cap)).containsExactlyElementsOf(skus(neighbours.subList(0, cap)));
        assertThat(recommendations.items())
                .extracting(Recommendations.Item::score)
                .isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void recommend_tenCandidatesAllRings_fillsWithOtherCategoriesPopularProducts() {
        List<Neighbour> rings = new ArrayList<>();
        for (int i = 2; i <= 10; i++) {
            rings.add(n(String.format("RNG-%02d", i), 1 - i / 100.0));
        }
        ItemToItemRecommender recommender = recommender(Map.of("RNG-01", rings), RecommenderSettings.DEFAULTS);

        Recommendations recommendations = recommend(recommender, customer(Map.of("RNG-01", 3)), 10);

        assertThat(skus(recommendations))
                .containsExactly(
                        "RNG-02", "RNG-03", "RNG-04", "NCK-01", "EAR-01", "BRC-01", "WCH-01", "SRV-01", "NCK-02",
                        "EAR-02");
        assertThat(recommendations.items().get(3).reason()).isEqualTo("Popular in Necklaces");
        assertThat(recommendations.items().get(3).score())
                .isLessThanOrEqualTo(recommendations.items().get(2).score());
        assertThat(recommendations.strategy()).isEqualTo("item-to-item");
    }

    @Test
    void recommend_nothingElseToShow_exceedsTheCapRatherThanShortenTheList() {
        List<Neighbour> rings = new ArrayList<>();
        for (int i = 2; i <= 10; i++) {
            rings.add(n(String.format("RNG-%02d", i), 1 - i / 100.0));
        }
        ItemToItemRecommender recommender = recommender(Map.of("RNG-01", rings), NO_FILL);

        Recommendations recommendations = recommend(recommender, customer(Map.of("RNG-01", 3)), 10);

        assertThat(skus(recommendations)).containsExactlyElementsOf(skus(rings));
    }

    @Test
    void recommend_noNeighbours_fillsWithPopularProductsOfRecentCategoriesFirst() {
        CustomerSnapshot customer = customer(
                Map.of("WCH-09", 400),
                List.of(
                        new CustomerSnapshot.DailyCount(day(5), EventType.PRODUCT_VIEW, ProductCategory.EARRINGS, 10),
                        // too old to count
                        new CustomerSnapshot.DailyCount(
                                day(200), EventType.PRODUCT_VIEW, ProductCategory.WATCHES, 50)));
        ItemToItemRecommender recommender = recommender(Map.of(), RecommenderSettings.DEFAULTS);

        Recommendations recommendations = recommend(recommender, customer, 6);

        // at most 2 of a category in a list of 6; earrings lifted to the front
        assertThat(recommendations.items())
                .extracting(Recommendations.Item::sku, Recommendations.Item::reason)
                .containsExactly(
                        tuple("EAR-01", "Popular in Earrings"),
                        tuple("EAR-02", "Popular in Earrings"),
                        tuple("RNG-01", "Popular in Rings"),
                        tuple("NCK-01", "Popular in Necklaces"),
                        tuple("BRC-01", "Popular in Bracelets"),
                        tuple("WCH-01", "Popular in Watches"));
        assertThat(recommendations.items())
                .extracting(Recommendations.Item::score)
                .isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(recommendations.strategy()).isEqualTo("popularity");
        assertThat(recommendations.computedAt()).isEqualTo(POPULARITY_AT);
    }

    @Test
    void recommend_signedOut_trendingProducts() {
        ItemToItemRecommender recommender =
                recommender(Map.of("RNG-01", List.of(n("EAR-02", 0.8))), RecommenderSettings.DEFAULTS);

        Recommendations recommendations = recommend(recommender, null, 4);

        assertThat(skus(recommendations)).containsExactly("RNG-01", "NCK-01", "EAR-01", "BRC-01");
        assertThat(recommendations.items())
                .allSatisfy(item -> assertThat(item.reason()).isEqualTo("Trending now"));
        assertThat(recommendations.items().get(0).score()).isEqualTo(1.0);
        assertThat(recommendations.strategy()).isEqualTo("trending");
        assertThat(recommendations.computedAt()).isEqualTo(POPULARITY_AT);
    }

    @Test
    void recommend_recentViewsAndCarts_seedCandidatesWeakerThanPurchases_andSaySo() {
        CustomerSnapshot customer = customer(Map.of("RNG-01", 10));
        ItemToItemRecommender recommender = recommender(
                Map.of(
                        "RNG-01", List.of(n("EAR-02", 0.5)),
                        "NCK-03", List.of(n("BRC-04", 0.9), n("EAR-02", 0.9)),
                        "WCH-05", List.of(n("SRV-06", 0.9))),
                NO_FILL);
        List<Interaction> recent = List.of(
                new Interaction("c:customer-1", "NCK-03", NOW.minus(Duration.ofDays(1)), Interaction.Signal.VIEW),
                new Interaction(
                        "c:customer-1", "WCH-05", NOW.minus(Duration.ofDays(2)), Interaction.Signal.ADD_TO_CART));

        Recommendations recommendations =
                recommender.recommend(customer, recent, CONTEXT, 10).block();

        assertThat(recommendations).isNotNull();
        double ring = Math.pow(0.5, 10 / 90.0);
        double view = 0.1 * Math.pow(0.5, 1 / 90.0);
        double cart = 0.5 * Math.pow(0.5, 2 / 90.0);
        assertThat(recommendations.items())
                .extracting(Recommendations.Item::sku, Recommendations.Item::reason)
                .containsExactly(
                        // the purchase outweighs the view of the same strength of similarity
                        tuple("EAR-02", "Because you bought Ring 1"),
                        tuple("SRV-06", "Because you added Watch 5 to your bag"),
                        tuple("BRC-04", "Because you viewed Necklace 3"));
        assertThat(recommendations.items().get(0).score()).isCloseTo(0.5 * ring + 0.9 * view, within(1e-12));
        assertThat(recommendations.items().get(1).score()).isCloseTo(0.9 * cart, within(1e-12));
        assertThat(recommendations.items().get(2).score()).isCloseTo(0.9 * view, within(1e-12));
        assertThat(recommendations.strategy()).isEqualTo("item-to-item");
        assertThat(recommend(recommender, customer, 10).items())
                .as("without the interactions, only the purchase seeds")
                .extracting(Recommendations.Item::sku)
                .containsExactly("EAR-02");
    }

    @Test
    void recommend_signedOut_trendingOnTheRequestsChannelFirst_thenOverall() {
        Popularity table = new Popularity(
                TABLE.entries(),
                Map.of(Channel.WATCH, List.of("WCH-09", "UNKNOWN", "RNG-01"), Channel.APP, List.of()),
                POPULARITY_AT);
        ItemToItemRecommender recommender = new ItemToItemRecommender(
                new InMemoryNeighbours(Map.of(), MODEL_AT), () -> Mono.just(table), RecommenderSettings.DEFAULTS);
        RequestContext watch = new RequestContext(Channel.WATCH, "fr-FR", ZoneOffset.UTC, null, null, NOW);

        Recommendations onWatch = recommender.recommend(null, watch, 4).block();
        Recommendations onWeb = recommender.recommend(null, CONTEXT, 4).block();
        Recommendations onApp = recommender
                .recommend(null, new RequestContext(Channel.APP, "en-US", ZoneOffset.UTC, null, null, NOW), 4)
                .block();

        assertThat(onWatch).isNotNull();
        assertThat(onWatch.items())
                .extracting(Recommendations.Item::sku, Recommendations.Item::reason)
                .containsExactly(
                        // an sku the table does not list is not sellable; each product once
                        tuple("WCH-09", "Trending on Watch"),
                        tuple("RNG-01", "Trending on Watch"),
                        tuple("NCK-01", "Trending now"),
                        tuple("EAR-01", "Trending now"));
        assertThat(onWatch.items())
                .extracting(Recommendations.Item::score)
                .isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(onWatch.strategy()).isEqualTo("trending");
        assertThat(onWeb).isNotNull();
        assertThat(onApp).isNotNull();
        // a channel without a ranking (or an empty one): the overall ranking, whatever the locale
        assertThat(skus(onWeb)).containsExactly("RNG-01", "NCK-01", "EAR-01", "BRC-01");
        assertThat(skus(onApp)).isEqualTo(skus(onWeb));
        assertThat(onApp.items()).allSatisfy(item -> assertThat(item.reason()).isEqualTo("Trending now"));
    }

    @Test
    void recommend_modelNeverComputed_freshnessOfThePopularityTable() {
        ItemToItemRecommender recommender = new ItemToItemRecommender(
                new InMemoryNeighbours(Map.of("RNG-01", List.of(n("EAR-02", 0.8))), null),
                () -> Mono.just(TABLE),
                NO_FILL);

        Recommendations recommendations = recommend(recommender, customer(Map.of("RNG-01", 1)), 3);

        assertThat(skus(recommendations)).containsExactly("EAR-02");
        assertThat(recommendations.strategy()).isEqualTo("item-to-item");
        assertThat(recommendations.computedAt()).isEqualTo(POPULARITY_AT);
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {0, -1})
    void recommend_limitZeroOrNegative_emptyOrAnError(int limit) {
        ItemToItemRecommender recommender = recommender(Map.of(), RecommenderSettings.DEFAULTS);

        Mono<Recommendations> recommendations = recommender.recommend(customer(Map.of("RNG-01", 1)), CONTEXT, limit);

        if (limit == 0) {
            StepVerifier.create(recommendations)
                    .assertNext(list -> assertThat(list.items()).isEmpty())
                    .verifyComplete();
        } else {
            StepVerifier.create(recommendations)
                    .expectError(IllegalArgumentException.class)
                    .verify();
        }
    }

    @Test
    void similarAndGoesWith_splitTheNeighboursByCategory() {
        ItemToItemRecommender recommender = recommender(
                Map.of(
                        "RNG-01",
                        List.of(
                                n("RNG-02", 0.9),
                                n("EAR-01", 0.8),
                                n("RNG-03", 0.5),
                                n("NCK-01", 0.4),
                                n("GONE", 0.3))),
                RecommenderSettings.DEFAULTS);

        Recommendations similar = recommender.similar("RNG-01", 10).block();
        Recommendations goesWith = recommender.goesWith("RNG-01", 10).block();
        Recommendations first = recommender.goesWith("RNG-01", 1).block();

        assertThat(similar).isNotNull();
        assertThat(similar.items())
                .containsExactly(
                        new Recommendations.Item("RNG-02", 0.9, "Similar to Ring 1"),
                        new Recommendations.Item("RNG-03", 0.5, "Similar to Ring 1"));
        assertThat(goesWith).isNotNull();
        assertThat(goesWith.items())
                .containsExactly(
                        new Recommendations.Item("EAR-01", 0.8, "Goes with Ring 1"),
                        new Recommendations.Item("NCK-01", 0.4, "Goes with Ring 1"));
        assertThat(first).isNotNull();
        assertThat(skus(first)).containsExactly("EAR-01");
        assertThat(similar.computedAt()).isEqualTo(MODEL_AT);
        assertThat(similar.strategy()).isEqualTo("item-to-item");
    }

    static Stream<Arguments> unknownProducts() {
        BiFunction<ItemToItemRecommender, String, Mono<Recommendations>> similar = (r, sku) -> r.similar(sku, 5);
        BiFunction<ItemToItemRecommender, String, Mono<Recommendations>> goesWith = (r, sku) -> r.goesWith(sku, 5);
        return Stream.of(
                argumentSet("similar, a sku nobody knows", similar, "NOPE"),
                argumentSet("goesWith, a sku nobody knows", goesWith, "NOPE"),
                argumentSet("similar, a sku with neighbours but not in the catalogue", similar, "GONE"),
                argumentSet("goesWith, a product without neighbours", goesWith, "WCH-07"));
    }

    @ParameterizedTest
    @MethodSource("unknownProducts")
    void similarAndGoesWith_unknownSkuOrNoNeighbours_emptyList(
            BiFunction<ItemToItemRecommender, String, Mono<Recommendations>> related, String sku) {
        ItemToItemRecommender recommender =
                recommender(Map.of("GONE", List.of(n("RNG-01", 0.9), n("EAR-01", 0.9))), RecommenderSettings.DEFAULTS);

        Recommendations recommendations = related.apply(recommender, sku).block();

        assertThat(recommendations).isNotNull();
        assertThat(recommendations.items()).isEmpty();
    }

    @Test
    void seeds_aPurchaseOutweighsAView_andViewsSayViewed() {
        Seeds seeds = new Seeds(NOW)
                .add("X", Seeds.Kind.VIEW, NOW)
                .add("X", Seeds.Kind.PURCHASE, NOW.minus(Duration.ofDays(10)))
                .add("Y", Seeds.Kind.VIEW, NOW.minus(Duration.ofDays(90)));

        List<Seeds.Seed> strongest = seeds.strongest(5);

        assertThat(strongest).extracting(Seeds.Seed::sku).containsExactly("X", "Y");
        assertThat(strongest.get(0).kind()).isEqualTo(Seeds.Kind.PURCHASE);
        assertThat(strongest.get(0).weight()).isCloseTo(Math.pow(0.5, 10 / 90.0), within(1e-12));
        // a view weighs 0.1 of a purchase (the trainer's weights), half of that at 90 days
        assertThat(strongest.get(1).weight()).isCloseTo(0.05, within(1e-12));
        assertThat(strongest.get(1).kind().reason("Y")).isEqualTo("Because you viewed Y");
        assertThat(seeds.strongest(1)).hasSize(1);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                argumentSet("no recent items", 0, 3, 1.0),
                argumentSet("no product per category", 20, 0, 1.0),
                argumentSet("a negative fill share", 20, 3, -0.1),
                argumentSet("a fill share over 1", 20, 3, 1.5),
                argumentSet("a NaN fill share", 20, 3, Double.NaN));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void settings_badValues_failFast(int recentItems, int maxPerCategory, double popularityFill) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RecommenderSettings(recentItems, maxPerCategory, popularityFill));
    }

    @ParameterizedTest(name = "{0} per 10, a list of {1}: {2}")
    @CsvSource({"3, 10, 3", "3, 20, 6", "3, 4, 2", "3, 1, 1", "1, 5, 1", "2, 25, 5"})
    void settings_categoryCap_scalesWithTheListLength(int maxPerCategory, int limit, int cap) {
        assertThat(new RecommenderSettings(20, maxPerCategory, 1).categoryCap(limit))
                .isEqualTo(cap);
    }

    // --- helpers ---------------------------------------------------------------------------------

    static ItemToItemRecommender recommender(Map<String, List<Neighbour>> neighbours, RecommenderSettings settings) {
        return new ItemToItemRecommender(
                new InMemoryNeighbours(neighbours, MODEL_AT), () -> Mono.just(TABLE), settings);
    }

    static Recommendations recommend(
            ItemToItemRecommender recommender, @Nullable CustomerSnapshot customer, int limit) {
        Recommendations recommendations =
                recommender.recommend(customer, CONTEXT, limit).block();
        assertThat(recommendations).isNotNull();
        return recommendations;
    }

    static Neighbour n(String sku, double score) {
        return new Neighbour(sku, score, 5);
    }

    static List<String> skus(Recommendations recommendations) {
        return recommendations.items().stream().map(Recommendations.Item::sku).toList();
    }

    static List<String> skus(List<Neighbour> neighbours) {
        return neighbours.stream().map(Neighbour::sku).toList();
    }

    static ProductCategory category(String sku) {
        return switch (sku.substring(0, 3)) {
            case "RNG" -> ProductCategory.RINGS;
            case "NCK" -> ProductCategory.NECKLACES;
            case "EAR" -> ProductCategory.EARRINGS;
            case "BRC" -> ProductCategory.BRACELETS;
            case "WCH" -> ProductCategory.WATCHES;
            default -> ProductCategory.SERVICES;
        };
    }

    static Popularity table() {
        Map<ProductCategory, String[]> names = new LinkedHashMap<>();
        names.put(ProductCategory.RINGS, new String[] {"RNG", "Ring"});
        names.put(ProductCategory.NECKLACES, new String[] {"NCK", "Necklace"});
        names.put(ProductCategory.EARRINGS, new String[] {"EAR", "Earring"});
        names.put(ProductCategory.BRACELETS, new String[] {"BRC", "Bracelet"});
        names.put(ProductCategory.WATCHES, new String[] {"WCH", "Watch"});
        names.put(ProductCategory.SERVICES, new String[] {"SRV", "Service"});
        List<Popularity.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            for (Map.Entry<ProductCategory, String[]> category : names.entrySet()) {
                String sku = String.format(Locale.ROOT, "%s-%02d", category.getValue()[0], i);
                double score = 1000 - (i * 10 + category.getKey().ordinal());
                entries.add(new Popularity.Entry(
                        sku,
                        category.getValue()[1] + " " + i,
                        category.getKey(),
                        score,
                        category.getKey() == ProductCategory.SERVICES));
            }
        }
        return new Popularity(entries, POPULARITY_AT);
    }

    static CustomerSnapshot customer(Map<String, Integer> boughtDaysAgo) {
        return customer(boughtDaysAgo, List.of());
    }

    static CustomerSnapshot customer(Map<String, Integer> boughtDaysAgo, List<CustomerSnapshot.DailyCount> counts) {
        Map<String, CustomerSnapshot.SkuPurchases> purchases = new HashMap<>();
        for (Map.Entry<String, Integer> bought : boughtDaysAgo.entrySet()) {
            purchases.put(
                    bought.getKey(),
                    new CustomerSnapshot.SkuPurchases(NOW.minus(Duration.ofDays(bought.getValue())), 1));
        }
        CustomerSnapshot.Activity activity = new CustomerSnapshot.Activity(
                counts, Map.of(), purchases, List.of(), purchases.size(), BigDecimal.ZERO, null, null, 0, null);
        CustomerSnapshot.Profile profile = new CustomerSnapshot.Profile(
                "customer-1",
                "Maya",
                null,
                null,
                "en-US",
                LoyaltyTier.GOLD,
                0,
                null,
                NOW.minus(Duration.ofDays(1_000)),
                Map.of());
        return new CustomerSnapshot(profile, Consents.fromLedger(List.of()), activity, List.of());
    }

    static LocalDate day(int daysAgo) {
        return LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(daysAgo);
    }
}
