package dev.concierge.api.retention;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the retention job in the background once the application is ready, then every interval. A
 * failed run is logged and the schedule goes on.
 */
class RetentionSchedule implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionJob job;
    private final RetentionProperties settings;
    private final Clock clock;
    private volatile boolean running;
    private volatile @Nullable Disposable schedule;

    RetentionSchedule(RetentionJob job, RetentionProperties settings, Clock clock) {
        this.job = job;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!running || !settings.enabled() || schedule != null) {
            return;
        }
        schedule = Flux.interval(settings.initialDelay(), settings.interval())
                .concatMap(tick -> job.run(clock.instant())
                        .doOnNext(result -> log.info("Retention: {}", result))
                        .onErrorResume(error -> {
                            if (running) {
                                log.warn("Retention run failed; the next one retries: {}", error.toString());
                            }
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Disposable current = schedule;
        schedule = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
