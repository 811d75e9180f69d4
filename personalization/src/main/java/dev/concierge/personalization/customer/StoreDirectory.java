package dev.concierge.personalization.customer;

import java.util.List;
import reactor.core.publisher.Mono;

/** Port: every store's position, for distance rules and the nearest store. */
public interface StoreDirectory {

    Mono<List<StoreLocation>> stores();
}
