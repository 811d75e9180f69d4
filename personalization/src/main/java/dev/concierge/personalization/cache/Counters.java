package dev.concierge.personalization.cache;

import java.util.concurrent.atomic.LongAdder;

/** What a cache counts itself; L1 hits, misses and evictions are Caffeine's. */
final class Counters {

    final LongAdder l2Hits = new LongAdder();
    final LongAdder l2Misses = new LongAdder();
    final LongAdder l2Errors = new LongAdder();
    final LongAdder loads = new LongAdder();
    final LongAdder loadFailures = new LongAdder();
}
