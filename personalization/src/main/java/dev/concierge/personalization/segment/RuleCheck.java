package dev.concierge.personalization.segment;

import dev.concierge.personalization.ConciergeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems of a rule for an editor, where the parser stops at the first. It walks the
 * combinators ({@code all}, {@code any}, {@code not}) itself and parses each predicate alone, so it
 * reports one problem per broken combinator or predicate (the first within each), not every
 * problem inside one predicate. Limits on the whole tree (its node count) come from a full parse,
 * whose error is always among the problems: the check never calls valid what the parser refuses.
 */
final class RuleCheck {

    private final List<RuleProblem> problems = new ArrayList<>();

    private RuleCheck() {}

    static List<RuleProblem> check(@Nullable Object tree, String path) {
        RuleProblem first;
        try {
            SegmentRules.parse(tree, path);
            return List.of();
        } catch (ConciergeException e) {
            first = problem(e, path);
        }
        RuleCheck check = new RuleCheck();
        check.walk(tree, path, 1);
        if (!check.problems.contains(first)) {
            check.problems.add(0, first);
        }
        return List.copyOf(check.problems);
    }

    private void walk(@Nullable Object tree, String path, int depth) {
        if (tree instanceof Map<?, ?> node && node.size() == 1 && depth <= SegmentRules.MAX_DEPTH) {
            Map.Entry<?, ?> entry = node.entrySet().iterator().next();
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            String at = path + "." + key;
            switch (key) {
                case "all", "any" -> {
                    if (value instanceof List<?> list && !list.isEmpty() && list.size() <= SegmentRules.MAX_CHILDREN) {
                        for (int i = 0; i < list.size(); i++) {
                            walk(list.get(i), at + "[" + i + "]", depth + 1);
                        }
                        return;
                    }
                }
                case "not" -> {
                    walk(value, at, depth + 1);
                    return;
                }
                default -> {
                    // a predicate: parsed alone below
                }
            }
        }
        try {
            new RuleParser().rule(tree, path, depth);
        } catch (ConciergeException e) {
            problems.add(problem(e, path));
        }
    }

    /** The exception's path and its message without the path prefix that {@code badInput} adds. */
    private static RuleProblem problem(ConciergeException e, String fallbackPath) {
        String path = e.inputPath() == null ? fallbackPath : e.inputPath();
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        String prefix = path + ": ";
        return new RuleProblem(path, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }
}
