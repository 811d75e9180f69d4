package dev.concierge.api.profile;

import dev.concierge.api.catalog.Store;
import dev.concierge.api.security.Caller;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.util.List;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The signed-in customer's profile, loyalty and consents. */
@Controller
class ProfileController {

    /** The ledger's {@code source} for changes customers make themselves through the API. */
    static final String CUSTOMER_SOURCE = "customer";

    private final CustomerRepository customers;
    private final CustomerChanges changes;

    ProfileController(CustomerRepository customers, CustomerChanges changes) {
        this.customers = customers;
        this.changes = changes;
    }

    @QueryMapping
    Mono<Customer> me() {
        return Caller.current().map(Caller::customerId).flatMap(this::existing);
    }

    @SchemaMapping(typeName = "Customer")
    Mono<Store> homeStore(Customer customer, DataLoader<String, Store> stores) {
        return customer.homeStoreId() == null ? Mono.empty() : Mono.fromFuture(stores.load(customer.homeStoreId()));
    }

    @SchemaMapping(typeName = "Customer")
    Mono<List<ConsentView>> consents(Customer customer) {
        return customers.consents(customer.id()).map(ConsentView::all);
    }

    /** The most ledger entries one {@code consentHistory} returns. */
    static final int MAX_HISTORY = 200;

    @SchemaMapping(typeName = "Customer")
    Mono<List<ConsentChange>> consentHistory(
            Customer customer, @Argument @Nullable ConsentPurpose purpose, @Argument @Nullable Integer first) {
        if (first == null || first < 1 || first > MAX_HISTORY) {
            return Mono.error(ConciergeException.badInput("first", "must be between 1 and " + MAX_HISTORY));
        }
        return customers.consentHistory(customer.id(), purpose, first);
    }

    @MutationMapping
    Mono<SetConsentPayload> setConsent(@Argument ConsentPurpose purpose, @Argument boolean granted) {
        return Caller.current()
                .map(Caller::customerId)
                .flatMap(id -> existing(id)
                        .then(customers.appendConsent(id, purpose, granted, CUSTOMER_SOURCE))
                        .then(changes.changed(id))
                        .then(customers.consents(id)))
                .map(consents -> new SetConsentPayload(ConsentView.of(consents, purpose), ConsentView.all(consents)));
    }

    private Mono<Customer> existing(String id) {
        return customers
                .find(id)
                .switchIfEmpty(Mono.error(() -> ConciergeException.notFound("No customer '" + id + "'")));
    }

    record SetConsentPayload(ConsentView consent, List<ConsentView> consents) {}
}
