package dev.ferry.sim.migration;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.sim.kube.FakeKubelet;
import dev.ferry.sim.kube.NodeView;
import dev.ferry.sim.kube.PodChange;
import dev.ferry.sim.kube.SimulatedApiServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a migration did over virtual time, for the run report and its data files: every session's steps, the state
 * of the migration, the clusters' load and their API traffic at the end of each virtual hour, the faults, and each
 * session's disruption. It only reads what the simulation holds in memory (never a cluster's API, which would count
 * requests and draw faults), so recording moves no simulated figure.
 */
public final class MigrationHistory {

    /** An outage of a cluster's API ({@code node} empty) or the loss of one node, from and to virtual time. */
    public record Fault(String cluster, String node, long fromNanos, long toNanos) {
        public boolean outage() {
            return node.isEmpty();
        }
    }

    /** A session's disruption windows summed (ns), how often it went back to the source, and if its user saw one. */
    public record SessionDisruption(long userVisibleNanos, long totalNanos, int rollbacks, boolean whileActive) {
    }

    private final List<String> clusters;
    private final DisruptionBudget budget;
    private final MigrationSteps steps = new MigrationSteps();
    private final byte[] lastState;
    private final byte[] lastCluster;
    private final boolean[] waitingForCapacity;
    private final long[] doneAt;
    private final List<Fault> faults = new ArrayList<>();
    private final HourlyTable hourly = new HourlyTable("hour", "on_source", "migrating", "done", "rolled_back",
            "waiting_for_capacity", "in_flight", "peak_in_flight");
    private final HourlyTable clusterLoad = new HourlyTable("hour", "cluster", "pods", "nodes_up", "cpu_used_milli",
            "cpu_capacity_milli", "memory_used_mib", "memory_capacity_mib", "gpu_used", "gpu_capacity", "in_flight",
            "peak_in_flight");
    private final HourlyTable api = new HourlyTable("hour", "cluster", "requests", "errors_injected",
            "refused_by_outage", "unschedulable_attempts");
    private final long[][] apiBefore;
    private SessionDisruption[] disruption = new SessionDisruption[0];
    private List<StillOnSource> stillOnSource = List.of();
    private int hours;

    MigrationHistory(List<String> clusters, int sessions, DisruptionBudget budget) {
        this.clusters = List.copyOf(clusters);
        this.budget = budget;
        lastState = new byte[sessions];
        lastCluster = new byte[sessions];
        waitingForCapacity = new boolean[sessions];
        doneAt = new long[sessions];
        Arrays.fill(lastState, (byte) -1);
        Arrays.fill(lastCluster, (byte) -1);
        Arrays.fill(doneAt, -1);
        apiBefore = new long[clusters.size()][4];
    }

    // ---- recording, from the migration's world ----

    void stateWritten(int i, String cluster, MigrationState state, long now) {
        int c = clusters.indexOf(cluster);
        lastState[i] = (byte) state.ordinal();
        lastCluster[i] = (byte) c;
        if (state == MigrationState.DONE) {
            doneAt[i] = now;
        }
        if (state.terminal()) {
            waitingForCapacity[i] = false;
        }
        steps.record(i, now, MigrationSteps.Step.of(state), c);
    }

    void jobDeleted(int i, String cluster, long now) {
        if (lastCluster[i] == clusters.indexOf(cluster)) { // not when a Job replaced it on another cluster first
            lastState[i] = -1;
            lastCluster[i] = -1;
            doneAt[i] = -1;
            waitingForCapacity[i] = false;
        }
        steps.record(i, now, MigrationSteps.Step.JOB_DELETED, clusters.indexOf(cluster));
    }

    void pod(int i, PodChange c) {
        MigrationSteps.Step step;
        if (c.to() == null) {
            step = MigrationSteps.Step.POD_DELETED;
        } else if (c.to() == PodPhase.PENDING) {
            step = FakeKubelet.UNSCHEDULABLE.equals(c.reason()) ? MigrationSteps.Step.POD_UNSCHEDULABLE
                    : MigrationSteps.Step.POD_SCHEDULED;
        } else if (c.to() == PodPhase.RUNNING) {
            step = MigrationSteps.Step.POD_RUNNING;
        } else if (c.to() == PodPhase.FAILED) {
            step = MigrationSteps.Step.POD_FAILED;
        } else {
            return;
        }
        waitingForCapacity[i] = step == MigrationSteps.Step.POD_UNSCHEDULABLE;
        steps.record(i, c.atNanos(), step, clusters.indexOf(c.cluster()));
    }

    void source(int i, boolean running, long now) {
        steps.record(i, now, running ? MigrationSteps.Step.SOURCE_RUNNING : MigrationSteps.Step.SOURCE_STOPPED, -1);
    }

    void fault(Fault fault) {
        faults.add(fault);
    }

    /** Samples the end of virtual hour {@link #hours()} + 1. */
    void endOfHour(MockFederation federation, BudgetAudit audit) {
        hours++;
        long[] count = new long[5];
        for (int i = 0; i < lastState.length; i++) {
            count[category(i)]++;
        }
        BudgetAudit.HourPeaks peaks = audit.takeHourPeaks();
        hourly.add(hours, count[0], count[1], count[2], count[3], count[4], audit.inFlight(), peaks.inFlight());
        for (int k = 0; k < federation.size(); k++) {
            String name = clusters.get(k);
            long pods = 0;
            long up = 0;
            Resources used = Resources.NONE;
            Resources capacity = Resources.NONE;
            for (NodeView n : federation.kubelet(k).nodes()) {
                pods += n.pods();
                if (n.up()) {
                    up++;
                    capacity = capacity.plus(n.allocatable());
                    used = used.plus(n.allocatable().minusAtMost(n.free()));
                }
            }
            clusterLoad.add(hours, k, pods, up, used.milliCpu(), capacity.milliCpu(), used.memoryMiB(),
                    capacity.memoryMiB(), used.gpus(), capacity.gpus(), audit.inFlight(name),
                    peaks.perCluster().getOrDefault(name, 0));
            SimulatedApiServer server = federation.apiServer(k);
            long[] now = {server.requests(), server.injectedErrors(), server.outageRefusals(),
                    federation.kubelet(k).counters().unschedulableAttempts()};
            api.add(hours, k, now[0] - apiBefore[k][0], now[1] - apiBefore[k][1], now[2] - apiBefore[k][2],
                    now[3] - apiBefore[k][3]);
            apiBefore[k] = now;
        }
    }

    /** 0 on the source, 1 migrating, 2 done, 3 rolled back (or failed), 4 waiting for capacity. */
    private int category(int i) {
        if (lastState[i] < 0) {
            return 0;
        }
        MigrationState s = MigrationState.values()[lastState[i]];
        if (s == MigrationState.DONE) {
            return 2;
        }
        if (s == MigrationState.ROLLED_BACK || s == MigrationState.FAILED) {
            return 3;
        }
        return waitingForCapacity[i] ? 4 : 1;
    }

    void disruption(SessionDisruption[] perSession) {
        this.disruption = perSession.clone();
    }

    void stillOnSource(List<StillOnSource> sessions) {
        this.stillOnSource = List.copyOf(sessions);
    }

    // ---- reading ----

    /** The clusters' names; a step's or a row's cluster is an index into this list. */
    public List<String> clusters() {
        return clusters;
    }

    /** The budgets the scheduler kept to (the strategy's: big-bang's allow every session at once). */
    public DisruptionBudget budget() {
        return budget;
    }

    public MigrationSteps steps() {
        return steps;
    }

    /** Outages and node losses, in the order they were scheduled. */
    public List<Fault> faults() {
        return List.copyOf(faults);
    }

    /**
     * Per virtual hour, at its end: sessions on the source (no migration), migrating, done, rolled back or failed,
     * waiting for capacity (their pod unschedulable), migrations in flight as the budgets count them, and the most
     * in flight at once during the hour.
     */
    public HourlyTable hourly() {
        return hourly;
    }

    /** Per virtual hour and cluster, at the hour's end: pods, nodes up, what they use against what the nodes offer. */
    public HourlyTable clusterLoad() {
        return clusterLoad;
    }

    /** Per virtual hour and cluster, during the hour: API requests answered, injected errors, outage refusals. */
    public HourlyTable api() {
        return api;
    }

    /** The cluster session {@code i} ended migrated on, or null when its migration is not done. */
    public String migratedTo(int i) {
        return lastState[i] == MigrationState.DONE.ordinal() ? clusters.get(lastCluster[i]) : null;
    }

    /** When session {@code i}'s migration was recorded done (virtual ns), or -1 when it is not done at the end. */
    public long migratedAt(int i) {
        return lastState[i] == MigrationState.DONE.ordinal() ? doneAt[i] : -1;
    }

    /** The sessions still running on the source at the end and why, in the run's order, once the outcome is taken. */
    public List<StillOnSource> stillOnSource() {
        return stillOnSource;
    }

    /** Session {@code i}'s disruption, once the outcome is taken; null before. */
    public SessionDisruption disruption(int i) {
        return i < disruption.length ? disruption[i] : null;
    }
}
