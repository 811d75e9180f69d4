/**
 * Deterministic demo data: a jewelry and watch retailer's stores, catalogue, customers and their
 * histories, generated from a seed and a day, and loaded into an empty database in one transaction.
 */
@NullMarked
package dev.concierge.api.demo;

import org.jspecify.annotations.NullMarked;
