package dev.concierge.api.observability;

import dev.concierge.api.observability.OperationCapture.Operation;
import graphql.GraphQLError;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Times every GraphQL request (HTTP, SSE and WebSocket) and counts its errors by code. In
 * Prometheus:
 *
 * <pre>
 * concierge_graphql_request_seconds{operation, type="query"|"mutation"|"subscription", outcome="success"|"error"}
 *     a histogram with the SLO boundaries below as buckets; a subscription's time is its start
 * concierge_graphql_errors_total{code}      one per error in a response, by extensions.code
 * concierge_graphql_subscriptions_active    subscriptions streaming now
 * </pre>
 *
 * <p>{@code operation} is the operation's name while at most {@link #MAX_OPERATIONS} names have
 * been seen; later new names, unnamed operations and unparsable documents are {@code other}. It
 * runs first among the interceptors, so it sees the codes {@code ErrorCodeInterceptor} gives.
 */
final class GraphQlMetrics implements WebGraphQlInterceptor, Ordered {

    /** How many distinct operation names get their own series. */
    static final int MAX_OPERATIONS = 100;

    static final String OTHER = "other";

    /** Latency budgets (the chart's {@code slo.latency.budget} is one of them) and a few beyond. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final MeterRegistry registry;
    private final Set<String> operations = ConcurrentHashMap.newKeySet();
    private final AtomicInteger activeSubscriptions = new AtomicInteger();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    GraphQlMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("concierge.graphql.subscriptions.active", activeSubscriptions, AtomicInteger::get)
                .description("GraphQL subscriptions streaming now")
                .register(registry);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Operation operation = new Operation();
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(Operation.KEY, operation);
            return input;
        });
        long start = System.nanoTime();
        return chain.next(request)
                .map(response -> {
                    List<GraphQLError> found = response.getExecutionResult().getErrors();
                    record(operation, found.isEmpty(), start);
                    found.forEach(this::countError);
                    return tracked(response);
                })
                .doOnError(e -> record(operation, false, start));
    }

    private void record(Operation operation, boolean success, long start) {
        Timer.builder("concierge.graphql.request")
                .description("GraphQL requests by operation, type and outcome")
                .tag("operation", operationName(operation.name))
                .tag("type", type(operation.type))
                .tag("outcome", success ? "success" : "error")
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private void countError(GraphQLError error) {
        Object code =
                error.getExtensions() == null ? null : error.getExtensions().get("code");
        String label = code instanceof String text && CODE.matcher(text).matches() ? text : "OTHER";
        errors.computeIfAbsent(
                        label,
                        c -> Counter.builder("concierge.graphql.errors")
                                .description("Errors in GraphQL responses by extensions.code")
                                .tag("code", c)
                                .register(registry))
                .increment();
    }

    /** A subscription's stream, counted as active from subscribe until it ends or is cancelled. */
    private WebGraphQlResponse tracked(WebGraphQlResponse response) {
        if (!(response.getExecutionResult().getData() instanceof Publisher<?> stream)) {
            return response;
        }
        Flux<?> counted = Flux.from(stream)
                .doOnSubscribe(subscription -> activeSubscriptions.incrementAndGet())
                .doFinally(signal -> activeSubscriptions.decrementAndGet());
        return response.transform(builder -> builder.data(counted));
    }

    String operationName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return OTHER;
        }
        if (operations.contains(name)) {
            return name;
        }
        synchronized (operations) {
            if (operations.size() < MAX_OPERATIONS) {
                operations.add(name);
                return name;
            }
        }
        return OTHER;
    }

    private static String type(OperationDefinition.@Nullable Operation type) {
        return type == null ? "query" : type.name().toLowerCase(Locale.ROOT);
    }
}
