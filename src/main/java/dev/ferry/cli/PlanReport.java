package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.kube.SessionJobs;
import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.Action;
import dev.ferry.migrate.reconcile.MigrationPolicy;
import dev.ferry.migrate.reconcile.Observation;
import dev.ferry.migrate.reconcile.Plan;
import dev.ferry.migrate.reconcile.SessionLease;
import dev.ferry.migrate.reconcile.SessionObservation;
import dev.ferry.migrate.reconcile.TargetJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A {@link Plan} and the observation it came from, as a table for people or a JSON document for programs: the
 * actions, the counts, and each session held back with the reason.
 */
final class PlanReport {

    /** One action, flattened: what, for which session, where, and the rest in words. */
    record Row(String action, String session, String cluster, String detail) {
    }

    private static final String PELOTON = "peloton";
    private static final String NO_JOB = "no-job";

    private final Observation observation;
    private final Plan plan;
    private final MigrationPolicy policy;
    private final long now;
    private final String namespace;
    private final List<Row> rows;
    private final boolean leasesRead;

    PlanReport(Observation observation, Plan plan, MigrationPolicy policy, long nowMillis, String namespace) {
        this(observation, plan, policy, nowMillis, namespace, false);
    }

    /** @param leasesRead whether the sessions' leases were read (from a control plane) */
    PlanReport(Observation observation, Plan plan, MigrationPolicy policy, long nowMillis, String namespace,
            boolean leasesRead) {
        this.leasesRead = leasesRead;
        this.observation = observation;
        this.plan = plan;
        this.policy = policy;
        this.now = nowMillis;
        this.namespace = namespace;
        this.rows = plan.actions().stream().map(PlanReport::row).toList();
    }

    static Row row(Action action) {
        String name = action.getClass().getSimpleName();
        if (action instanceof Action.CreateSuspendedJob a) {
            SessionSpec s = a.spec();
            Resources r = s.resources();
            return new Row(name, a.sessionId(), a.cluster(), "Job " + SessionJobs.jobName(s.sessionId())
                    + " suspended, checkpoint generation " + s.checkpointGeneration() + ", " + cpu(r.milliCpu())
                    + " cpu " + Resources.memoryText(r.memoryMiB()) + (r.gpus() > 0 ? " " + r.gpus() + " gpu" : "")
                    + ", " + s.kind().label() + " " + s.image());
        } else if (action instanceof Action.StopSource a) {
            return new Row(name, a.sessionId(), PELOTON, "kill job " + a.jobId());
        } else if (action instanceof Action.StartSource a) {
            return new Row(name, a.sessionId(), PELOTON, "start job " + a.jobId() + " again");
        } else if (action instanceof Action.UnsuspendAndStart a) {
            return new Row(name, a.sessionId(), a.cluster(), "unsuspend, record " + state(a.migration())
                    + " (resourceVersion " + a.resourceVersion() + ")");
        } else if (action instanceof Action.SuspendJob a) {
            return new Row(name, a.sessionId(), a.cluster(), "suspend, record " + state(a.migration())
                    + " (resourceVersion " + a.resourceVersion() + ")");
        } else if (action instanceof Action.PatchState a) {
            return new Row(name, a.sessionId(), a.cluster(), "record " + state(a.migration())
                    + " (resourceVersion " + a.resourceVersion() + ")");
        } else if (action instanceof Action.DeleteJob a) {
            return new Row(name, a.sessionId(), a.cluster(), "delete Job " + SessionJobs.jobName(a.sessionId()));
        } else if (action instanceof Action.NotifyUser a) {
            return new Row(name, a.sessionId(), "-", "tell " + a.owner() + " it moves by "
                    + Instant.ofEpochMilli(a.deadlineEpochMillis()));
        }
        throw new IllegalStateException("unknown action " + action);
    }

    List<Row> rows() {
        return rows;
    }

    /** The table and the summary, each line ending in a newline. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Migration plan at ").append(Instant.ofEpochMilli(now)).append(" (nothing was changed)\n");
        out.append("Clusters: ").append(observation.clusters().stream()
                .map(c -> c.name() + " (" + c.zone() + ")").collect(Collectors.joining(", ")))
                .append("; namespace ").append(namespace).append('\n').append('\n');
        if (rows.isEmpty()) {
            out.append("No actions.\n");
        } else {
            List<String[]> cells = new ArrayList<>();
            cells.add(new String[] {"#", "ACTION", "SESSION", "CLUSTER", "DETAIL"});
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                cells.add(new String[] {Integer.toString(i + 1), r.action(), r.session(), r.cluster(), r.detail()});
            }
            int[] width = new int[4];
            for (String[] line : cells) {
                for (int c = 0; c < width.length; c++) {
                    width[c] = Math.max(width[c], line[c].length());
                }
            }
            for (String[] line : cells) {
                for (int c = 0; c < width.length; c++) {
                    out.append(String.format(Locale.ROOT, "%-" + width[c] + "s  ", line[c]));
                }
                out.append(line[4]).append('\n');
            }
        }
        out.append('\n');
        out.append("Sessions observed: ").append(observation.sessions().size()).append('\n');
        out.append("  Peloton task state: ").append(counts(sourceStates())).append('\n');
        out.append("  migration state:    ").append(counts(migrationStates())).append('\n');
        if (leasesRead) {
            out.append("  lease:              ").append(counts(leaseStates())).append('\n');
        }
        if (!observation.unreachable().isEmpty()) {
            out.append("Clusters that could not be read: ").append(String.join(", ", observation.unreachable()))
                    .append(" (their sessions are not in this plan)\n");
        }
        out.append("Would start migrating now: ").append(starting().size());
        if (!starting().isEmpty()) {
            out.append(" (").append(starting().stream().map(r -> r.session() + " -> " + r.cluster())
                    .collect(Collectors.joining(", "))).append(')');
        }
        out.append('\n');
        out.append(HeldReport.table(plan.held()));
        DisruptionBudget b = policy.budget();
        Map<String, Integer> inFlight = inFlight();
        int total = inFlight.values().stream().mapToInt(Integer::intValue).sum();
        out.append("Budgets: ").append(total).append(" of at most ").append(b.maxConcurrent()).append(" in flight (")
                .append(inFlight.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "/"
                        + b.clusterLimit(e.getKey())).collect(Collectors.joining(", ")))
                .append("), at most ").append(percent(b.maxTeamShare())).append(" of a team; windows: ")
                .append(windows(b)).append('\n');
        out.append("Idle after ").append(duration(policy.idleThresholdMillis())).append("; deadline ")
                .append(policy.deadlineEpochMillis() == Long.MAX_VALUE ? "none"
                        : Instant.ofEpochMilli(policy.deadlineEpochMillis()) + " (notice "
                                + duration(policy.noticeLeadMillis()) + " before)")
                .append('\n');
        out.append("Next wake-up: ").append(Instant.ofEpochMilli(plan.nextWakeupMillis())).append(" (in ")
                .append(duration(plan.nextWakeupMillis() - now)).append(")\n");
        return out.toString();
    }

    /** The same as {@link #table()}, as one JSON document. */
    String json() {
        ObjectNode root = Json.object();
        root.put("now", Instant.ofEpochMilli(now).toString());
        root.put("namespace", namespace);
        root.put("changed", false);
        ArrayNode clusters = root.putArray("clusters");
        for (TargetCluster c : observation.clusters()) {
            clusters.addObject().put("name", c.name()).put("zone", c.zone());
        }
        ArrayNode actions = root.putArray("actions");
        for (Row r : rows) {
            actions.addObject().put("action", r.action()).put("session", r.session()).put("cluster", r.cluster())
                    .put("detail", r.detail());
        }
        ObjectNode sessions = root.putObject("sessions");
        sessions.put("observed", observation.sessions().size());
        sourceStates().forEach(sessions.putObject("peloton_task_state")::put);
        migrationStates().forEach(sessions.putObject("migration_state")::put);
        ArrayNode unreachable = root.putArray("unreachable_clusters");
        observation.unreachable().forEach(unreachable::add);
        if (leasesRead) {
            leaseStates().forEach(sessions.putObject("lease")::put);
            ArrayNode leases = root.putArray("leases");
            for (SessionObservation s : observation.sessions()) {
                s.lease().ifPresent(l -> leases.addObject().put("session", s.sessionId())
                        .put("place", l.status().place()).put("state", leaseState(l))
                        .put("acquired_at", Instant.ofEpochMilli(l.status().acquiredAtMillis()).toString())
                        .put("expires_at", Instant.ofEpochMilli(l.status().expiresAtMillis()).toString())
                        .put("released", l.status().released())
                        .put("safe_after", Instant.ofEpochMilli(l.safeAfterMillis()).toString()));
            }
        }
        ArrayNode starting = root.putArray("starting_now");
        starting().forEach(r -> starting.addObject().put("session", r.session()).put("cluster", r.cluster()));
        HeldReport.json(plan.held(), root.putArray("held"));
        DisruptionBudget b = policy.budget();
        ObjectNode budgets = root.putObject("budgets");
        budgets.put("max_concurrent", b.maxConcurrent()).put("max_per_cluster", b.maxPerCluster())
                .put("max_team_share", b.maxTeamShare());
        ArrayNode windows = budgets.putArray("windows");
        b.windows().forEach(w -> windows.add(w.expression()));
        budgets.put("in_window_now", b.inWindow(now));
        ObjectNode inFlight = budgets.putObject("in_flight");
        inFlight().forEach(inFlight::put);
        root.put("idle_threshold_minutes", policy.idleThresholdMillis() / 60_000.0);
        if (policy.deadlineEpochMillis() == Long.MAX_VALUE) {
            root.putNull("deadline");
        } else {
            root.put("deadline", Instant.ofEpochMilli(policy.deadlineEpochMillis()).toString());
        }
        root.put("next_wakeup", Instant.ofEpochMilli(plan.nextWakeupMillis()).toString());
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    private List<Row> starting() {
        return rows.stream().filter(r -> r.action().equals(Action.CreateSuspendedJob.class.getSimpleName())).toList();
    }

    /** Sessions by Peloton task state; {@code not-on-peloton} for Jobs whose source is not in the export. */
    private Map<String, Integer> sourceStates() {
        Map<String, Integer> counts = new TreeMap<>();
        for (SessionObservation s : observation.sessions()) {
            counts.merge(s.source().map(SourceSession::stateName).orElse("not-on-peloton"), 1, Integer::sum);
        }
        return counts;
    }

    /** Sessions by the state recorded on their Job ({@code no-job} when there is none). */
    private Map<String, Integer> migrationStates() {
        Map<String, Integer> counts = new TreeMap<>();
        for (SessionObservation s : observation.sessions()) {
            List<TargetJob> live = s.liveTargets();
            String state = live.isEmpty() ? (s.targets().isEmpty() ? NO_JOB : "job-being-deleted")
                    : live.get(0).state().map(st -> st.wireName()).orElse("unreadable-annotations");
            counts.merge(state, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Sessions by lease: {@code held on P} while it has not expired, {@code released by P} when its holder gave it
     * back, {@code expired on P} once it ran out, {@code none} for a session that never held one.
     */
    private Map<String, Integer> leaseStates() {
        Map<String, Integer> counts = new TreeMap<>();
        for (SessionObservation s : observation.sessions()) {
            counts.merge(s.lease().map(l -> leaseState(l) + " " + l.status().place()).orElse("none"), 1,
                    Integer::sum);
        }
        return counts;
    }

    private String leaseState(SessionLease lease) {
        if (lease.status().released()) {
            return "released-by";
        }
        return now < lease.status().expiresAtMillis() ? "held-on" : "expired-on";
    }

    /** Migrations in flight (a live Job in a non-terminal state), per cluster, every cluster listed. */
    private Map<String, Integer> inFlight() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        observation.clusters().forEach(c -> counts.put(c.name(), 0));
        for (SessionObservation s : observation.sessions()) {
            s.liveTargets().stream().filter(t -> t.state().map(st -> !st.terminal()).orElse(false)).findFirst()
                    .ifPresent(t -> counts.merge(t.cluster(), 1, Integer::sum));
        }
        return counts;
    }

    private String windows(DisruptionBudget b) {
        if (b.windows().isEmpty()) {
            return "any time";
        }
        String list = b.windows().stream().map(w -> "'" + w.expression() + "'").collect(Collectors.joining(", "));
        if (b.inWindow(now)) {
            return list + " (open now)";
        }
        long next = b.nextWindow(now);
        return list + " (closed now; " + (next == MigrationWindow.NEVER ? "never opens"
                : "opens " + Instant.ofEpochMilli(next)) + ")";
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String state(MigrationRecord m) {
        return m.state().wireName();
    }

    private static String cpu(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    static String duration(long millis) {
        if (millis < 0) {
            return "-" + duration(-millis);
        }
        long s = millis / 1000;
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min";
        }
        return s % 3600 == 0 ? s / 3600 + " h" : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
