package dev.concierge.personalization.segment;

import java.util.List;
import reactor.core.publisher.Mono;

/** Port: the active segments with their parsed rules. */
public interface SegmentDefinitions {

    Mono<List<Segment>> active();
}
