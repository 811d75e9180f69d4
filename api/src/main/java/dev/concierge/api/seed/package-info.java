/**
 * The {@code seed} command: synthetic customers, products, purchases and browsing events at load-test
 * scale, skewed like real retail, written with PostgreSQL's COPY together with the customer
 * aggregates the pages read, so that pages and segments work on the seeded data.
 */
@NullMarked
package dev.concierge.api.seed;

import org.jspecify.annotations.NullMarked;
