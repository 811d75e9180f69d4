package dev.concierge.api.ingest;

import dev.concierge.api.catalog.Product;
import dev.concierge.api.catalog.Store;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.graphql.Connection;
import dev.concierge.api.graphql.Cursors;
import dev.concierge.api.observability.DomainMetrics;
import dev.concierge.api.profile.Customer;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.BrowsingEvent;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.ProductCategory;
import java.time.Instant;
import java.util.List;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Browsing events: {@code trackEvents} and the customer's browsing history. */
@Controller
class IngestController {

    private final TrackEvents trackEvents;
    private final DomainMetrics metrics;
    private final BrowsingEventRepository events;
    private final ConciergeProperties properties;

    IngestController(
            TrackEvents trackEvents,
            BrowsingEventRepository events,
            ConciergeProperties properties,
            DomainMetrics metrics) {
        this.trackEvents = trackEvents;
        this.metrics = metrics;
        this.events = events;
        this.properties = properties;
    }

    @MutationMapping
    Mono<TrackEvents.Result> trackEvents(
            @Argument List<BrowsingEventInput> events, @Argument @Nullable Boolean anonymousConsent) {
        return Caller.current().flatMap(caller -> {
            if (!caller.anonymous() && !caller.has(Role.CUSTOMER)) {
                return Mono.error(ConciergeException.forbidden(
                        "trackEvents is for customers and signed-out visitors, not role " + caller.roles()));
            }
            String customerId = caller.anonymous() ? null : caller.customerId();
            List<BrowsingEvent> batch =
                    events.stream().map(input -> input.toEvent(customerId)).toList();
            return trackEvents
                    .track(customerId, batch, Boolean.TRUE.equals(anonymousConsent))
                    .doOnNext(
                            result -> metrics.ingested(result.accepted(), result.duplicates(), result.notConsented()));
        });
    }

    @SchemaMapping(typeName = "Customer")
    Mono<Connection<StoredEvent>> browsingHistory(
            Customer customer, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        int size = Cursors.pageSize(first, 20, properties.limits().pageSize());
        Cursors.Position position = Cursors.decode(after);
        return events.history(customer.id(), position, size + 1)
                .map(rows -> Connection.of(rows, size, position != null, StoredEvent::occurredAt, StoredEvent::id));
    }

    @SchemaMapping(typeName = "BrowsingEvent")
    Mono<Product> product(StoredEvent event, DataLoader<String, Product> products) {
        return event.sku() == null ? Mono.empty() : Mono.fromFuture(products.load(event.sku()));
    }

    @SchemaMapping(typeName = "BrowsingEvent")
    Mono<Store> store(StoredEvent event, DataLoader<String, Store> stores) {
        return event.storeId() == null ? Mono.empty() : Mono.fromFuture(stores.load(event.storeId()));
    }

    record BrowsingEventInput(
            String clientEventId,
            EventType type,
            Channel channel,
            Instant occurredAt,
            @Nullable String sku,
            @Nullable ProductCategory category,
            @Nullable String query,
            @Nullable String page,
            @Nullable String storeId,
            @Nullable String anonymousId) {

        BrowsingEvent toEvent(@Nullable String customerId) {
            return new BrowsingEvent(
                    clientEventId,
                    customerId,
                    anonymousId,
                    type,
                    channel,
                    occurredAt,
                    sku,
                    category,
                    query,
                    page,
                    storeId);
        }
    }
}
