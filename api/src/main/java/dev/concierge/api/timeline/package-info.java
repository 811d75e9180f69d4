/** The customer's timeline: purchases, service orders, the point of sale's writes and live updates. */
@NullMarked
package dev.concierge.api.timeline;

import org.jspecify.annotations.NullMarked;
