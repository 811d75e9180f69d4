/**
 * The editor's targeting API: segment definitions (rules validated on save, audience estimates
 * over customer snapshots, counts only), experiments on page slots (drafts, start, stop) and their
 * results with the core's statistics. Every change is audited in its transaction and broadcast to
 * every instance's page caches once committed.
 */
@NullMarked
package dev.concierge.api.targeting;

import org.jspecify.annotations.NullMarked;
