package dev.concierge.personalization.experiment;

import java.util.List;
import reactor.core.publisher.Mono;

/** Port: the experiments placed on a page's slots (running or not). */
public interface ExperimentDefinitions {

    Mono<List<Experiment>> forPage(String pageSlug);
}
