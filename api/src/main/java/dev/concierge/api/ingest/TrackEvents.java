package dev.concierge.api.ingest;

import dev.concierge.api.catalog.CatalogRepository;
import dev.concierge.api.catalog.Product;
import dev.concierge.api.catalog.Store;
import dev.concierge.api.profile.CustomerChanges;
import dev.concierge.api.profile.CustomerRepository;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.BrowsingEvent;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.TrackingRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Ingests a batch of browsing events: validate the whole batch, check consent, then store the
 * events never seen before in one statement.
 */
public class TrackEvents {

    /** How the batch was handled; the counts add up to the batch size. */
    public record Result(int accepted, int duplicates, int notConsented) {}

    private final BrowsingEventRepository events;
    private final CatalogRepository catalog;
    private final CustomerRepository customers;
    private final TrackingRules rules;
    private final CustomerChanges changes;
    private final Clock clock;

    public TrackEvents(
            BrowsingEventRepository events,
            CatalogRepository catalog,
            CustomerRepository customers,
            TrackingRules rules,
            CustomerChanges changes,
            Clock clock) {
        this.events = events;
        this.catalog = catalog;
        this.customers = customers;
        this.rules = rules;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * @param customerId the signed-in customer, or null for a signed-out visitor
     * @param anonymousConsent a signed-out visitor's answer to the storefront's consent banner
     */
    public Mono<Result> track(@Nullable String customerId, List<BrowsingEvent> batch, boolean anonymousConsent) {
        return Mono.fromCallable(() -> {
                    rules.validate(batch, clock);
                    return batch;
                })
                .flatMap(valid -> checkReferences(valid).then(consented(customerId, anonymousConsent)))
                .flatMap(consented -> {
                    if (!consented) {
                        return Mono.just(new Result(0, 0, batch.size()));
                    }
                    List<BrowsingEvent> unique = firstOfEachId(batch);
                    return events.insertNew(unique)
                            .flatMap(stored -> (stored > 0 && customerId != null
                                            ? changes.changed(customerId)
                                            : Mono.<Void>empty())
                                    .thenReturn(new Result(stored, batch.size() - stored, 0)));
                });
    }

    private Mono<Boolean> consented(@Nullable String customerId, boolean anonymousConsent) {
        if (customerId == null) {
            return Mono.just(anonymousConsent);
        }
        return customers.consents(customerId).map(consents -> consents.granted(ConsentPurpose.BROWSING_TRACKING));
    }

    private Mono<Void> checkReferences(List<BrowsingEvent> batch) {
        Set<String> skus = new HashSet<>();
        Set<String> stores = new HashSet<>();
        for (BrowsingEvent event : batch) {
            if (event.sku() != null) {
                skus.add(event.sku());
            }
            if (event.storeId() != null) {
                stores.add(event.storeId());
            }
        }
        return catalog.products(skus)
                .map(Product::sku)
                .collectList()
                .zipWith(catalog.stores(stores).map(Store::id).collectList())
                .flatMap(found -> {
                    Set<String> knownSkus = Set.copyOf(found.getT1());
                    Set<String> knownStores = Set.copyOf(found.getT2());
                    for (int i = 0; i < batch.size(); i++) {
                        BrowsingEvent event = batch.get(i);
                        if (event.sku() != null && !knownSkus.contains(event.sku())) {
                            return Mono.error(ConciergeException.badInput(
                                    "events[" + i + "].sku", "unknown sku '" + event.sku() + "'"));
                        }
                        if (event.storeId() != null && !knownStores.contains(event.storeId())) {
                            return Mono.error(ConciergeException.badInput(
                                    "events[" + i + "].storeId", "unknown store '" + event.storeId() + "'"));
                        }
                    }
                    return Mono.empty();
                });
    }

    private static List<BrowsingEvent> firstOfEachId(List<BrowsingEvent> batch) {
        Set<String> seen = new HashSet<>();
        List<BrowsingEvent> unique = new ArrayList<>();
        for (BrowsingEvent event : batch) {
            if (seen.add(event.clientEventId())) {
                unique.add(event);
            }
        }
        return unique;
    }
}
