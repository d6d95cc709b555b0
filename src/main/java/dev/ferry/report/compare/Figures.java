package dev.ferry.report.compare;

import static dev.ferry.report.compare.Figure.Role.HIGHER_IS_BETTER;
import static dev.ferry.report.compare.Figure.Role.LOWER_IS_BETTER;
import static dev.ferry.report.compare.Figure.Role.MACHINE;
import static dev.ferry.report.compare.Figure.Role.WORKLOAD;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.report.compare.Figure.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of results.json (README, "results.json" and "Migrating in the simulation") in the order the
 * page shows them, disruption first, each with its {@link Role}. A number that appears in a results.json
 * but not here (a figure added later) is still shown, as workload context, never judged: its direction is
 * not known here.
 */
public final class Figures {

    private static final Map<String, Figure> KNOWN = new LinkedHashMap<>();

    static {
        add("disruption.sessions_disrupted_while_active", "sessions disrupted while active", LOWER_IS_BETTER);
        add("disruption.share_disrupted_while_active", "share disrupted while active", LOWER_IS_BETTER);
        quantiles("disruption.user_visible_s", "user-visible disruption");
        quantiles("disruption.total_s", "total disruption");
        add("disruption.lost_kernel_state", "sessions that lost kernel state", LOWER_IS_BETTER);
        add("disruption.lost_packages", "packages lost by the migration", LOWER_IS_BETTER);
        add("migration.migrated", "sessions migrated", HIGHER_IS_BETTER);
        add("migration.failed", "migrations failed", LOWER_IS_BETTER);
        add("migration.rolled_back", "migrations rolled back", LOWER_IS_BETTER);
        add("migration.stranded", "sessions stranded", LOWER_IS_BETTER);
        add("migration.migrating_at_end", "still migrating at the end", LOWER_IS_BETTER);
        add("migration.still_on_source", "still on the source at the end", LOWER_IS_BETTER);
        add("migration.double_running", "sessions running twice", LOWER_IS_BETTER);
        add("migration.makespan_h", "makespan (h)", LOWER_IS_BETTER);
        add("migration.scheduler_passes", "scheduler passes", LOWER_IS_BETTER);
        add("migration.budgets_observed.peak_in_flight", "peak migrations in flight", LOWER_IS_BETTER);
        add("migration.budgets_observed.peak_in_flight_per_cluster", "peak in flight on one cluster", LOWER_IS_BETTER);
        add("migration.budgets_observed.team_share_exceeded", "times a team's share was exceeded", LOWER_IS_BETTER);
        add("migration.clusters.api_requests", "Kubernetes API requests", LOWER_IS_BETTER);
        add("migration.clusters.api_errors_injected", "API errors injected", WORKLOAD);
        add("migration.clusters.refused_by_outage", "requests refused by an outage", WORKLOAD);
        add("migration.clusters.nodes_lost", "nodes lost", WORKLOAD);
        add("migration.clusters.pods_failed_by_node_loss", "pods failed with their node", WORKLOAD);
        add("migration.clusters.unschedulable_attempts", "unschedulable pod attempts", LOWER_IS_BETTER);
        add("coalescing.exact_at_quiescence", "exact at quiescence", HIGHER_IS_BETTER);
        add("coalescing.amplification", "checkpoints per operation", LOWER_IS_BETTER);
        add("coalescing.latency_ms.p50", "checkpoint latency p50 (ms)", LOWER_IS_BETTER);
        add("coalescing.latency_ms.p99", "checkpoint latency p99 (ms)", LOWER_IS_BETTER);
        add("coalescing.latency_ms.max", "checkpoint latency max (ms)", LOWER_IS_BETTER);
        add("coalescing.lost_packages_at_restart", "packages lost at restart", LOWER_IS_BETTER);
        add("coalescing.missed_captures", "missed captures", LOWER_IS_BETTER);
        add("coalescing.restarts", "restarts", WORKLOAD);
        add("coalescing.restarts_by_cause.user", "restarts by the user", WORKLOAD);
        add("coalescing.restarts_by_cause.oom", "restarts out of memory", WORKLOAD);
        add("coalescing.restarts_by_cause.node_loss", "restarts by node loss", WORKLOAD);
        add("coalescing.operations", "package operations", WORKLOAD);
        add("coalescing.state_changing_operations", "state-changing operations", WORKLOAD);
        add("coalescing.checkpoints", "checkpoints written", WORKLOAD);
        add("coalescing.quiescent_points", "quiescent points", WORKLOAD);
        add("coalescing.interrupted_operations", "operations interrupted by a restart", WORKLOAD);
        add("restore.restores", "restores", WORKLOAD);
        add("restore.failed", "restores failed", LOWER_IS_BETTER);
        add("restore.packages_not_restored", "packages not restored", LOWER_IS_BETTER);
        quantiles("restore.duration_s", "restore time");
        add("sessions", "sessions", WORKLOAD);
        add("virtual_days", "virtual days", WORKLOAD);
        add("events", "file events", WORKLOAD);
        add("events_seen_by_trackers", "file events seen by the trackers", WORKLOAD);
        add("kernel_events", "kernel events", WORKLOAD);
        add("wall_s", "wall time (s)", MACHINE);
        add("events_per_s", "file events per wall second", MACHINE);
    }

    private Figures() {
    }

    /** The p50, p95, p99 and max of a duration in seconds, of which less is better. */
    private static void quantiles(String path, String title) {
        for (String q : List.of("p50", "p95", "p99", "max")) {
            add(path + "." + q, title + " " + q + " (s)", LOWER_IS_BETTER);
        }
    }

    private static void add(String path, String title, Role role) {
        KNOWN.put(path, new Figure(path, title, role));
    }

    /** The known figure at a path, or the path as an unjudged one. */
    public static Figure at(String path) {
        Figure known = KNOWN.get(path);
        return known != null ? known : new Figure(path, path, WORKLOAD);
    }

    /**
     * The figures any of these results has, known ones in the catalogue's order, then the others in the order
     * they first appear; {@code seed} and {@code budgets} are not figures (the seed names the run, budgets
     * have a table of their own).
     */
    public static List<Figure> in(Collection<JsonNode> results) {
        Map<String, Figure> present = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        for (JsonNode r : results) {
            leaves("", r, found);
        }
        for (Figure f : KNOWN.values()) {
            if (found.contains(f.path())) {
                present.put(f.path(), f);
            }
        }
        for (String path : found) {
            present.putIfAbsent(path, at(path));
        }
        return List.copyOf(present.values());
    }

    private static void leaves(String prefix, JsonNode node, List<String> found) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = prefix + e.getKey();
            if (path.equals("seed") || path.equals("budgets")) {
                continue;
            }
            if (e.getValue().isObject()) {
                leaves(path + ".", e.getValue(), found);
            } else if (e.getValue().isNumber() && !found.contains(path)) {
                found.add(path);
            }
        }
    }
}
