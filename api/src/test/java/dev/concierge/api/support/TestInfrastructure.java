package dev.concierge.api.support;

import dev.concierge.api.config.ConciergeProperties;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

/** What every full test shares: an SQL statement counter around the connection factory, and testers. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    static SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    @Bean
    static BeanPostProcessor countingConnectionFactory(SqlStatementCounter counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ConnectionFactory factory && "connectionFactory".equals(name)) {
                    return ProxyConnectionFactory.builder(factory)
                            .listener(counter)
                            .build();
                }
                return bean;
            }
        };
    }

    @Bean
    Testers testers(ConciergeProperties properties, Environment environment) {
        return new Testers(properties, environment);
    }

    @Bean
    TestData testData(DatabaseClient db) {
        return new TestData(db);
    }
}
