package dev.concierge.api.limits;

import graphql.parser.ParserOptions;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * The parser's own limits for each request: graphql-java stops reading a document after {@code
 * maxTokens} tokens, long before a huge document costs memory or time.
 */
final class ParserLimits implements WebGraphQlInterceptor {

    private final ParserOptions options;

    ParserLimits(LimitsProperties limits) {
        this.options = ParserOptions.getDefaultOperationParserOptions()
                .transform(builder -> builder.maxTokens(limits.maxTokens()).maxCharacters(limits.maxRequestBytes()));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(ParserOptions.class, options)).build());
        return chain.next(request);
    }
}
