package dev.concierge.api.profile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the customer profile adapter. */
@Configuration(proxyBeanMethods = false)
class ProfileConfiguration {

    @Bean
    CustomerRepository customerRepository(DatabaseClient db) {
        return new CustomerRepository(db);
    }
}
