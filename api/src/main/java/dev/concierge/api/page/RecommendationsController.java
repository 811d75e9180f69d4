package dev.concierge.api.page;

import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.graphql.Cursors;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The {@code recommendations} query: the page's recommendations without the page, for the same
 * caller and context, from the same cache.
 */
@Controller
class RecommendationsController {

    /** The default {@code first}, as in the schema. */
    static final int DEFAULT_SIZE = 8;

    private final PageCaches caches;
    private final CachedRecommendations recommendations;
    private final ConciergeProperties properties;
    private final Clock clock;

    RecommendationsController(
            PageCaches caches, CachedRecommendations recommendations, ConciergeProperties properties, Clock clock) {
        this.caches = caches;
        this.recommendations = recommendations;
        this.properties = properties;
        this.clock = clock;
    }

    @QueryMapping
    Mono<RecommendationsView> recommendations(
            @Argument @Nullable PageContextInput context, @Argument @Nullable Integer first) {
        int size = Cursors.pageSize(first, DEFAULT_SIZE, properties.limits().pageSize());
        PageContextInput input = context == null ? PageContextInput.NONE : context;
        return Caller.current().flatMap(caller -> {
            if (!caller.has(Role.CUSTOMER)) {
                return recommend(input, null, size);
            }
            String id = caller.customerId();
            return caches.snapshot(id)
                    .switchIfEmpty(Mono.error(() -> ConciergeException.notFound("No customer '" + id + "'")))
                    .flatMap(customer -> recommend(input, customer, size));
        });
    }

    private Mono<RecommendationsView> recommend(PageContextInput input, @Nullable CustomerSnapshot customer, int size) {
        boolean personal = customer != null && customer.consents().granted(ConsentPurpose.PERSONALIZATION);
        return recommendations
                .recommend(personal ? customer : null, input.context(customer, clock.instant()), size)
                .map(list -> new RecommendationsView(list, RecommendationsView.reasons(customer, personal)));
    }
}
