package dev.concierge.personalization.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTests {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(5), Duration.ofSeconds(1), ticker);

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void errors_openItAtTheThreshold() {
        assertThat(breaker.recordFailure(false)).isFalse();
        assertThat(breaker.recordFailure(false)).isFalse();
        assertThat(breaker.recordFailure(false)).isTrue();
        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void aBurstOfTimeouts_fromAStall_doesNotOpenIt() {
        for (int i = 0; i < 50; i++) {
            assertThat(breaker.recordFailure(true)).isFalse();
        }
        advance(Duration.ofMillis(300));
        breaker.recordSuccess();
        advance(Duration.ofSeconds(1));
        assertThat(breaker.recordFailure(true)).isFalse();
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void timeoutsThatLastTheSpan_openIt() {
        breaker.recordFailure(true);
        breaker.recordFailure(true);
        breaker.recordFailure(true);
        advance(Duration.ofMillis(999));
        assertThat(breaker.recordFailure(true)).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(breaker.recordFailure(true)).isTrue();
        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void anErrorInARunOfTimeouts_opensItAtTheThreshold() {
        breaker.recordFailure(true);
        breaker.recordFailure(true);
        assertThat(breaker.recordFailure(false)).isTrue();
    }

    @Test
    void aSuccess_startsANewRun() {
        breaker.recordFailure(false);
        breaker.recordFailure(false);
        breaker.recordSuccess();
        assertThat(breaker.recordFailure(false)).isFalse();
        assertThat(breaker.recordFailure(false)).isFalse();
        assertThat(breaker.recordFailure(false)).isTrue();
    }
}
