package dev.ferry.sim.gate;

import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the CI gate's limits on results.json figures from sim/budgets.yaml: a list of budgets, each with exactly one
 * of max and min, and comparisons between scenarios. (Not to be confused with {@code dev.ferry.migrate}'s disruption
 * budgets, which limit how many sessions migrate at once.)
 */
public final class GateLimits {

    /** The results.json figures a budget may name. */
    static final Set<String> METRICS = Set.of("wall_s", "events_per_s", "coalescing.exact_at_quiescence",
            "coalescing.amplification", "coalescing.latency_ms.p50", "coalescing.latency_ms.p99",
            "coalescing.latency_ms.max", "coalescing.lost_packages_at_restart", "coalescing.missed_captures",
            "coalescing.restarts", "migration.migrated", "migration.failed", "migration.stranded",
            "migration.double_running", "migration.makespan_h", "migration.budgets_observed.peak_in_flight",
            "migration.budgets_observed.peak_in_flight_per_cluster", "migration.budgets_observed.team_share_exceeded",
            "disruption.sessions_disrupted_while_active", "disruption.share_disrupted_while_active",
            "disruption.user_visible_s.p50", "disruption.user_visible_s.p99", "disruption.user_visible_s.max",
            "disruption.total_s.p99", "disruption.lost_packages", "migration.scheduler_restarts.restarts");

    private GateLimits() {
    }

    public static List<Budget> read(Path file) throws ConfigException {
        Fields f = YamlFile.read(file).fields().allowOnly("budgets", "comparisons");
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

    /**
     * The {@code comparisons:} of a budgets file (none when absent), e.g.
     * <pre>
     * comparisons:
     *   - {name: idle-aware 10x kinder than rolling, metric: disruption.user_visible_s.p99,
     *      scenario: dsw-3500-migration-idle-aware, against: dsw-3500-migration-rolling, max_ratio: 0.1}
     * </pre>
     */
    public static List<Comparison> comparisons(Path file) throws ConfigException {
        Fields f = YamlFile.read(file).fields().allowOnly("budgets", "comparisons");
        List<Comparison> comparisons = new ArrayList<>();
        if (!f.has("comparisons")) {
            return comparisons;
        }
        for (Fields c : f.list("comparisons")) {
            c.allowOnly("name", "metric", "scenario", "against", "max_ratio");
            String metric = c.text("metric");
            if (!METRICS.contains(metric)) {
                throw c.error("metric", "unknown metric '" + metric + "'; one of "
                        + String.join(", ", METRICS.stream().sorted().toList()));
            }
            comparisons.add(new Comparison(c.text("name"), metric, c.text("scenario"), c.text("against"),
                    c.number("max_ratio", 0, 1e9)));
        }
        return comparisons;
    }
}
