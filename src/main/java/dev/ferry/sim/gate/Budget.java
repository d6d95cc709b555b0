package dev.ferry.sim.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A limit on one figure of results.json, named by its path ({@code coalescing.latency_ms.p50}),
 * either a maximum or a minimum, for every scenario or only those listed.
 */
public record Budget(String name, String metric, Double max, Double min, List<String> scenarios) {

    public boolean appliesTo(String scenario) {
        return scenarios.isEmpty() || scenarios.contains(scenario);
    }

    public BudgetResult check(JsonNode results) {
        JsonNode node = results;
        for (String part : metric.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        double value = node == null || !node.isNumber() ? Double.NaN : node.asDouble();
        boolean pass = !Double.isNaN(value) && (max == null || value <= max) && (min == null || value >= min);
        return new BudgetResult(name, metric, max != null ? "<=" : ">=", max != null ? max : min, value, pass);
    }
}
