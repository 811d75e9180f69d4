package dev.concierge.api.targeting;

import dev.concierge.personalization.segment.RuleProblem;
import java.util.List;

/** The GraphQL {@code SegmentRuleCheck}: a rule's problems, each with its path ({@code RuleError}). */
record SegmentRuleCheck(boolean valid, List<RuleProblem> errors) {}
