package dev.concierge.api.bench;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /bench/home} answers the bytes last {@code PUT} there, as JSON, with no work per
 * request: the most the server stack itself can do for a payload of the page's size. The load test
 * puts a real home page response there before it measures. Exists only in the {@code bench} profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchConfiguration {

    /** Path of the precomputed page. */
    static final String PATH = "/bench/home";

    /** Larger than any page; a bigger body is refused. */
    static final int MAX_PAYLOAD = 1 << 20;

    @Bean
    RouterFunction<ServerResponse> benchRoutes() {
        AtomicReference<byte[]> payload = new AtomicReference<>();
        return RouterFunctions.route()
                .GET(PATH, request -> {
                    byte[] body = payload.get();
                    return body == null
                            ? ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                                    .build()
                            : ServerResponse.ok()
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(BodyInserters.fromValue(body));
                })
                .PUT(
                        PATH,
                        request -> read(request)
                                .flatMap(body -> {
                                    if (body.length == 0) {
                                        return ServerResponse.badRequest().build();
                                    }
                                    payload.set(body);
                                    return ServerResponse.noContent().build();
                                })
                                .onErrorResume(
                                        DataBufferLimitException.class,
                                        e -> ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE)
                                                .build()))
                .build();
    }

    private static Mono<byte[]> read(ServerRequest request) {
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), MAX_PAYLOAD)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }
}
