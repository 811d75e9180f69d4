/** Redis plumbing shared by features: pub/sub channels that survive Redis being down. */
@NullMarked
package dev.concierge.api.redis;

import org.jspecify.annotations.NullMarked;
