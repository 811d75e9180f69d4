/**
 * Data retention: raw browsing events are kept for a configurable period (180 days by default),
 * and the browsing-event partitions are kept ready for the months ahead.
 */
@NullMarked
package dev.concierge.api.retention;

import org.jspecify.annotations.NullMarked;
