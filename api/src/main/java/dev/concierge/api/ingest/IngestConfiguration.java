package dev.concierge.api.ingest;

import dev.concierge.api.catalog.CatalogRepository;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.profile.CustomerChanges;
import dev.concierge.api.profile.CustomerRepository;
import dev.concierge.personalization.customer.TrackingRules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires event ingestion. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** How late an offline device may deliver an event. */
    static final Duration MAX_EVENT_AGE = Duration.ofDays(30);

    /** How far ahead a device clock may run. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Bean
    BrowsingEventRepository browsingEventRepository(DatabaseClient db) {
        return new BrowsingEventRepository(db);
    }

    @Bean
    TrackEvents trackEvents(
            BrowsingEventRepository events,
            CatalogRepository catalog,
            CustomerRepository customers,
            ConciergeProperties properties,
            CustomerChanges changes,
            Clock clock) {
        TrackingRules rules = new TrackingRules(
                properties.limits().trackEventsBatch(), properties.limits().stringLength(), MAX_EVENT_AGE, CLOCK_SKEW);
        return new TrackEvents(events, catalog, customers, rules, changes, clock);
    }
}
