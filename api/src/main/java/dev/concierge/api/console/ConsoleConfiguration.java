package dev.concierge.api.console;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * Routes {@code /console} to the console's page and puts security headers on everything under it.
 * The assets themselves are plain static resources ({@code classpath:/static/console/}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    static final String PATH = "/console";

    /** Where the page lives on the classpath, next to its scripts and styles. */
    private static final Resource INDEX = new ClassPathResource("static/console/index.html");

    /**
     * {@code /console} redirects to {@code /console/} so that the page's relative module and style
     * URLs resolve under it; {@code /console/} is the page.
     */
    @Bean
    RouterFunction<ServerResponse> consoleRoutes() {
        return RouterFunctions.route()
                .GET(
                        PATH,
                        request -> ServerResponse.permanentRedirect(URI.create(PATH + "/"))
                                .build())
                .GET(
                        PATH + "/",
                        request -> ServerResponse.ok()
                                .contentType(MediaType.TEXT_HTML)
                                .bodyValue(INDEX))
                .build();
    }

    @Bean
    WebFilter consoleSecurityHeaders() {
        return new ConsoleSecurityHeaders(PATH);
    }
}
