package dev.concierge.api.page;

import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The editor's {@code previewPage} and {@code personas} queries (role EDITOR). The preview's slots
 * are the page's {@code Slot}s, resolved by the page's own mappings.
 */
@Controller
class PagePreviewController {

    private final PagePreviews previews;

    PagePreviewController(PagePreviews previews) {
        this.previews = previews;
    }

    @QueryMapping
    Mono<PagePreview> previewPage(
            @Argument String slug,
            @Argument PreviewAudienceInput as,
            @Argument @Nullable Instant at,
            @Argument @Nullable Boolean includeDrafts,
            @Argument @Nullable PageContextInput context) {
        return Caller.current()
                .map(caller -> caller.require(Role.EDITOR))
                .flatMap(caller -> previews.preview(
                        slug,
                        as,
                        at,
                        Boolean.TRUE.equals(includeDrafts),
                        context == null ? PageContextInput.NONE : context));
    }

    @QueryMapping
    Mono<List<PersonaView>> personas() {
        return Caller.current().map(caller -> caller.require(Role.EDITOR)).flatMap(caller -> previews.personas());
    }
}
