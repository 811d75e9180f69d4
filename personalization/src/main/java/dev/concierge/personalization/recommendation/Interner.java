package dev.concierge.personalization.recommendation;

import java.util.Arrays;

/**
 * Dense int ids for strings (item skus, user ids), in first-seen order: an open-addressing table
 * of ids plus the names by id. About 12 bytes per id beyond the strings themselves, where a
 * {@code HashMap<String, Integer>} takes about 50.
 */
final class Interner {

    private static final int FREE = -1;

    private int[] slots = filled(16);
    private String[] names = new String[16];
    private int size;

    /** The id of {@code name}, assigning the next one when it is new. */
    int intern(String name) {
        int mask = slots.length - 1;
        for (int slot = spread(name.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot];
            if (id == FREE) {
                if (size == names.length) {
                    names = Arrays.copyOf(names, size * 2);
                }
                names[size] = name;
                slots[slot] = size;
                size++;
                if (size * 4 > slots.length * 3) {
                    rehash();
                }
                return size - 1;
            }
            if (names[id].equals(name)) {
                return id;
            }
        }
    }

    /** The id of {@code name}, or -1 when it was never interned. */
    int find(String name) {
        int mask = slots.length - 1;
        for (int slot = spread(name.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot];
            if (id == FREE) {
                return -1;
            }
            if (names[id].equals(name)) {
                return id;
            }
        }
    }

    String name(int id) {
        return names[id];
    }

    int size() {
        return size;
    }

    private void rehash() {
        int[] bigger = filled(slots.length * 2);
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = spread(names[id].hashCode()) & mask;
            while (bigger[slot] != FREE) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id;
        }
        slots = bigger;
    }

    private static int[] filled(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, FREE);
        return slots;
    }

    /** String hashes of similar ids (sku-0001, sku-0002) differ in the low bits only; mix them. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
