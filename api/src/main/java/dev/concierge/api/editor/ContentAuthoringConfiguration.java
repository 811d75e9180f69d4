package dev.concierge.api.editor;

import dev.concierge.api.audit.AuditTrail;
import dev.concierge.api.page.PublishedChanges;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires content authoring: the store and the use case the editor's API and the CMS webhook share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContentProperties.class)
class ContentAuthoringConfiguration {

    @Bean
    ContentStore contentStore(DatabaseClient db, JsonMapper json) {
        return new ContentStore(db, json);
    }

    @Bean
    ContentAuthoring contentAuthoring(
            ContentStore store,
            AuditTrail audit,
            PublishedChanges changes,
            TransactionalOperator transactions,
            JsonMapper json,
            ContentProperties properties) {
        return new ContentAuthoring(store, audit, changes, transactions, json, properties.maxVersionBytes());
    }
}
