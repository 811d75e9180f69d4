package dev.concierge.api.recommendation;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * When rebuilds run by themselves: once the application is ready (in the background, never holding
 * up start-up), a rebuild if item_similarity is empty; then, if scheduled, one every {@code
 * interval} or at each time of {@code cron}. Every instance keeps the schedule; the rebuild lock
 * lets one of them rebuild and the others skip. A failed rebuild is logged and the schedule goes on.
 */
class RecommendationSchedule implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecommendationSchedule.class);

    private final RecommendationJob job;
    private final RecommendationProperties.Job settings;
    private final Clock clock;
    private volatile boolean running;
    private volatile @Nullable Disposable schedule;

    RecommendationSchedule(RecommendationJob job, RecommendationProperties.Job settings, Clock clock) {
        this.job = job;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!running || schedule != null) {
            return;
        }
        Mono<Void> first = settings.buildWhenEmpty()
                ? job.rebuildIfEmpty(ModelRun.Trigger.STARTUP)
                        .onErrorResume(e -> skipped(ModelRun.Trigger.STARTUP, e))
                        .then()
                : Mono.empty();
        Mono<Void> periodic = settings.scheduled()
                ? Mono.defer(() -> {
                            Duration delay = settings.nextDelay(clock.instant());
                            // A cron expression with no future time (e.g. 30 February): no more rebuilds.
                            return delay == null ? Mono.<Long>never() : Mono.delay(delay);
                        })
                        .then(Mono.defer(() -> job.rebuild(ModelRun.Trigger.SCHEDULE, null)))
                        .onErrorResume(e -> skipped(ModelRun.Trigger.SCHEDULE, e))
                        .repeat()
                        .then()
                : Mono.empty();
        schedule = first.then(periodic).subscribe();
    }

    private Mono<ModelRun> skipped(ModelRun.Trigger trigger, Throwable error) {
        if (error instanceof ConciergeException e && e.code() == ErrorCode.CONFLICT) {
            log.info("Recommendation rebuild ({}) skipped: {}", trigger, e.getMessage());
        } else if (running) {
            log.warn("Recommendation rebuild ({}) failed; the previous model stays: {}", trigger, error.toString());
        }
        return Mono.empty();
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

    /** Stops before the job, so that the job stops with nothing new asked of it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
