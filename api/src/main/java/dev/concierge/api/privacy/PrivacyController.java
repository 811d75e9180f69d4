package dev.concierge.api.privacy;

import dev.concierge.api.profile.CustomerChanges;
import dev.concierge.api.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code exportMyData} and {@code eraseMe}: the signed-in customer's own data, nobody else's. */
@Controller
class PrivacyController {

    private final CustomerData data;
    private final CustomerChanges changes;
    private final Clock clock;

    PrivacyController(CustomerData data, CustomerChanges changes, Clock clock) {
        this.data = data;
        this.changes = changes;
        this.clock = clock;
    }

    @QueryMapping
    Mono<DataExport> exportMyData() {
        return Caller.current().map(Caller::customerId).flatMap(id -> {
            Instant now = clock.instant();
            return data.recordedExport(id, now).map(tables -> new DataExport(id, now, tables));
        });
    }

    @MutationMapping
    Mono<ErasePayload> eraseMe() {
        return Caller.current()
                .map(Caller::customerId)
                .flatMap(id -> data.erase(id)
                        // after the commit: every instance stops serving what it cached about them
                        .flatMap(erasure -> changes.changed(id).thenReturn(erasure))
                        .map(erasure -> new ErasePayload(
                                true, erasure.deleted(), erasure.deidentifiedPurchases(), clock.instant())));
    }

    record DataExport(String customerId, Instant generatedAt, Map<String, Object> data) {}

    record ErasePayload(boolean erased, Map<String, Integer> deleted, int deidentifiedPurchases, Instant erasedAt) {}
}
