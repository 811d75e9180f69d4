package dev.concierge.api.targeting;

import dev.concierge.api.page.SnapshotRepository;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.segment.AudienceCount;
import dev.concierge.personalization.segment.EvaluateSegments;
import dev.concierge.personalization.segment.Rule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts the customers that rules match now: every customer when there are at most {@code
 * sampleSize}, else a uniform random sample of that size, scaled up with an interval ({@link
 * AudienceCount}). Snapshots load in batches through the page's snapshot query (a few queries in
 * flight, never one per customer), bypassing the cache so that an estimate does not flush the
 * customers the pages need. Several rules share one pass over the same customers. Only counts
 * leave this class.
 *
 * <p>Request-dependent predicates see a neutral request: a WEB visit with no device and no
 * location, now, in UTC. So {@code channel} matches only rules that include WEB, {@code device}
 * never matches and {@code nearStore} never matches.
 */
class AudienceEstimator {

    static final String NEUTRAL_CONTEXT = "Request-dependent predicates assume a WEB visit now, with no device and"
            + " no location, dates in UTC: channel rules count as for WEB, device and nearStore rules match nobody.";

    private final DatabaseClient db;
    private final SnapshotRepository snapshots;
    private final AudienceProperties properties;
    private final Clock clock;
    private final EvaluateSegments evaluate = new EvaluateSegments(List.of());

    AudienceEstimator(DatabaseClient db, SnapshotRepository snapshots, AudienceProperties properties, Clock clock) {
        this.db = db;
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
    }

    /** One count per rule, in order, over the same customers. */
    Mono<List<AudienceCount>> estimate(List<Rule> rules) {
        return db.sql("select count(*) from customers")
                .map(row -> row.get(0, Long.class))
                .one()
                .flatMap(total -> total <= properties.sampleSize()
                        ? evaluate(rules, everyone(), -1)
                        : evaluate(rules, sample(), total))
                .timeout(properties.timeout())
                .onErrorMap(
                        TimeoutException.class,
                        e -> new ConciergeException(
                                ErrorCode.UNAVAILABLE,
                                "The audience estimate took longer than "
                                        + properties.timeout().toMillis()
                                        + " ms and was cancelled; nothing is wrong with the rule: retry later",
                                null));
    }

    /** Customers known in all, for audiences that need no evaluation. */
    Mono<Long> customerCount() {
        return db.sql("select count(*) from customers")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** Notes for an estimate: the neutral context, and how it was sampled. */
    static String note(AudienceCount count) {
        if (count.exact()) {
            return "Exact: all " + count.total() + " customers evaluated. " + NEUTRAL_CONTEXT;
        }
        return "Estimated from a uniform random sample of " + count.sampled() + " of " + count.total()
                + " customers, scaled up; low and high are a 95% Wilson score interval. " + NEUTRAL_CONTEXT;
    }

    private Mono<List<String>> everyone() {
        return db.sql("select id from customers")
                .map(row -> row.get("id", String.class))
                .all()
                .collectList();
    }

    private Mono<List<String>> sample() {
        return db.sql("select id from customers order by random() limit :n")
                .bind("n", properties.sampleSize())
                .map(row -> row.get("id", String.class))
                .all()
                .collectList();
    }

    /**
     * @param total the customers known in all when {@code ids} is a sample; -1 when it is everyone,
     *     whose evaluated snapshots are then the total
     */
    private Mono<List<AudienceCount>> evaluate(List<Rule> rules, Mono<List<String>> ids, long total) {
        RequestContext context = new RequestContext(Channel.WEB, "en-US", ZoneOffset.UTC, null, null, clock.instant());
        return ids.flatMapMany(Flux::fromIterable)
                .buffer(properties.batchSize())
                .flatMap(batch -> snapshots.loadAll(batch).collectList(), properties.concurrency())
                .reduce(new Tally(rules.size()), (tally, batch) -> tally.add(batch, rules, context))
                .map(tally -> tally.counts(total));
    }

    /** Matches per rule; mutated by one reducer at a time. */
    private final class Tally {

        private final long[] consenting;
        private final long[] matching;
        private long evaluated;

        Tally(int rules) {
            consenting = new long[rules];
            matching = new long[rules];
        }

        Tally add(List<CustomerSnapshot> batch, List<Rule> rules, RequestContext context) {
            for (CustomerSnapshot snapshot : batch) {
                evaluated++;
                boolean consent = snapshot.consents().granted(ConsentPurpose.PERSONALIZATION);
                for (int i = 0; i < rules.size(); i++) {
                    if (evaluate.matches(rules.get(i), snapshot, context)) {
                        matching[i]++;
                        if (consent) {
                            consenting[i]++;
                        }
                    }
                }
            }
            return this;
        }

        List<AudienceCount> counts(long total) {
            List<AudienceCount> counts = new ArrayList<>(consenting.length);
            for (int i = 0; i < consenting.length; i++) {
                counts.add(
                        total < 0 || evaluated == 0
                                ? AudienceCount.exact(consenting[i], matching[i], evaluated)
                                : AudienceCount.sampled(
                                        consenting[i], matching[i], evaluated, Math.max(total, evaluated)));
            }
            return counts;
        }
    }

    /** When the estimate was computed, for its {@code computedAt}. */
    Instant now() {
        return clock.instant();
    }
}
