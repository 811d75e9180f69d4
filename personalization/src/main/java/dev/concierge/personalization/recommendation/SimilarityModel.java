package dev.concierge.personalization.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of a full training: every item's top neighbours (best first), the items' norms (kept
 * for the incremental path), when it was computed and what it was computed from. Immutable.
 */
public final class SimilarityModel {

    private final Map<String, List<Neighbour>> neighbours;
    private final Map<String, Double> norms;
    private final Instant computedAt;
    private final long interactions;
    private final int users;
    private final int items;

    SimilarityModel(
            Map<String, List<Neighbour>> neighbours,
            Map<String, Double> norms,
            Instant computedAt,
            long interactions,
            int users,
            int items) {
        this.neighbours = Map.copyOf(neighbours);
        this.norms = Map.copyOf(norms);
        this.computedAt = computedAt;
        this.interactions = interactions;
        this.users = users;
        this.items = items;
    }

    /** The item's neighbours, best first; empty when it has none. */
    public List<Neighbour> neighbours(String sku) {
        return neighbours.getOrDefault(sku, List.of());
    }

    /** Every item that has neighbours, with them, best first. */
    public Map<String, List<Neighbour>> all() {
        return neighbours;
    }

    /**
     * Each item's Euclidean norm over the weighted user vectors, as of {@link #computedAt()}; items
     * left with no weight (e.g. only in heavy users' rows beyond the per-user cap) are absent. Keep
     * them with the neighbours: they are the input of {@link ItemSimilarityTrainer#recompute}.
     */
    public Map<String, Double> norms() {
        return norms;
    }

    /** The {@code now} the model was trained for: ages were counted back from it. */
    public Instant computedAt() {
        return computedAt;
    }

    /** The rows read, repeats included. */
    public long interactions() {
        return interactions;
    }

    /** The distinct users with at least one weighed interaction. */
    public int users() {
        return users;
    }

    /** The distinct items with at least one weighed interaction. */
    public int items() {
        return items;
    }

    @Override
    public String toString() {
        return "SimilarityModel[items=" + items + ", users=" + users + ", interactions=" + interactions
                + ", withNeighbours=" + neighbours.size() + ", computedAt=" + computedAt + "]";
    }
}
