package dev.concierge.personalization.experiment;

import dev.concierge.personalization.customer.Subject;
import java.util.List;

/**
 * Deterministic bucketing: a subject's place in an experiment follows from a stable hash of the
 * experiment id and the subject id alone, so every instance, every JVM and every restart puts the
 * subject in the same arm, with no state to share or store.
 *
 * <p>The hash is 64-bit FNV-1a over the UTF-8 bytes of {@code experimentId}, a {@code 0x00} byte
 * and {@code subject.id()} (exactly the bytes of {@code (experimentId + '\0' + id).getBytes(UTF_8)},
 * encoded on the fly without allocating), finished with MurmurHash3's 64-bit finalizer. FNV-1a is
 * tiny and allocation-free but mixes its low bits poorly; the finalizer is a bijection with full
 * avalanche, so every input bit moves about half of the output bits. Together they take tens of
 * nanoseconds for typical ids, where SHA-256 through {@code MessageDigest} costs a digest instance,
 * a byte array and several times the time — and bucketing runs for every experiment slot of every
 * page. Nobody gains from forging a bucket (anonymous ids are chosen by the client anyway), so a
 * cryptographic hash buys nothing here. The algorithm is fixed: changing it reshuffles every
 * running experiment.
 *
 * <p>Only the subject's id is hashed, not its kind: customer ids and anonymous ids come from
 * different generators, so equal strings are not expected, and a signed-out visitor who signs in
 * is bucketed again under the customer id (the arm may change at that moment).
 */
public final class Bucketing {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int SEPARATOR = 0x00;
    /** What {@code String.getBytes(UTF_8)} writes for a lone surrogate. */
    private static final int REPLACEMENT = '?';
    /** 2^-53: the top 53 bits of the hash, scaled, give every double in [0, 1) on a 2^-53 grid. */
    private static final double UNIT = 0x1.0p-53;

    private Bucketing() {}

    /** A value in {@code [0, 1)}, uniform over subjects, the same wherever and whenever it is computed. */
    public static double position(String experimentId, Subject subject) {
        return (hash(experimentId, subject.id()) >>> 11) * UNIT;
    }

    /**
     * The subject's assignment: the holdout when its position falls below the holdout share,
     * otherwise an arm, chosen by the position rescaled over the remaining share and the arms'
     * cumulative weights in the experiment's order.
     */
    public static Assignment assign(Experiment experiment, Subject subject) {
        double position = position(experiment.id(), subject);
        double holdout = experiment.holdoutShare();
        if (position < holdout) {
            return new Assignment(experiment.id(), null, true);
        }
        List<Experiment.Arm> arms = experiment.arms();
        long totalWeight = 0;
        for (int i = 0; i < arms.size(); i++) {
            totalWeight += arms.get(i).weight();
        }
        // holdout < 1 here, since position < 1
        double target = (position - holdout) / (1 - holdout) * totalWeight;
        long cumulative = 0;
        for (int i = 0; i < arms.size(); i++) {
            cumulative += arms.get(i).weight();
            if (target < cumulative) {
                return new Assignment(experiment.id(), arms.get(i).key(), false);
            }
        }
        // rounding can put the target on the total itself: that is the end of the last arm
        return new Assignment(experiment.id(), arms.get(arms.size() - 1).key(), false);
    }

    /** The stable 64-bit hash of {@code experimentId + '\0' + subjectId}, as described above. */
    static long hash(String experimentId, String subjectId) {
        long h = fnv1aUtf8(FNV_OFFSET_BASIS, experimentId);
        h = step(h, SEPARATOR);
        h = fnv1aUtf8(h, subjectId);
        return finalizeMix(h);
    }

    /** Continues FNV-1a over the UTF-8 encoding of {@code text}, as {@code String.getBytes(UTF_8)} encodes it. */
    private static long fnv1aUtf8(long hash, String text) {
        long h = hash;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                h = step(h, c);
            } else if (c < 0x800) {
                h = step(h, 0xC0 | (c >>> 6));
                h = step(h, 0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                h = step(h, 0xE0 | (c >>> 12));
                h = step(h, 0x80 | ((c >>> 6) & 0x3F));
                h = step(h, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                h = step(h, 0xF0 | (codePoint >>> 18));
                h = step(h, 0x80 | ((codePoint >>> 12) & 0x3F));
                h = step(h, 0x80 | ((codePoint >>> 6) & 0x3F));
                h = step(h, 0x80 | (codePoint & 0x3F));
            } else {
                h = step(h, REPLACEMENT);
            }
        }
        return h;
    }

    private static long step(long hash, int octet) {
        return (hash ^ octet) * FNV_PRIME;
    }

    /** MurmurHash3's fmix64: a bijection on 64-bit values with full avalanche. */
    private static long finalizeMix(long value) {
        long k = value;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
