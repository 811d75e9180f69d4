package dev.concierge.personalization.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.concierge.personalization.ConciergeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCheckTests {

    @Test
    void check_validRule_hasNoProblems() {
        assertThat(SegmentRules.check(
                        Json.parse(
                                "{'all': [{'loyaltyTier': {'atLeast': 'GOLD'}}, {'not': {'channel': {'in': ['APP']}}}]}"),
                        "rule"))
                .isEmpty();
    }

    @Test
    void check_severalBrokenPredicates_reportsEachWithItsPath() {
        Object tree = Json.parse("{'all': ["
                + "{'loyaltyTier': {'atLeast': 'TIN'}},"
                + "{'any': [{'channel': {'in': ['APP']}}, {'frobnicate': {}}]},"
                + "{'browsed': {'category': 'WATCHES', 'withinDays': 0}},"
                + "{'not': {'spend': {'op': 'gte'}}}]}");
        List<RuleProblem> problems = SegmentRules.check(tree, "rule");
        assertThat(problems)
                .extracting(RuleProblem::path)
                .containsExactly(
                        "rule.all[0].loyaltyTier.atLeast",
                        "rule.all[1].any[1].frobnicate",
                        "rule.all[2].browsed.withinDays",
                        "rule.all[3].not.spend.amount");
        assertThat(problems.get(0).message())
                .startsWith("expected one of BRONZE")
                .doesNotStartWith("rule.");
        // the first problem is the parser's own error
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> SegmentRules.parse(tree, "rule"))
                .satisfies(
                        e -> assertThat(e.inputPath()).isEqualTo(problems.get(0).path()));
    }

    @Test
    void check_notAnObject_isOneProblemAtTheRoot() {
        assertThat(SegmentRules.check("GOLD", "rule")).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("rule");
            assertThat(problem.message()).contains("found the string");
        });
    }

    @Test
    void check_emptyCombinator_isReportedAtTheCombinator() {
        assertThat(SegmentRules.check(Json.parse("{'any': []}"), "rule"))
                .extracting(RuleProblem::path)
                .containsExactly("rule.any");
    }

    @Test
    void check_tooManyNodesInAll_isReportedFromTheFullParse() {
        List<Object> rules = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<Object> inner = new ArrayList<>();
            for (int j = 0; j < SegmentRules.MAX_CHILDREN; j++) {
                inner.add(Map.of("returningCustomer", Map.of()));
            }
            rules.add(Map.of("any", inner));
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("all", rules);
        assertThat(SegmentRules.check(tree, "rule"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("at most " + SegmentRules.MAX_NODES));
    }
}
