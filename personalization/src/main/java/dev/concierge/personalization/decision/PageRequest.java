package dev.concierge.personalization.decision;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.segment.Membership;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link DecidePage} decides on: the page's published content and the experiments on its
 * slots, who is asking and what is known about them, and the request.
 *
 * @param experiments the experiments placed on the page's slots; only running ones apply
 * @param subject the signed-in customer, the signed-out visitor by anonymous id, or null for a
 *     signed-out visitor without one (who is never bucketed)
 * @param customer the signed-in customer's snapshot; null exactly when the subject is not a customer
 * @param membership the customer's segments; read only with {@code PERSONALIZATION} consent
 * @param segmentNames segment id to display name, for the reasons
 * @param recordExposures false for previews, whose views must not count in an experiment
 */
public record PageRequest(
        PageContent content,
        List<Experiment> experiments,
        @Nullable Subject subject,
        @Nullable CustomerSnapshot customer,
        Membership membership,
        Map<String, String> segmentNames,
        RequestContext context,
        boolean recordExposures) {

    public PageRequest {
        experiments = List.copyOf(experiments);
        segmentNames = Map.copyOf(segmentNames);
        boolean customerSubject = subject != null && subject.kind() == Subject.Kind.CUSTOMER;
        if (customer != null && !(customerSubject && subject.id().equals(customer.customerId()))) {
            throw new IllegalArgumentException(
                    "the customer snapshot " + customer.customerId() + " does not belong to the subject " + subject);
        }
        if (customer == null && customerSubject) {
            throw new IllegalArgumentException("a customer subject needs the customer's snapshot");
        }
    }
}
