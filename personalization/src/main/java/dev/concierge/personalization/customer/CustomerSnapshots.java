package dev.concierge.personalization.customer;

import reactor.core.publisher.Mono;

/** Port: a customer's snapshot, built from aggregate rows and cached; empty when there is no such customer. */
public interface CustomerSnapshots {

    Mono<CustomerSnapshot> snapshot(String customerId);
}
