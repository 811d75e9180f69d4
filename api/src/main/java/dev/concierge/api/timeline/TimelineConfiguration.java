package dev.concierge.api.timeline;

import dev.concierge.api.catalog.CatalogRepository;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.profile.CustomerChanges;
import dev.concierge.api.profile.CustomerRepository;
import dev.concierge.personalization.customer.PurchaseRules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires the timeline: its repository, the write use cases and the pub/sub fan-out. */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    /** How far in the future a till's clock may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Bean
    TimelineRepository timelineRepository(DatabaseClient db) {
        return new TimelineRepository(db);
    }

    @Bean
    TimelineNotices timelineNotices(ReactiveRedisConnectionFactory redis, JsonMapper json) {
        return new TimelineNotices(redis, json);
    }

    /** Tells every {@link PurchaseListener} bean (in their order) of each new purchase. */
    @Bean
    RecordPurchase recordPurchase(
            TimelineRepository timeline,
            CatalogRepository catalog,
            CustomerRepository customers,
            TimelineNotices notices,
            TransactionalOperator transactions,
            ConciergeProperties properties,
            CustomerChanges changes,
            ObjectProvider<PurchaseListener> listeners,
            Clock clock) {
        PurchaseListener listener =
                PurchaseListeners.all(listeners.orderedStream().toList());
        PurchaseRules rules = new PurchaseRules(
                properties.limits().purchaseItems(), properties.limits().stringLength(), CLOCK_SKEW);
        return new RecordPurchase(timeline, catalog, customers, notices, transactions, rules, changes, listener, clock);
    }

    @Bean
    ServiceOrders serviceOrders(
            TimelineRepository timeline,
            CatalogRepository catalog,
            CustomerRepository customers,
            TimelineNotices notices,
            TransactionalOperator transactions,
            ConciergeProperties properties,
            CustomerChanges changes,
            Clock clock) {
        return new ServiceOrders(
                timeline,
                catalog,
                customers,
                notices,
                changes,
                transactions,
                properties.limits().stringLength(),
                clock);
    }
}
