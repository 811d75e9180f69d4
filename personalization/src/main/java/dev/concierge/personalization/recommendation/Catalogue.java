package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.ProductCategory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The popularity table indexed for serving: products by sku (name, category, repurchasable) and
 * each category's products best first. Built once per table, not per request.
 */
final class Catalogue {

    /** How much a customer's full interest in a category (share 1) lifts its products, against popularity 0..1. */
    static final double INTEREST_BOOST = 1.0;

    private static final ProductCategory[] CATEGORIES = ProductCategory.values();

    final Popularity table;
    private final List<Popularity.Entry> entries;
    private final Map<String, Popularity.Entry> bySku;
    private final int[][] byCategory;
    private final double top;

    private Catalogue(Popularity table) {
        this.table = table;
        this.entries = table.entries();
        this.bySku = new HashMap<>(entries.size() * 4 / 3 + 1);
        List<List<Integer>> positions = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            positions.add(new ArrayList<>());
        }
        double best = 0;
        for (int p = 0; p < entries.size(); p++) {
            Popularity.Entry entry = entries.get(p);
            bySku.putIfAbsent(entry.sku(), entry);
            positions.get(entry.category().ordinal()).add(p);
            best = Math.max(best, entry.score());
        }
        this.top = Math.max(best, 1e-9);
        this.byCategory = new int[CATEGORIES.length][];
        for (int c = 0; c < CATEGORIES.length; c++) {
            List<Integer> list = positions.get(c);
            // best first even if the table is not sorted; table order breaks ties
            list.sort((x, y) -> {
                int byScore =
                        Double.compare(entries.get(y).score(), entries.get(x).score());
                return byScore != 0 ? byScore : Integer.compare(x, y);
            });
            byCategory[c] = list.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    static Catalogue of(Popularity table) {
        return new Catalogue(table);
    }

    /** The product, or null when the table does not list it (not sellable). */
    Popularity.@Nullable Entry get(String sku) {
        return bySku.get(sku);
    }

    List<Popularity.Entry> entries() {
        return entries;
    }

    /**
     * Popular products in order of {@code score / top score + INTEREST_BOOST * interest(category)}
     * (ties: table order): the popularity ranking with the customer's recent categories lifted. A
     * lazy merge of the per-category lists, so a request reads only the products it needs.
     */
    Cursor byInterest(Map<ProductCategory, Double> interest) {
        return new Cursor(interest);
    }

    final class Cursor {

        private final double[] lift = new double[CATEGORIES.length];
        private final int[] next = new int[CATEGORIES.length];

        private Cursor(Map<ProductCategory, Double> interest) {
            for (Map.Entry<ProductCategory, Double> entry : interest.entrySet()) {
                lift[entry.getKey().ordinal()] = INTEREST_BOOST * entry.getValue();
            }
        }

        /** The next product, or null when every product was returned. */
        Popularity.@Nullable Entry next() {
            int bestCategory = -1;
            double bestRelevance = Double.NEGATIVE_INFINITY;
            int bestPosition = Integer.MAX_VALUE;
            for (int c = 0; c < byCategory.length; c++) {
                if (next[c] < byCategory[c].length) {
                    int position = byCategory[c][next[c]];
                    double relevance = relevance(position, c);
                    if (relevance > bestRelevance || (relevance == bestRelevance && position < bestPosition)) {
                        bestCategory = c;
                        bestRelevance = relevance;
                        bestPosition = position;
                    }
                }
            }
            if (bestCategory < 0) {
                return null;
            }
            next[bestCategory]++;
            return entries.get(bestPosition);
        }

        /** Returns no more products of this category (by ordinal), e.g. once it is full. */
        void skip(int category) {
            next[category] = byCategory[category].length;
        }

        /** The entry's relevance scaled to 0..1. */
        double relevance(Popularity.Entry entry) {
            return (Math.max(0, entry.score()) / top + lift[entry.category().ordinal()]) / (1 + INTEREST_BOOST);
        }

        private double relevance(int position, int category) {
            return entries.get(position).score() / top + lift[category];
        }
    }
}
