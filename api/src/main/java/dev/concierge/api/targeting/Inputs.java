package dev.concierge.api.targeting;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The mutations' GraphQL inputs, and the checks they share. */
final class Inputs {

    /** Segment and experiment ids: what the tables' checks allow. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    static final int MAX_ID_LENGTH = 64;

    /** Arm keys: what experiment_arms allows, and what content variants name. */
    static final Pattern ARM_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private Inputs() {}

    record CreateSegmentInput(
            String id, String name, @Nullable String description, Object rule) {}

    record UpdateSegmentInput(
            String id,
            @Nullable String name,
            @Nullable String description,
            @Nullable Object rule) {}

    record CreateExperimentInput(
            String id,
            String name,
            @Nullable String description,
            String pageSlug,
            String slot,
            @Nullable Double holdoutShare,
            List<ExperimentArmInput> arms) {}

    record ExperimentArmInput(
            String key, int weight, @Nullable String description) {}
}
