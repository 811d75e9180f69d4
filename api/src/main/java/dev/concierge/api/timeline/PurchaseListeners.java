package dev.concierge.api.timeline;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Several purchase listeners as one. */
final class PurchaseListeners {

    private static final Logger log = LoggerFactory.getLogger(PurchaseListeners.class);

    private PurchaseListeners() {}

    /**
     * Tells each listener in turn; one that fails is logged and does not keep the others from
     * hearing of the purchase.
     */
    static PurchaseListener all(List<PurchaseListener> listeners) {
        if (listeners.isEmpty()) {
            return PurchaseListener.NONE;
        }
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        List<PurchaseListener> each = List.copyOf(listeners);
        return purchase -> Flux.fromIterable(each)
                .concatMap(listener -> listener.recorded(purchase).onErrorResume(e -> {
                    log.warn(
                            "Purchase {} recorded; listener {} failed: {}",
                            purchase.id(),
                            listener.getClass().getSimpleName(),
                            e.toString());
                    return Mono.empty();
                }))
                .then();
    }
}
