package dev.ferry.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A run's budgets as its results.json recorded them: how many, and each one it exceeded, by name. */
public record BudgetSummary(int total, List<Failed> failed) {

    /** A budget the run exceeded: its value against its limit. */
    public record Failed(String name, String metric, String comparison, double limit, double value) {
    }

    public static BudgetSummary of(JsonNode results) {
        List<Failed> failed = new ArrayList<>();
        JsonNode budgets = results.path("budgets");
        for (JsonNode b : budgets) {
            if (!b.path("pass").asBoolean(true)) {
                failed.add(new Failed(b.path("name").asText(b.path("metric").asText("?")), b.path("metric").asText(""),
                        b.path("comparison").asText(""), b.path("limit").asDouble(Double.NaN),
                        b.path("value").asDouble(Double.NaN)));
            }
        }
        return new BudgetSummary(budgets.size(), List.copyOf(failed));
    }

    public boolean allHeld() {
        return failed.isEmpty();
    }
}
