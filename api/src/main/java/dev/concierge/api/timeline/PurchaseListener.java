package dev.concierge.api.timeline;

import reactor.core.publisher.Mono;

/** Told after a new purchase has committed, e.g. to attribute experiment conversions to it. */
@FunctionalInterface
public interface PurchaseListener {

    /** Completes when done; a failure is logged by the caller and does not fail the purchase. */
    Mono<Void> recorded(Purchase purchase);

    PurchaseListener NONE = purchase -> Mono.empty();
}
