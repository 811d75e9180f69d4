/** Customers, their consents and their history: the vocabulary and rules of the customer 360. */
@NullMarked
package dev.concierge.personalization.customer;

import org.jspecify.annotations.NullMarked;
