/** The catalogue: products and stores, read in batches, and the nearest-store query. */
@NullMarked
package dev.concierge.api.catalog;

import org.jspecify.annotations.NullMarked;
