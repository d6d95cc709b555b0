package dev.ferry.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sim.gate.BudgetResult;
import dev.ferry.sim.migration.MigrationOutcome;
import dev.ferry.sim.migration.StillOnSource;
import dev.ferry.sim.run.SimulationResult;
import dev.ferry.sim.session.SessionMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes results.json. Wall-clock figures sit under {@code wall_s} and {@code events_per_s}; everything else is a function of the seed. */
public final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static ObjectNode tree(SimulationResult r, double wallSeconds, List<BudgetResult> budgets) {
        return tree(r, wallSeconds, budgets, null);
    }

    /** With {@code migration} and {@code disruption} when the run migrated ({@code m} not null). */
    public static ObjectNode tree(SimulationResult r, double wallSeconds, List<BudgetResult> budgets,
            MigrationOutcome m) {
        SessionMetrics t = r.totals();
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("seed", r.seed());
        root.put("sessions", r.sessions());
        root.put("virtual_days", r.virtualDays());
        root.put("wall_s", round(wallSeconds, 3));
        root.put("events", t.fileEvents());
        root.put("events_per_s", wallSeconds <= 0 ? 0 : Math.round(t.fileEvents() / wallSeconds));
        root.put("events_materialized", t.materializedEvents());
        root.put("events_seen_by_trackers", t.visibleEvents());
        root.put("kernel_events", r.kernelEvents());
        ObjectNode c = root.putObject("coalescing");
        c.put("exact_at_quiescence", round(r.exactAtQuiescence(), 6));
        c.put("amplification", round(r.amplification(), 4));
        ObjectNode latency = c.putObject("latency_ms");
        latency.put("p50", round(r.latencyP50Ms(), 3));
        latency.put("p99", round(r.latencyP99Ms(), 3));
        latency.put("max", round(r.latencyMaxMs(), 3));
        c.put("lost_packages_at_restart", t.lostPackages());
        c.put("restarts", t.restarts());
        c.put("operations", t.operations());
        c.put("state_changing_operations", t.stateChangingOperations());
        c.put("checkpoints", t.checkpoints());
        c.put("quiescent_points", t.quiescentPoints());
        c.put("missed_captures", t.missedCaptures());
        c.put("interrupted_operations", t.interruptedOperations());
        ObjectNode restarts = c.putObject("restarts_by_cause");
        restarts.put("user", t.userRestarts());
        restarts.put("oom", t.oomKills());
        restarts.put("node_loss", t.nodeLosses());
        ObjectNode restore = root.putObject("restore");
        restore.put("restores", t.restores());
        restore.put("failed", t.failedRestores());
        restore.put("packages_not_restored", t.packagesNotRestored());
        quantiles(restore.putObject("duration_s"), r.restoreSecondsQuantiles());
        if (m != null) {
            ObjectNode mig = root.putObject("migration");
            mig.put("strategy", m.strategy());
            mig.put("migrated", m.migrated());
            mig.put("failed", m.failed());
            mig.put("rolled_back", m.rolledBack());
            mig.put("stranded", m.stranded());
            mig.put("migrating_at_end", m.migratingAtEnd());
            mig.put("still_on_source", m.onSource());
            if (!m.stillOnSource().isEmpty()) {
                // why they are there, as the scheduler's latest full pass held them back (absent when none is)
                ObjectNode why = mig.putObject("still_on_source_by_reason");
                StillOnSource.byReason(m.stillOnSource()).forEach(why::put);
            }
            mig.put("double_running", m.doubleRunning());
            mig.put("makespan_h", round(m.makespanHours(), 3));
            mig.put("scheduler_passes", m.passes());
            m.restarts().ifPresent(k -> {
                ObjectNode kills = mig.putObject("scheduler_restarts");
                kills.put("restarts", k.restarts());
                kills.put("mid_pass", k.midPass());
            });
            m.fencing().ifPresent(f -> {
                ObjectNode fencing = mig.putObject("fencing");
                fencing.put("lease_ttl_s", f.ttlSeconds());
                fencing.put("margin_s", f.marginSeconds());
                fencing.put("instances_fenced", f.fenced());
                fencing.put("fenced_while_unreachable", f.fencedWhileUnreachable());
            });
            ObjectNode recovery = mig.putObject("recovery");
            recovery.put("recreated_after_done", m.recovery().recreatedAfterDone());
            recovery.put("moved_unschedulable", m.recovery().movedUnschedulable());
            m.userStops().ifPresent(u -> {
                ObjectNode stops = mig.putObject("stopped_by_user");
                stops.put("stops", u.stops());
                stops.put("started_again", u.startedAgain());
                stops.put("stopped_at_end", u.stoppedAtEnd());
                stops.put("started_while_stopped", u.startedWhileStopped());
            });
            ObjectNode peaks = mig.putObject("budgets_observed");
            peaks.put("peak_in_flight", m.budgets().inFlight());
            peaks.put("peak_in_flight_per_cluster", m.budgets().perCluster());
            peaks.put("team_share_exceeded", m.budgets().teamOverLimit());
            ObjectNode clusters = mig.putObject("clusters");
            clusters.put("api_requests", m.faults().apiRequests());
            clusters.put("api_errors_injected", m.faults().apiErrorsInjected());
            clusters.put("refused_by_outage", m.faults().refusedByOutage());
            clusters.put("nodes_lost", m.faults().nodesLost());
            clusters.put("pods_failed_by_node_loss", m.faults().podsFailed());
            clusters.put("unschedulable_attempts", m.faults().unschedulable());
            ObjectNode d = root.putObject("disruption");
            d.put("sessions_disrupted_while_active", m.disruptedWhileActive());
            d.put("share_disrupted_while_active",
                    round(m.disruptedWhileActive() / (double) Math.max(1, r.sessions()), 6));
            quantiles(d.putObject("user_visible_s"), m.userVisibleSeconds());
            quantiles(d.putObject("total_s"), m.totalSeconds());
            d.put("lost_kernel_state", m.lostKernelState());
            d.put("lost_packages", m.lostPackages());
        }
        ArrayNode list = root.putArray("budgets");
        for (BudgetResult b : budgets) {
            ObjectNode node = list.addObject();
            node.put("name", b.name());
            node.put("metric", b.metric());
            node.put("comparison", b.comparison());
            node.put("limit", b.limit());
            node.put("value", b.value());
            node.put("pass", b.pass());
        }
        return root;
    }

    private static void quantiles(ObjectNode node, double[] q) {
        node.put("p50", round(q[0], 3));
        node.put("p95", round(q[1], 3));
        node.put("p99", round(q[2], 3));
        node.put("max", round(q[3], 3));
    }

    public static void write(ObjectNode tree, Path file) throws IOException {
        JSON.writeValue(file.toFile(), tree);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
