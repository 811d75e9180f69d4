/**
 * The personalized page: the {@code page} query, and the adapters that feed the core's page
 * decision (customer snapshots, published content, segments, experiments, popularity, exposures);
 * the recommendations the page shows, also served alone by the {@code recommendations} query,
 * cached per customer; and the editor's previews of a page as a segment, a persona, a customer
 * (without their personal data) or a signed-out visitor, at any instant and over drafts.
 */
@NullMarked
package dev.concierge.api.page;

import org.jspecify.annotations.NullMarked;
