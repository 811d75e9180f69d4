package dev.concierge.personalization.bench;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.recommendation.ItemSimilarityTrainer;
import dev.concierge.personalization.recommendation.ItemToItemRecommender;
import dev.concierge.personalization.recommendation.Popularity;
import dev.concierge.personalization.recommendation.Recommendations;
import dev.concierge.personalization.recommendation.RecommenderSettings;
import dev.concierge.personalization.recommendation.SimilarityModel;
import dev.concierge.personalization.recommendation.TrainingSettings;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Mono;

/**
 * The recommendation engine's two costs the issue asks for:
 *
 * <ul>
 *   <li>serving: {@link #recommendForCustomer} ranks a list of 10 for {@link
 *       HomePageWorkload#customer()} (20 purchased skus, all of them seeds) from warm in-memory
 *       ports: 50 neighbours per seed and a 20,000-product popularity table ({@link
 *       RecommendationWorkload}); {@link #recommendWithPopularityFill} when the table knows few of
 *       the customer's purchases, {@link #recommendSignedOut} and {@link #similarProducts} for
 *       comparison. Sample time for the percentiles, average time for the mean, in µs.
 *   <li>training: {@link #train1MInteractions} trains on {@link TrainingWorkload}'s 1,000,000
 *       interactions (100,000 users, 20,000 items, skewed), streamed from a generator as from a
 *       database cursor, single shot, in a fork limited to a 2 GiB heap; each iteration prints the
 *       peak heap use it saw. {@link #generateInteractionsOnly} times the generator alone, to
 *       subtract.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RecommendationBenchmark {

    // Inputs in plain (non-final) fields, as JMH advises, so that the JIT cannot fold them.
    private CustomerSnapshot customer = HomePageWorkload.customer();
    private RequestContext context = HomePageWorkload.customerContext();
    private RequestContext anonymousContext = HomePageWorkload.anonymousContext();
    private Popularity popularity = RecommendationWorkload.popularity();
    private ItemToItemRecommender recommender = new ItemToItemRecommender(
            RecommendationWorkload.port(RecommendationWorkload.neighbours(popularity, customer)),
            () -> Mono.just(popularity),
            RecommenderSettings.DEFAULTS);
    private ItemToItemRecommender sparseRecommender = new ItemToItemRecommender(
            RecommendationWorkload.port(
                    RecommendationWorkload.sparse(RecommendationWorkload.neighbours(popularity, customer))),
            () -> Mono.just(popularity),
            RecommenderSettings.DEFAULTS);
    private String productPage = "RNG-0003";

    /** Fails the run when the workload stops exercising the engine (seeds, exclusions, diversity). */
    @Setup(Level.Trial)
    public void checkWorkload() {
        Recommendations list = recommendForCustomer();
        require(list != null, "a list");
        if (list != null) {
            require(list.items().size() == 10, "10 items, got " + list.items().size());
            require("item-to-item".equals(list.strategy()), "the item-to-item strategy, got " + list.strategy());
            long fromSeeds = list.items().stream()
                    .filter(item -> item.reason().startsWith("Because you bought"))
                    .count();
            require(fromSeeds == 10, "10 items from the seeds, got " + fromSeeds);
            for (Recommendations.Item item : list.items()) {
                boolean repurchasable = popularity.entries().stream()
                        .anyMatch(entry -> entry.sku().equals(item.sku()) && entry.repurchasable());
                require(
                        repurchasable || !customer.activity().skuPurchases().containsKey(item.sku()),
                        "no owned product unless repurchasable: " + item.sku());
            }
        }
        Recommendations filled = recommendWithPopularityFill();
        require(filled != null && filled.items().size() == 10, "a list of 10 with a popularity fill");
        long popular = filled == null
                ? 0
                : filled.items().stream()
                        .filter(item -> item.reason().startsWith("Popular in"))
                        .count();
        require(popular >= 5, "at least 5 popular products filling the list, got " + popular);
        Recommendations similar = similarProducts();
        require(similar != null && !similar.items().isEmpty(), "similar products for " + productPage);
    }

    @Benchmark
    public @Nullable Recommendations recommendForCustomer() {
        return recommender.recommend(customer, context, 10).block();
    }

    /**
     * The same customer when the similarity table knows only 2 of their purchases, 2 neighbours
     * each: the list is filled with popular products, their recent categories first (the category
     * interest over 300 daily rows, a merge over the 20,000 products).
     */
    @Benchmark
    public @Nullable Recommendations recommendWithPopularityFill() {
        return sparseRecommender.recommend(customer, context, 10).block();
    }

    @Benchmark
    public @Nullable Recommendations recommendSignedOut() {
        return recommender.recommend(null, anonymousContext, 10).block();
    }

    @Benchmark
    public @Nullable Recommendations similarProducts() {
        return recommender.similar(productPage, 10).block();
    }

    /** The training's generator and heap sampler, fresh for every iteration. */
    @State(Scope.Benchmark)
    public static class Training {

        TrainingWorkload workload = new TrainingWorkload();

        @Nullable
        HeapPeak peak;

        int iteration;

        @Setup(Level.Iteration)
        public void startSampling() {
            System.gc();
            peak = HeapPeak.start();
        }

        @TearDown(Level.Iteration)
        public void reportPeak() {
            HeapPeak sampler = peak;
            if (sampler != null) {
                HeapPeak.Result result = sampler.stop();
                System.out.printf(
                        Locale.ROOT,
                        "%n[iteration %d] heap before %.0f MiB, peak %.0f MiB (max %.0f MiB)%n",
                        ++iteration,
                        result.before() / 1048576.0,
                        result.peak() / 1048576.0,
                        Runtime.getRuntime().maxMemory() / 1048576.0);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xmx2g"})
    public SimilarityModel train1MInteractions(Training training) {
        SimilarityModel model = new ItemSimilarityTrainer(TrainingSettings.DEFAULTS)
                .train(training.workload.stream(), TrainingWorkload.NOW);
        if (model.interactions() != TrainingWorkload.INTERACTIONS || model.users() != TrainingWorkload.USERS) {
            throw new IllegalStateException("The benchmark workload is off: " + model);
        }
        return model;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xmx2g"})
    public void generateInteractionsOnly(Training training, Blackhole sink) {
        Iterator<?> rows = training.workload.stream();
        while (rows.hasNext()) {
            sink.consume(rows.next());
        }
    }

    private static void require(boolean condition, String expectation) {
        if (!condition) {
            throw new IllegalStateException("The benchmark workload is off: " + expectation);
        }
    }
}
