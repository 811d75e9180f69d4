/**
 * The personalized page: the {@code page} query, and the adapters that feed the core's page
 * decision (customer snapshots, published content, segments, experiments, popularity, exposures);
 * the recommendations the page shows, also served alone by the {@code recommendations} query,
 * cached per customer.
 */
@NullMarked
package dev.concierge.api.page;

import org.jspecify.annotations.NullMarked;
