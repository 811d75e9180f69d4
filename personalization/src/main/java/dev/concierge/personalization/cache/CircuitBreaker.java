package dev.concierge.personalization.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed while the shared level answers; open after a run of consecutive failures, when calls are
 * not made at all; after the open duration one probe decides between closed and open again.
 *
 * <p>An error (a refused or broken connection) is evidence that the shared level is down. A timeout
 * is not always: when this process stalls (a garbage collection pause, a starved CPU) every call in
 * flight times out at once, though Redis answered in time. So a run of failures that are all
 * timeouts opens the circuit only once it has also lasted {@code timeoutSpan}; a stall's burst of
 * timeouts is followed by successes, which end the run. Opening on a stall would clear every
 * instance-local level (values cannot be validated while the circuit is open) and send all reads to
 * the database at the moment the process is already behind.
 */
final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        PROBING
    }

    private final int threshold;
    private final long openNanos;
    private final long timeoutSpanNanos;
    private final Ticker ticker;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile State state = State.CLOSED;
    private long openedAt;
    private long runStartedAt;
    private boolean runHasErrors;

    CircuitBreaker(int threshold, Duration openDuration, Duration timeoutSpan, Ticker ticker) {
        this.threshold = threshold;
        this.openNanos = openDuration.toNanos();
        this.timeoutSpanNanos = timeoutSpan.toNanos();
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

    /** Counts a failure (a timeout or an error); true when this one opened the circuit. */
    synchronized boolean recordFailure(boolean timeout) {
        if (state != State.CLOSED) {
            return false;
        }
        long now = ticker.read();
        if (failures.getAndIncrement() == 0) {
            runStartedAt = now;
            runHasErrors = false;
        }
        runHasErrors |= !timeout;
        if (failures.get() < threshold || (!runHasErrors && now - runStartedAt < timeoutSpanNanos)) {
            return false;
        }
        state = State.OPEN;
        openedAt = now;
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
