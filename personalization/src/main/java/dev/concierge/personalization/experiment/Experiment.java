package dev.concierge.personalization.experiment;

import dev.concierge.personalization.ConciergeException;
import java.util.List;

/**
 * An experiment on one page slot: weighted arms, and a holdout share of subjects kept out of every
 * arm (they get the slot's non-experiment choice).
 */
public record Experiment(String id, String pageSlug, String slot, Status status, double holdoutShare, List<Arm> arms) {

    public enum Status {
        DRAFT,
        RUNNING,
        STOPPED
    }

    /** An arm and its relative weight (a positive integer). */
    public record Arm(String key, int weight) {}

    public Experiment {
        arms = List.copyOf(arms);
        if (!(holdoutShare >= 0 && holdoutShare <= 1)) {
            throw ConciergeException.badInput("holdoutShare", "must be between 0 and 1, got " + holdoutShare);
        }
        if (arms.isEmpty()) {
            throw ConciergeException.badInput("arms", "an experiment needs at least one arm");
        }
        for (int i = 0; i < arms.size(); i++) {
            if (arms.get(i).weight() <= 0) {
                throw ConciergeException.badInput("arms[" + i + "].weight", "must be positive");
            }
        }
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
