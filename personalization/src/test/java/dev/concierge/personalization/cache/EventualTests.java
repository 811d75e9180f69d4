package dev.concierge.personalization.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Eventual caches on two instances: the bus carries invalidations; L1 TTL bounds a lost one. */
class EventualTests {

    private static final CacheSettings SHORT_L1 =
            new CacheSettings(100, Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(30));

    private final TestCluster cluster = new TestCluster();
    private final TwoLevelCaches instanceA = cluster.instance();
    private final TwoLevelCaches instanceB = cluster.instance();
    private final TwoLevelCache<String, String> a = cluster.cache(instanceA, "content", Consistency.EVENTUAL, SHORT_L1);
    private final TwoLevelCache<String, String> b = cluster.cache(instanceB, "content", Consistency.EVENTUAL, SHORT_L1);

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void invalidate_onA_deletesTheSharedEntry_andEvictsBsL1WhenTheMessageArrives() {
        cluster.source.put("home", "v1");
        a.get("home").block();
        b.get("home").block();
        cluster.bus.mode(InMemoryBus.Mode.HOLD);

        cluster.source.put("home", "v2");
        a.invalidate("home").block();

        assertThat(b.get("home").block()).as("before the message").isEqualTo("v1");
        cluster.bus.deliver();
        assertThat(b.get("home").block()).as("after the message").isEqualTo("v2");
        assertThat(a.get("home").block()).isEqualTo("v2");
    }

    @Test
    void anInstance_ignoresItsOwnMessages() {
        cluster.source.put("home", "v1");
        a.get("home").block();
        cluster.bus.mode(InMemoryBus.Mode.HOLD);
        cluster.source.put("home", "v2");
        a.invalidate("home").block();
        assertThat(a.get("home").block()).isEqualTo("v2");
        int loads = cluster.loads("home");

        cluster.bus.deliver();

        assertThat(a.get("home").block()).isEqualTo("v2");
        assertThat(cluster.loads("home")).as("no second eviction, no reload").isEqualTo(loads);
    }

    @Test
    void aLostMessage_isBoundedByTheL1Ttl() {
        cluster.source.put("home", "v1");
        b.get("home").block();
        cluster.bus.mode(InMemoryBus.Mode.DROP);
        cluster.source.put("home", "v2");
        a.invalidate("home").block();

        assertThat(b.get("home").block()).isEqualTo("v1");
        cluster.advance(Duration.ofMinutes(2));
        assertThat(b.get("home").block()).isEqualTo("v2");
    }

    @Test
    void aMessageForAWholeCacheOrForEveryCache_clearsL1() {
        cluster.source.put("home", "v1");
        b.get("home").block();

        cluster.bus.publish(new Invalidation("someone", "content", null)).block();
        assertThat(b.stats().l1Size()).isZero();

        b.get("home").block();
        cluster.bus.publish(Invalidation.everything("someone")).block();
        assertThat(b.stats().l1Size()).isZero();
    }
}
