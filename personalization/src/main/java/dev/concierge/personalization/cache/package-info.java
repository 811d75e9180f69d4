/**
 * The two-level cache: a per-instance Caffeine level in front of a shared level reached through a
 * port, with invalidation broadcast to every instance.
 */
@NullMarked
package dev.concierge.personalization.cache;

import org.jspecify.annotations.NullMarked;
