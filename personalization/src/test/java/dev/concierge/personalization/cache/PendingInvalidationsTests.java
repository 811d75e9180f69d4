package dev.concierge.personalization.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.cache.PendingInvalidations.Entry;
import dev.concierge.personalization.cache.PendingInvalidations.Pending;
import org.junit.jupiter.api.Test;

/** What an instance remembers of the invalidations it could not write, and what it stops trusting. */
class PendingInvalidationsTests {

    private final PendingInvalidations pending = new PendingInvalidations(2);

    @Test
    void aPendingInvalidation_blocksItsKey_andEveryKeyOfItsGeneration() {
        pending.add(new Pending("snapshots", "42", "customer:42"));
        pending.add(new Pending("content", "home", null));

        assertThat(pending.blocks("snapshots", "42", "customer:42")).isTrue();
        assertThat(pending.blocks("recommendations", "42", "customer:42")).isTrue();
        assertThat(pending.blocks("content", "home", null)).isTrue();
        assertThat(pending.blocks("snapshots", "43", "customer:43")).isFalse();
        assertThat(pending.blocks("content", "about", null)).isFalse();
    }

    @Test
    void done_forgetsAnEntry_unlessItWasRememberedAgainSince() {
        Pending invalidation = new Pending("snapshots", "42", "customer:42");
        pending.add(invalidation);
        Entry replayed = pending.snapshot().get(0);
        pending.add(invalidation);

        pending.done(replayed);
        assertThat(pending.blocks("snapshots", "42", "customer:42")).isTrue();

        pending.done(pending.snapshot().get(0));
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.blocks("snapshots", "42", "customer:42")).isFalse();
    }

    @Test
    void satisfied_forgetsOnlyWhatWasRememberedBeforeTheMark() {
        Pending invalidation = new Pending("content", "home", null);
        pending.add(invalidation);
        long mark = pending.mark();
        pending.satisfied(invalidation, mark);
        assertThat(pending.isEmpty()).isTrue();

        long earlier = pending.mark();
        pending.add(invalidation);
        pending.satisfied(invalidation, earlier);
        assertThat(pending.isEmpty()).isFalse();
    }

    @Test
    void overflow_makesEverythingSuspect_untilTheEpochHasMoved() {
        pending.add(new Pending("content", "a", null));
        pending.add(new Pending("content", "b", null));
        pending.add(new Pending("content", "c", null));

        assertThat(pending.everything()).isTrue();
        assertThat(pending.snapshot()).isEmpty();
        assertThat(pending.blocks("anything", "x", "customer:x")).isTrue();

        assertThat(pending.beginBump()).isTrue();
        assertThat(pending.blocks("anything", "x", null)).as("while bumping").isTrue();
        pending.endBump(false);
        assertThat(pending.everything()).as("a failed bump is retried").isTrue();

        assertThat(pending.beginBump()).isTrue();
        pending.add(new Pending("content", "d", null)); // failed during the bump: kept
        pending.endBump(true);
        assertThat(pending.everything()).isFalse();
        assertThat(pending.blocks("anything", "x", null)).isFalse();
        assertThat(pending.blocks("content", "d", null)).isTrue();
    }
}
