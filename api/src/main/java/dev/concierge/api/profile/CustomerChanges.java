package dev.concierge.api.profile;

import reactor.core.publisher.Mono;

/**
 * Told after a write about a customer has committed (a purchase, events, a consent, a service
 * order), so that what is cached about them is invalidated on every instance before the write's
 * response leaves: read-your-writes.
 */
@FunctionalInterface
public interface CustomerChanges {

    /** Completes once every instance will serve the change; never fails the write. */
    Mono<Void> changed(String customerId);

    CustomerChanges NONE = customerId -> Mono.empty();
}
