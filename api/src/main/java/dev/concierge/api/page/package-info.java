/**
 * The personalized page: the {@code page} query, and the adapters that feed the core's page
 * decision (customer snapshots, published content, segments, experiments, popularity, exposures).
 */
@NullMarked
package dev.concierge.api.page;

import org.jspecify.annotations.NullMarked;
