package dev.concierge.personalization.recommendation;

import java.util.Arrays;

/**
 * The weight each user gives each item while the interactions stream in: an open-addressing map
 * from {@code (user << 32 | item)} to the summed decayed weight and the latest interaction time, in
 * three primitive arrays (24 bytes a slot, at most 3/4 full), so a row costs no allocation.
 */
final class UserItemWeights {

    private static final long FREE = -1L;

    private long[] keys = filled(1 << 10);
    private double[] weights = new double[1 << 10];
    private long[] latest = new long[1 << 10];
    private int size;

    /** Adds {@code weight} to the pair and remembers the later of the times (epoch seconds). */
    void add(int user, int item, double weight, long at) {
        long key = ((long) user << 32) | item;
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (true) {
            long found = keys[slot];
            if (found == key) {
                weights[slot] += weight;
                latest[slot] = Math.max(latest[slot], at);
                return;
            }
            if (found == FREE) {
                keys[slot] = key;
                weights[slot] = weight;
                latest[slot] = at;
                size++;
                if (size * 4L > keys.length * 3L) {
                    rehash();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** The number of slots, to walk the table with {@link #used} and the accessors. */
    int capacity() {
        return keys.length;
    }

    boolean used(int slot) {
        return keys[slot] != FREE;
    }

    int user(int slot) {
        return (int) (keys[slot] >>> 32);
    }

    int item(int slot) {
        return (int) keys[slot];
    }

    double weight(int slot) {
        return weights[slot];
    }

    long latest(int slot) {
        return latest[slot];
    }

    private void rehash() {
        long[] oldKeys = keys;
        double[] oldWeights = weights;
        long[] oldLatest = latest;
        int length = oldKeys.length * 2;
        keys = filled(length);
        weights = new double[length];
        latest = new long[length];
        int mask = length - 1;
        for (int old = 0; old < oldKeys.length; old++) {
            long key = oldKeys[old];
            if (key == FREE) {
                continue;
            }
            int slot = slot(key, mask);
            while (keys[slot] != FREE) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            weights[slot] = oldWeights[old];
            latest[slot] = oldLatest[old];
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static long[] filled(int length) {
        long[] keys = new long[length];
        Arrays.fill(keys, FREE);
        return keys;
    }
}
