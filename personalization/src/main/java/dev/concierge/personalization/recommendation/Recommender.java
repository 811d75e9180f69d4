package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.RequestContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Port: products to recommend to a caller. {@code customer} is null for a signed-out visitor or
 * when the customer has not granted PERSONALIZATION consent; then only non-personal signals apply.
 */
public interface Recommender {

    Mono<Recommendations> recommend(@Nullable CustomerSnapshot customer, RequestContext context, int limit);
}
