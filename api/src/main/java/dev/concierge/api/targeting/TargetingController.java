package dev.concierge.api.targeting;

import dev.concierge.api.editor.SlotLayout;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.personalization.segment.AudienceCount;
import dev.concierge.personalization.segment.Rule;
import dev.concierge.personalization.segment.RuleProblem;
import dev.concierge.personalization.segment.SegmentRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The editor's segments and experiments. Every root field needs role EDITOR; the fields of their
 * types ({@code audience}, {@code results}, {@code runningExperiment}) are reached only through
 * such a root and are loaded in batches.
 */
@Controller
class TargetingController {

    private final SegmentRepository segmentStore;
    private final ExperimentRepository experimentStore;
    private final Segments segments;
    private final Experiments experiments;
    private final AudienceEstimator audiences;

    TargetingController(
            SegmentRepository segmentStore,
            ExperimentRepository experimentStore,
            Segments segments,
            Experiments experiments,
            AudienceEstimator audiences) {
        this.segmentStore = segmentStore;
        this.experimentStore = experimentStore;
        this.segments = segments;
        this.experiments = experiments;
        this.audiences = audiences;
    }

    @QueryMapping
    Flux<SegmentDefinition> segmentDefinitions(@Argument SegmentDefinition.@Nullable Status status) {
        return editor().flatMapMany(caller -> segmentStore.all(status));
    }

    @QueryMapping
    Mono<SegmentDefinition> segmentDefinition(@Argument String id) {
        return editor().flatMap(caller -> segmentStore.find(id));
    }

    @QueryMapping
    Mono<SegmentRuleCheck> validateSegmentRule(@Argument Object rule) {
        return editor().map(caller -> {
            List<RuleProblem> problems = SegmentRules.check(rule, "rule");
            return new SegmentRuleCheck(problems.isEmpty(), problems);
        });
    }

    @QueryMapping
    Mono<AudienceEstimate> estimateAudience(@Argument Object rule) {
        return editor().flatMap(caller -> {
            Rule parsed = SegmentRules.parse(rule, "rule");
            return audiences.estimate(List.of(parsed)).map(counts -> estimate(counts.get(0)));
        });
    }

    /** One pass over the customers for every active segment asked for; archived ones match nobody. */
    @BatchMapping(typeName = "SegmentDefinition")
    Mono<Map<SegmentDefinition, AudienceEstimate>> audience(List<SegmentDefinition> definitions) {
        List<SegmentDefinition> active = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (SegmentDefinition definition : definitions) {
            if (definition.status() == SegmentDefinition.Status.ACTIVE) {
                active.add(definition);
                rules.add(SegmentRules.parse(definition.rule(), "rule"));
            }
        }
        Mono<List<AudienceCount>> counts = rules.isEmpty() ? Mono.just(List.of()) : audiences.estimate(rules);
        return counts.zipWith(audiences.customerCount()).map(tuple -> {
            Map<SegmentDefinition, AudienceEstimate> byDefinition = new HashMap<>();
            for (int i = 0; i < active.size(); i++) {
                byDefinition.put(active.get(i), estimate(tuple.getT1().get(i)));
            }
            Instant now = audiences.now();
            for (SegmentDefinition definition : definitions) {
                if (definition.status() == SegmentDefinition.Status.ARCHIVED) {
                    long total = tuple.getT2();
                    byDefinition.put(
                            definition,
                            AudienceEstimate.of(
                                    AudienceCount.exact(0, 0, total), "Archived: the segment matches nobody.", now));
                }
            }
            return byDefinition;
        });
    }

    @MutationMapping
    Mono<SegmentDefinition> createSegment(@Argument Inputs.CreateSegmentInput input) {
        return editor().flatMap(caller -> segments.create(caller, input));
    }

    @MutationMapping
    Mono<SegmentDefinition> updateSegment(@Argument Inputs.UpdateSegmentInput input) {
        return editor().flatMap(caller -> segments.update(caller, input));
    }

    @MutationMapping
    Mono<SegmentDefinition> archiveSegment(@Argument String id) {
        return editor().flatMap(caller -> segments.archive(caller, id));
    }

    @QueryMapping
    Flux<ExperimentDefinition> experimentDefinitions(@Argument @Nullable String pageSlug) {
        return editor().flatMap(caller -> experimentStore.all(pageSlug)).flatMapMany(Flux::fromIterable);
    }

    @QueryMapping
    Mono<ExperimentDefinition> experimentDefinition(@Argument String id) {
        return editor().flatMap(caller -> experimentStore.find(id));
    }

    @BatchMapping(typeName = "ExperimentDefinition")
    Mono<Map<ExperimentDefinition, ExperimentResults>> results(List<ExperimentDefinition> definitions) {
        List<String> ids = definitions.stream().map(ExperimentDefinition::id).toList();
        return experimentStore.counts(ids).collectList().map(rows -> {
            Map<String, Map<@Nullable String, ExperimentResults.Counts>> byExperiment = new HashMap<>();
            for (ExperimentRepository.CountRow row : rows) {
                byExperiment
                        .computeIfAbsent(row.experimentId(), id -> new HashMap<>())
                        .put(row.arm(), new ExperimentResults.Counts(row.exposures(), row.conversions()));
            }
            Instant now = audiences.now();
            Map<ExperimentDefinition, ExperimentResults> results = new LinkedHashMap<>();
            for (ExperimentDefinition definition : definitions) {
                results.put(
                        definition,
                        ExperimentResults.of(
                                definition, byExperiment.getOrDefault(definition.id(), new HashMap<>()), now));
            }
            return results;
        });
    }

    @MutationMapping
    Mono<ExperimentDefinition> createExperiment(@Argument Inputs.CreateExperimentInput input) {
        return editor().flatMap(caller -> experiments.create(caller, input));
    }

    @MutationMapping
    Mono<ExperimentDefinition> startExperiment(@Argument String id) {
        return editor().flatMap(caller -> experiments.start(caller, id));
    }

    @MutationMapping
    Mono<ExperimentDefinition> stopExperiment(@Argument String id) {
        return editor().flatMap(caller -> experiments.stop(caller, id));
    }

    @BatchMapping(typeName = "PageSlotLayout", field = "runningExperiment")
    Mono<Map<SlotLayout, ExperimentDefinition>> runningExperiment(List<SlotLayout> slots) {
        return experimentStore.runningBySlot(slots);
    }

    private AudienceEstimate estimate(AudienceCount count) {
        return AudienceEstimate.of(count, AudienceEstimator.note(count), audiences.now());
    }

    private static Mono<Caller> editor() {
        return Caller.current().map(caller -> caller.require(Role.EDITOR));
    }
}
