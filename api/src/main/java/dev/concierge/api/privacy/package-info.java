/**
 * Customers' data rights: an export of everything held about them, and erasure. Which tables hold
 * customer data is read from the database's own catalogue (every table with a {@code customer_id}
 * column), so a new table is covered without being listed here; tables that reach a customer only
 * through a parent row are listed in {@link CustomerData} and a test fails when one is missing.
 */
@NullMarked
package dev.concierge.api.privacy;

import org.jspecify.annotations.NullMarked;
