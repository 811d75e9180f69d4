package dev.concierge.personalization.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Invalidations this instance could not write to the shared level, kept for replay. Bounded: past
 * the capacity it forgets the keys and remembers that everything shared is suspect, which the
 * replay answers by moving to a new epoch. While an invalidation is pending, this instance does not
 * trust the shared level for its key (nor for anything, when everything is suspect), so its own
 * readers never see what its own writers invalidated.
 */
final class PendingInvalidations {

    /** An invalidation to replay: a cache's key, and the generation key of a read-your-writes cache. */
    record Pending(String cache, String key, @Nullable String generationKey) {}

    /** A pending invalidation and when it was (last) remembered. */
    record Entry(Pending pending, long sequence) {}

    private final int capacity;
    private final Map<Pending, Long> items = new LinkedHashMap<>();
    private final Map<String, Integer> generations = new HashMap<>();
    private boolean everything;
    private boolean bumping;
    private long sequence;
    /** True when nothing is pending: readers check it without taking the lock. */
    private volatile boolean clear = true;

    PendingInvalidations(int capacity) {
        this.capacity = capacity;
    }

    boolean isEmpty() {
        return clear;
    }

    /** A mark: entries remembered before it have a sequence no greater than it. */
    synchronized long mark() {
        return sequence;
    }

    synchronized void add(Pending pending) {
        if (everything) {
            return;
        }
        if (!items.containsKey(pending) && items.size() >= capacity) {
            everything = true;
            items.clear();
            generations.clear();
        } else if (items.put(pending, ++sequence) == null && pending.generationKey() != null) {
            generations.merge(pending.generationKey(), 1, Integer::sum);
        }
        clear = false;
    }

    /** Whether this instance must not trust the shared level for the key. */
    boolean blocks(String cache, String key, @Nullable String generationKey) {
        if (clear) {
            return false;
        }
        synchronized (this) {
            return everything
                    || bumping
                    || (generationKey != null && generations.containsKey(generationKey))
                    || items.containsKey(new Pending(cache, key, null));
        }
    }

    synchronized boolean everything() {
        return everything;
    }

    synchronized List<Entry> snapshot() {
        List<Entry> entries = new ArrayList<>(items.size());
        items.forEach((pending, seq) -> entries.add(new Entry(pending, seq)));
        return entries;
    }

    /** The entry was replayed: forgets it unless it was remembered again since. */
    synchronized void done(Entry entry) {
        if (items.remove(entry.pending(), entry.sequence())) {
            forgetGeneration(entry.pending());
        }
    }

    /** A later invalidation of the same key reached the shared level: those remembered before the mark are moot. */
    synchronized void satisfied(Pending pending, long mark) {
        Long seq = items.get(pending);
        if (seq != null && seq <= mark) {
            items.remove(pending);
            forgetGeneration(pending);
        }
    }

    /**
     * Starts replacing the epoch when everything is suspect: forgets the keys (the new epoch covers
     * them) but keeps blocking reads until {@link #endBump}. False when there is nothing to bump.
     */
    synchronized boolean beginBump() {
        if (!everything) {
            return false;
        }
        everything = false;
        bumping = true;
        return true;
    }

    synchronized void endBump(boolean bumped) {
        bumping = false;
        if (!bumped) {
            everything = true;
            items.clear();
            generations.clear();
        }
        updateClear();
    }

    private void forgetGeneration(Pending pending) {
        if (pending.generationKey() != null) {
            generations.computeIfPresent(pending.generationKey(), (key, count) -> count > 1 ? count - 1 : null);
        }
        updateClear();
    }

    private void updateClear() {
        clear = items.isEmpty() && !everything && !bumping;
    }
}
