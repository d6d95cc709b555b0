package dev.ferry.sim.gate;

import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads sim/budgets.yaml: a list of budgets, each with exactly one of max and min. */
public final class Budgets {

    /** The results.json figures a budget may name. */
    static final Set<String> METRICS = Set.of("wall_s", "events_per_s", "coalescing.exact_at_quiescence",
            "coalescing.amplification", "coalescing.latency_ms.p50", "coalescing.latency_ms.p99",
            "coalescing.latency_ms.max", "coalescing.lost_packages_at_restart", "coalescing.missed_captures",
            "coalescing.restarts");

    private Budgets() {
    }

    public static List<Budget> read(Path file) throws ConfigException {
        Fields f = YamlFile.read(file).fields().allowOnly("budgets");
        List<Budget> budgets = new ArrayList<>();
        for (Fields b : f.list("budgets")) {
            b.allowOnly("name", "metric", "max", "min", "scenarios");
            String metric = b.text("metric");
            if (!METRICS.contains(metric)) {
                throw b.error("metric", "unknown metric '" + metric + "'; one of " + String.join(", ", METRICS.stream().sorted().toList()));
            }
            if (b.has("max") == b.has("min")) {
                throw b.error("name", "give exactly one of max and min");
            }
            Double max = b.has("max") ? b.number("max", -1e18, 1e18) : null;
            Double min = b.has("min") ? b.number("min", -1e18, 1e18) : null;
            List<String> scenarios = b.has("scenarios") ? List.of(b.text("scenarios").split("\\s*,\\s*")) : List.of();
            budgets.add(new Budget(b.text("name"), metric, max, min, scenarios));
        }
        return budgets;
    }
}
