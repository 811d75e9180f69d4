package dev.concierge.api.limits;

import dev.concierge.api.graphql.GraphQlErrorResponses;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses GraphQL request bodies over the limit with 413 and {@code PAYLOAD_TOO_LARGE}: at once
 * when {@code Content-Length} says so, else as soon as a chunked body has passed the limit.
 */
final class RequestSizeLimit implements WebFilter, Ordered {

    /** Before security and everything else: a too-large body is refused unread. */
    static final int ORDER = -200;

    private final String path;
    private final long maxBytes;
    private final GraphQlErrorResponses refusals;

    RequestSizeLimit(String path, long maxBytes, GraphQlErrorResponses refusals) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.refusals = refusals;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getPath().value().equals(path)) {
            return chain.filter(exchange);
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return refuse(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new TooLarge();
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(TooLarge.class, e -> refuse(exchange));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        return refusals.write(
                exchange.getResponse(),
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + maxBytes + " bytes",
                Map.of("maxBytes", maxBytes));
    }

    /** Thrown from the body stream once it passes the limit. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body too large", null, false, false);
        }
    }
}
