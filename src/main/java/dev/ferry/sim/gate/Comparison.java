package dev.ferry.sim.gate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A limit on one figure of a scenario relative to the same figure of another scenario on the same seed, e.g. the
 * idle-aware migration's user-visible p99 at most a tenth of the rolling one's: {@code value <= maxRatio *
 * value(against)}.
 */
public record Comparison(String name, String metric, String scenario, String against, double maxRatio) {

    /** The figure of {@code results} at {@link #metric()}; NaN when absent. */
    public double value(JsonNode results) {
        JsonNode node = results;
        for (String part : metric.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || !node.isNumber() ? Double.NaN : node.asDouble();
    }

    /** Whether {@code value <= maxRatio * reference}; false when either is missing. */
    public boolean holds(double value, double reference) {
        return !Double.isNaN(value) && !Double.isNaN(reference) && value <= maxRatio * reference;
    }
}
