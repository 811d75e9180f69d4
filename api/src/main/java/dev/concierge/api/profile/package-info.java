/** The customer 360's profile: {@code me}, loyalty and consents. */
@NullMarked
package dev.concierge.api.profile;

import org.jspecify.annotations.NullMarked;
