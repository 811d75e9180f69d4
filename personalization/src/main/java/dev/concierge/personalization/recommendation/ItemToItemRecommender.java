package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.RequestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Recommends from the item-to-item similarity table ("customers who bought this also bought").
 *
 * <p>For a customer: the seeds are their {@code recentItems} strongest interactions — purchases,
 * and the recent product views and add-to-carts the caller passes — each weighted by its kind and
 * age ({@link Seeds}); a candidate's score is the sum over seeds of {@code seed weight *
 * similarity}, and its reason names the seed that contributed most ("Because you bought Aurora
 * Ring"). Products they own are left out unless repurchasable. The list is re-ranked greedily for
 * diversity (at most {@link RecommenderSettings#maxPerCategory()} products of a category per 10) and, when
 * short, filled with popular products, the customer's recent categories first ("Popular in
 * Rings"). Only when candidates and popular products of other categories run out does a category
 * exceed its cap. Engine products come first, by score; fills follow with scores below them.
 *
 * <p>For a signed-out visitor (or no consent): the products trending on the request's channel
 * ({@link Popularity#trendingByChannel()}), "Trending on Watch", then the overall popularity ranking,
 * "Trending now"; only the overall ranking when the channel had no activity. The locale does not
 * change the ranking: the catalogue is the same for every locale, and products carry none.
 *
 * <p>Names, categories and repurchasability come from the {@link Popularity} table, which must
 * list every sellable product (score 0 when it had no recent activity): a neighbour missing from
 * it is treated as not sellable and skipped. The table is indexed once per instance the port
 * returns (by identity), so the port should hand out the same instance while it is unchanged, as a
 * cache does.
 *
 * <p>{@link Recommendations#strategy()} is {@code item-to-item} when the list holds at least one
 * product from the similarity table, with {@link ItemNeighbours#computedAt()} as its freshness (the
 * popularity table's when the model was never computed); otherwise {@code popularity}, with the
 * popularity table's; for a signed-out visitor {@code trending}.
 */
public final class ItemToItemRecommender implements Recommender {

    static final String ITEM_TO_ITEM = "item-to-item";
    static final String POPULARITY = "popularity";
    static final String TRENDING = "trending";

    private static final int CATEGORIES = ProductCategory.values().length;

    private static final Comparator<Candidate> BEST_FIRST =
            (x, y) -> Candidate.before(x, y) ? -1 : Candidate.before(y, x) ? 1 : 0;

    private final ItemNeighbours neighbours;
    private final ProductPopularity popularity;
    private final RecommenderSettings settings;

    /** The last popularity table seen, indexed; replaced when the port returns another instance. */
    private volatile @Nullable Catalogue catalogue;

    public ItemToItemRecommender(
            ItemNeighbours neighbours, ProductPopularity popularity, RecommenderSettings settings) {
        this.neighbours = neighbours;
        this.popularity = popularity;
        this.settings = settings;
    }

    @Override
    public Mono<Recommendations> recommend(@Nullable CustomerSnapshot customer, RequestContext context, int limit) {
        return recommend(customer, List.of(), context, limit);
    }

    /**
     * As {@link #recommend(CustomerSnapshot, RequestContext, int)}, with the customer's recent
     * product views and add-to-carts (and any purchases) as further seeds: each weighs as the
     * trainer weighs its signal (a view 0.1, an add-to-cart 0.5 of a purchase), decayed with its
     * age as purchases are, and a product they lead to says "Because you viewed {name}" (or "added
     * {name} to your bag"). The caller bounds the list (e.g. the last 20 of 90 days); the
     * interactions' user is not read. Ignored for a signed-out visitor ({@code customer} null).
     */
    public Mono<Recommendations> recommend(
            @Nullable CustomerSnapshot customer,
            List<Interaction> recentInteractions,
            RequestContext context,
            int limit) {
        if (limit < 0) {
            return Mono.error(new IllegalArgumentException("limit must be >= 0, got " + limit));
        }
        if (customer == null) {
            return popularity.popularity().map(table -> trending(catalogue(table), context.channel(), limit));
        }
        List<Seeds.Seed> seeds = Seeds.purchases(customer, context.now())
                .addAll(recentInteractions)
                .strongest(settings.recentItems());
        Mono<Map<String, List<Neighbour>>> found =
                seeds.isEmpty() ? Mono.just(Map.of()) : neighbours.neighbours(skus(seeds));
        return Mono.zip(found, popularity.popularity(), freshness())
                .map(loaded -> rank(
                        customer, context, limit, seeds, loaded.getT1(), catalogue(loaded.getT2()), loaded.getT3()));
    }

    /**
     * Products like this one: its neighbours in the same category, best first, "Similar to
     * {name}". Empty for a product the popularity table does not list.
     */
    public Mono<Recommendations> similar(String sku, int limit) {
        return related(sku, limit, true, "Similar to ");
    }

    /**
     * Products that go with this one: its neighbours in other categories (what customers buy
     * together with it), best first, "Goes with {name}". Empty for a product the popularity table
     * does not list.
     */
    public Mono<Recommendations> goesWith(String sku, int limit) {
        return related(sku, limit, false, "Goes with ");
    }

    private Mono<Recommendations> related(String sku, int limit, boolean sameCategory, String reasonPrefix) {
        if (limit < 0) {
            return Mono.error(new IllegalArgumentException("limit must be >= 0, got " + limit));
        }
        return Mono.zip(neighbours.neighbours(List.of(sku)), popularity.popularity(), freshness())
                .map(loaded -> {
                    Catalogue products = catalogue(loaded.getT2());
                    Instant computedAt = loaded.getT3().orElse(products.table.computedAt());
                    Popularity.Entry product = products.get(sku);
                    List<Recommendations.Item> items = new ArrayList<>();
                    if (product != null) {
                        String reason = reasonPrefix + product.name();
                        for (Neighbour neighbour : loaded.getT1().getOrDefault(sku, List.of())) {
                            if (items.size() == limit) {
                                break;
                            }
                            Popularity.Entry other = products.get(neighbour.sku());
                            if (other != null
                                    && !other.sku().equals(sku)
                                    && (other.category() == product.category()) == sameCategory) {
                                items.add(new Recommendations.Item(other.sku(), neighbour.score(), reason));
                            }
                        }
                    }
                    return new Recommendations(items, ITEM_TO_ITEM, computedAt);
                });
    }

    /** The model's computedAt, or empty when it was never computed. */
    private Mono<Optional<Instant>> freshness() {
        return neighbours.computedAt().map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private Catalogue catalogue(Popularity table) {
        Catalogue current = catalogue;
        if (current == null || current.table != table) {
            current = Catalogue.of(table);
            catalogue = current;
        }
        return current;
    }

    /**
     * The channel's ranking first (scored by rank, 1 down towards 0.5, "Trending on {channel}"),
     * then the overall ranking (scored below it, "Trending now"), each product once.
     */
    private static Recommendations trending(Catalogue products, Channel channel, int limit) {
        List<String> onChannel = products.table.trendingByChannel().getOrDefault(channel, List.of());
        List<Recommendations.Item> items = new ArrayList<>(limit);
        Set<String> taken = new HashSet<>();
        String channelReason = "Trending on " + label(channel);
        for (int i = 0; i < onChannel.size() && items.size() < limit; i++) {
            Popularity.Entry entry = products.get(onChannel.get(i));
            if (entry != null && taken.add(entry.sku())) {
                items.add(new Recommendations.Item(entry.sku(), 1 - 0.5 * i / onChannel.size(), channelReason));
            }
        }
        // overall scores scaled under the channel's: 0..0.5 after a channel ranking, else 0..1
        double scale = items.isEmpty() ? 1 : 0.5;
        List<Popularity.Entry> entries = products.entries();
        double top = entries.isEmpty() ? 1 : Math.max(entries.get(0).score(), 1e-9);
        for (int i = 0; i < entries.size() && items.size() < limit; i++) {
            Popularity.Entry entry = entries.get(i);
            if (taken.add(entry.sku())) {
                items.add(new Recommendations.Item(entry.sku(), scale * entry.score() / top, "Trending now"));
            }
        }
        return new Recommendations(items, TRENDING, products.table.computedAt());
    }

    /** The channel as a reason names it: "Web", "Watch". */
    static String label(Channel channel) {
        String name = channel.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    Recommendations rank(
            CustomerSnapshot customer,
            RequestContext context,
            int limit,
            List<Seeds.Seed> seeds,
            Map<String, List<Neighbour>> found,
            Catalogue products,
            Optional<Instant> computedAt) {
        Map<String, CustomerSnapshot.SkuPurchases> owned = customer.activity().skuPurchases();

        // candidates: the seeds' neighbours, scored by sum of seed weight x similarity
        int reached = 0;
        for (Seeds.Seed seed : seeds) {
            reached += found.getOrDefault(seed.sku(), List.of()).size();
        }
        Map<String, Candidate> candidates = new HashMap<>(reached * 4 / 3 + 1);
        Candidate[] ranked = new Candidate[reached];
        int count = 0;
        for (Seeds.Seed seed : seeds) {
            for (Neighbour neighbour : found.getOrDefault(seed.sku(), List.of())) {
                Popularity.Entry product = products.get(neighbour.sku());
                if (product == null || (!product.repurchasable() && owned.containsKey(product.sku()))) {
                    continue;
                }
                Candidate candidate = candidates.get(product.sku());
                if (candidate == null) {
                    candidate = new Candidate(product);
                    candidates.put(product.sku(), candidate);
                    ranked[count++] = candidate;
                }
                candidate.add(seed, seed.weight() * neighbour.score());
            }
        }

        // greedy diversity, best first: a candidate over its category's cap waits. A heap yields
        // the best candidates without sorting the hundreds a list of 10 never reaches.
        int cap = settings.categoryCap(limit);
        int[] perCategory = new int[CATEGORIES];
        Set<String> taken = new HashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        List<Candidate> waiting = new ArrayList<>();
        Candidate.heapify(ranked, count);
        for (int left = count; left > 0 && chosen.size() < limit; left--) {
            Candidate candidate = Candidate.poll(ranked, left);
            int category = candidate.product.category().ordinal();
            if (perCategory[category] < cap) {
                perCategory[category]++;
                chosen.add(candidate);
                taken.add(candidate.product.sku());
            } else {
                waiting.add(candidate);
            }
        }

        // short: popular products of categories under the cap, the customer's recent ones first
        List<Popularity.Entry> fills = new ArrayList<>();
        int fillCap = settings.fillCap(limit);
        Map<ProductCategory, Double> interest = Map.of();
        Catalogue.@Nullable Cursor cursor = null;
        if (chosen.size() < limit && fillCap > 0) {
            interest = CategoryInterest.of(customer, context);
            cursor = products.byInterest(interest);
            fill(cursor, owned, taken, perCategory, cap, chosen.size(), limit, fillCap, fills);
        }
        // still short: relax the cap, engine candidates first, then popular products
        for (int i = 0; i < waiting.size() && chosen.size() + fills.size() < limit; i++) {
            chosen.add(waiting.get(i));
            taken.add(waiting.get(i).product.sku());
        }
        if (cursor != null && chosen.size() + fills.size() < limit && fills.size() < fillCap) {
            Catalogue.Cursor again = products.byInterest(interest);
            fill(again, owned, taken, perCategory, Integer.MAX_VALUE, chosen.size(), limit, fillCap, fills);
        }

        chosen.sort(BEST_FIRST);
        List<Recommendations.Item> items = new ArrayList<>(chosen.size() + fills.size());
        double lowest = 1;
        for (Candidate candidate : chosen) {
            Seeds.Seed because = candidate.strongestSeed();
            Popularity.Entry seedProduct = products.get(because.sku());
            String seedName = seedProduct == null ? because.sku() : seedProduct.name();
            items.add(new Recommendations.Item(
                    candidate.product.sku(), candidate.score, because.kind().reason(seedName)));
            lowest = candidate.score;
        }
        for (Popularity.Entry fill : fills) {
            double relevance = cursor == null ? 0 : cursor.relevance(fill);
            items.add(new Recommendations.Item(
                    fill.sku(), lowest * relevance, "Popular in " + CategoryInterest.label(fill.category())));
        }
        return chosen.isEmpty()
                ? new Recommendations(items, POPULARITY, products.table.computedAt())
                : new Recommendations(items, ITEM_TO_ITEM, computedAt.orElse(products.table.computedAt()));
    }

    /** Takes popular products from the cursor into {@code fills} until the list or the fill share is full. */
    private static void fill(
            Catalogue.Cursor cursor,
            Map<String, CustomerSnapshot.SkuPurchases> owned,
            Set<String> taken,
            int[] perCategory,
            int cap,
            int engineItems,
            int limit,
            int fillCap,
            List<Popularity.Entry> fills) {
        for (int category = 0; category < perCategory.length; category++) {
            if (perCategory[category] >= cap) {
                cursor.skip(category);
            }
        }
        for (Popularity.Entry entry = cursor.next();
                entry != null && engineItems + fills.size() < limit && fills.size() < fillCap;
                entry = cursor.next()) {
            if (taken.contains(entry.sku()) || (!entry.repurchasable() && owned.containsKey(entry.sku()))) {
                continue;
            }
            fills.add(entry);
            taken.add(entry.sku());
            int category = entry.category().ordinal();
            if (++perCategory[category] >= cap) {
                cursor.skip(category);
            }
        }
    }

    private static List<String> skus(List<Seeds.Seed> seeds) {
        List<String> skus = new ArrayList<>(seeds.size());
        for (Seeds.Seed seed : seeds) {
            skus.add(seed.sku());
        }
        return skus;
    }

    /** A product reached from one or more seeds: the summed score and the seed that gave most. */
    private static final class Candidate {

        final Popularity.Entry product;
        double score;
        private Seeds.@Nullable Seed strongest;
        private double strongestContribution = Double.NEGATIVE_INFINITY;

        Candidate(Popularity.Entry product) {
            this.product = product;
        }

        void add(Seeds.Seed seed, double contribution) {
            score += contribution;
            if (contribution > strongestContribution) {
                strongest = seed;
                strongestContribution = contribution;
            }
        }

        /** Whether x ranks before y: a higher score, or the same and an earlier sku. */
        static boolean before(Candidate x, Candidate y) {
            return x.score > y.score || (x.score == y.score && x.product.sku().compareTo(y.product.sku()) < 0);
        }

        /** Orders {@code heap[0 .. size)} as a binary heap with the best candidate at the root. */
        static void heapify(Candidate[] heap, int size) {
            for (int at = size / 2 - 1; at >= 0; at--) {
                down(heap, at, size);
            }
        }

        /** Removes and returns the best of {@code heap[0 .. size)}; the heap then has size - 1. */
        static Candidate poll(Candidate[] heap, int size) {
            Candidate best = heap[0];
            heap[0] = heap[size - 1];
            down(heap, 0, size - 1);
            return best;
        }

        private static void down(Candidate[] heap, int at, int size) {
            while (true) {
                int best = at;
                int left = 2 * at + 1;
                if (left < size && before(heap[left], heap[best])) {
                    best = left;
                }
                if (left + 1 < size && before(heap[left + 1], heap[best])) {
                    best = left + 1;
                }
                if (best == at) {
                    return;
                }
                Candidate swap = heap[at];
                heap[at] = heap[best];
                heap[best] = swap;
                at = best;
            }
        }

        Seeds.Seed strongestSeed() {
            Seeds.Seed seed = strongest;
            if (seed == null) {
                throw new IllegalStateException("a candidate always has a seed");
            }
            return seed;
        }
    }
}
