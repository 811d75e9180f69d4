package dev.concierge.api.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    CustomerData customerData(DatabaseClient db, TransactionalOperator transactions, JsonMapper json) {
        return new CustomerData(db, transactions, json);
    }
}
