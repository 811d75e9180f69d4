package dev.concierge.api.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full application on a random port, on the embedded PostgreSQL and Redis, shared by every test
 * class that uses this annotation (one cached context, one pair of servers per test JVM). Tests
 * isolate themselves by data: fresh customer ids, fresh idempotency keys.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "concierge.embedded.data-directory=target/embedded-test-data",
            "concierge.embedded.fresh=true",
            "concierge.embedded.durable=false",
            "concierge.retention.enabled=false",
            "concierge.limits.rate-limit.enabled=false"
        })
@Import(TestInfrastructure.class)
public @interface ConciergeTest {}
