package dev.concierge.personalization.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed while the shared level answers; open after a run of consecutive failures, when calls are
 * not made at all; after the open duration one probe decides between closed and open again.
 */
final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        PROBING
    }

    private final int threshold;
    private final long openNanos;
    private final Ticker ticker;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile State state = State.CLOSED;
    private long openedAt;

    CircuitBreaker(int threshold, Duration openDuration, Ticker ticker) {
        this.threshold = threshold;
        this.openNanos = openDuration.toNanos();
        this.ticker = ticker;
    }

    boolean allows() {
        return state == State.CLOSED;
    }

    void recordSuccess() {
        if (failures.get() != 0) {
            failures.set(0);
        }
    }

    /** Counts a failure; true when this one opened the circuit. */
    synchronized boolean recordFailure() {
        if (state != State.CLOSED || failures.incrementAndGet() < threshold) {
            return false;
        }
        state = State.OPEN;
        openedAt = ticker.read();
        return true;
    }

    /** How long until a probe is due; zero when it is, negative when the circuit is not open. */
    synchronized long nanosUntilProbe() {
        if (state != State.OPEN) {
            return -1;
        }
        return Math.max(0, openedAt + openNanos - ticker.read());
    }

    /** Moves an open circuit whose time is up to probing; true for the one caller that probes. */
    synchronized boolean tryProbe() {
        if (state != State.OPEN || ticker.read() - openedAt < openNanos) {
            return false;
        }
        state = State.PROBING;
        return true;
    }

    synchronized void probeSucceeded() {
        failures.set(0);
        state = State.CLOSED;
    }

    synchronized void probeFailed() {
        state = State.OPEN;
        openedAt = ticker.read();
    }
}
