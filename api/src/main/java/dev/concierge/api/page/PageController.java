package dev.concierge.api.page;

import dev.concierge.api.catalog.Product;
import dev.concierge.api.catalog.Store;
import dev.concierge.api.catalog.StoreDistance;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.graphql.Cursors;
import dev.concierge.api.observability.DomainMetrics;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.api.timeline.ServiceOrder;
import dev.concierge.api.timeline.TimelineRepository;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.decision.Greeting;
import dev.concierge.personalization.decision.PageDecision;
import dev.concierge.personalization.decision.PersonalizePage;
import dev.concierge.personalization.decision.PersonalizedPage;
import dev.concierge.personalization.recommendation.Recommendations;
import java.time.Instant;
import java.util.List;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The {@code page} query. The decision itself happens in the core ({@link PersonalizePage}); the
 * page's other sections resolve only when asked for, concurrently, from the same decision.
 */
@Controller
class PageController {

    /** Reminders due within this many days show on the page, with the overdue ones. */
    static final int REMINDER_HORIZON_DAYS = 30;

    private final PersonalizePage personalize;
    private final CachedRecommendations recommendations;
    private final CachedReminders reminders;
    private final TimelineRepository timeline;
    private final ConciergeProperties properties;
    private final DomainMetrics metrics;

    PageController(
            PersonalizePage personalize,
            CachedRecommendations recommendations,
            CachedReminders reminders,
            TimelineRepository timeline,
            ConciergeProperties properties,
            DomainMetrics metrics) {
        this.personalize = personalize;
        this.recommendations = recommendations;
        this.reminders = reminders;
        this.timeline = timeline;
        this.properties = properties;
        this.metrics = metrics;
    }

    @QueryMapping
    Mono<PersonalizedPage> page(@Argument String slug, @Argument @Nullable PageContextInput context) {
        PageContextInput input = context == null ? PageContextInput.NONE : context;
        return Caller.current()
                .flatMap(caller -> personalize.personalize(
                        input.query(slug, caller.has(Role.CUSTOMER) ? caller.customerId() : null)))
                .doOnNext(page -> metrics.decided(page.decision()));
    }

    @SchemaMapping(typeName = "Page")
    String slug(PersonalizedPage page) {
        return page.decision().slug();
    }

    @SchemaMapping(typeName = "Page")
    PageDecision.Mode mode(PersonalizedPage page) {
        return page.decision().mode();
    }

    @SchemaMapping(typeName = "Page")
    List<SlotView> slots(PersonalizedPage page) {
        return page.decision().slots().stream().map(SlotView::of).toList();
    }

    @SchemaMapping(typeName = "Page")
    Greeting greeting(PersonalizedPage page) {
        return page.decision().greeting();
    }

    @SchemaMapping(typeName = "Page")
    Mono<List<SlotView>> offers(PersonalizedPage page) {
        return personalize
                .offers(page)
                .doOnNext(slots -> metrics.decided(page.decision().slug(), slots))
                .map(slots -> slots.stream().map(SlotView::of).toList());
    }

    @SchemaMapping(typeName = "Page")
    Mono<List<PageReminder>> reminders(PersonalizedPage page) {
        CustomerSnapshot customer = page.customer();
        if (customer == null) {
            return Mono.just(List.of());
        }
        return reminders.due(customer.customerId(), page.context().today());
    }

    @SchemaMapping(typeName = "Page")
    Mono<List<ServiceOrder>> serviceOrders(PersonalizedPage page) {
        CustomerSnapshot customer = page.customer();
        if (customer == null || customer.openServiceOrders().isEmpty()) {
            return Mono.just(List.of());
        }
        return timeline.serviceOrders(customer.customerId(), true).collectList();
    }

    @SchemaMapping(typeName = "Page")
    Mono<StoreDistance> nearestStore(PersonalizedPage page, DataLoader<String, Store> stores) {
        PersonalizedPage.NearestStore nearest = page.nearestStore();
        if (nearest == null) {
            return Mono.empty();
        }
        return Mono.fromFuture(stores.load(nearest.store().id()))
                .map(store -> new StoreDistance(store, nearest.distanceKm()));
    }

    @SchemaMapping(typeName = "Page")
    Mono<RecommendationsView> recommendations(PersonalizedPage page, @Argument @Nullable Integer first) {
        int size = Cursors.pageSize(
                first,
                RecommendationsController.DEFAULT_SIZE,
                properties.limits().pageSize());
        CustomerSnapshot customer = page.personalized() ? page.customer() : null;
        return recommendations
                .recommend(customer, page.context(), size)
                .map(list ->
                        new RecommendationsView(list, RecommendationsView.reasons(page.customer(), customer != null)));
    }

    @SchemaMapping(typeName = "Recommendation")
    Mono<Product> product(Recommendations.Item item, DataLoader<String, Product> products) {
        return Mono.fromFuture(products.load(item.sku()));
    }

    @SchemaMapping(typeName = "CarouselItem")
    Mono<Product> product(ContentViews.CarouselItem item, DataLoader<String, Product> products) {
        return item.sku() == null ? Mono.empty() : Mono.fromFuture(products.load(item.sku()));
    }

    @SchemaMapping(typeName = "Reminder")
    Mono<Product> product(PageReminder reminder, DataLoader<String, Product> products) {
        return reminder.sku() == null ? Mono.empty() : Mono.fromFuture(products.load(reminder.sku()));
    }

    @SchemaMapping(typeName = "Page")
    PageConsentView consent(PersonalizedPage page) {
        CustomerSnapshot customer = page.customer();
        if (customer == null) {
            return new PageConsentView(false, false, false);
        }
        return new PageConsentView(
                customer.consents().granted(ConsentPurpose.PERSONALIZATION),
                customer.consents().granted(ConsentPurpose.LOCATION),
                customer.consents().granted(ConsentPurpose.BROWSING_TRACKING));
    }

    @SchemaMapping(typeName = "Page")
    Instant decidedAt(PersonalizedPage page) {
        return page.context().now();
    }

    /** The GraphQL {@code PageConsent}. */
    record PageConsentView(boolean personalization, boolean location, boolean browsingTracking) {}
}
