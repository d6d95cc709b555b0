package dev.ferry.sim.migration;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.reconcile.TargetClusters;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the disruption budgets from outside the scheduler: it sits between the scheduler and the clusters, follows
 * every migration state the scheduler manages to write (a Job created, patched or deleted), and keeps the most
 * migrations ever in flight at once, globally, on one cluster and within one team. A migration is in flight from
 * its Job's creation until its state is terminal or the Job is deleted, as the budgets count it. Writes that
 * failed changed nothing and are not counted.
 */
final class BudgetAudit extends ForwardingTargets {

    private record Flight(String cluster, String team) {
    }

    /** Hears every migration state written and every Job deleted, as the clusters accepted them. */
    interface Writes {
        void stateWritten(String sessionId, String cluster, MigrationState state);

        void jobDeleted(String sessionId, String cluster);
    }

    /** The most in flight at once during an hour, over the federation and per cluster. */
    record HourPeaks(int inFlight, Map<String, Integer> perCluster) {
    }

    private final DisruptionBudget budget;
    private final Map<String, String> teamOf;
    private final Map<String, Integer> teamSessions = new HashMap<>();
    private final Map<String, Flight> inFlight = new HashMap<>();
    private final Map<String, Integer> perCluster = new HashMap<>();
    private final Map<String, Integer> perTeam = new HashMap<>();
    private int peakInFlight;
    private int peakPerCluster;
    private int teamOverLimit;
    private final Writes writes;
    private int hourPeak;
    private final Map<String, Integer> hourPeakPerCluster = new HashMap<>();

    /**
     * @param teamOf every session's team, by session id: a migration is counted against its team's share whichever
     *               write the audit sees first (a Job created, or one it never saw created, patched: a Job made
     *               before this scheduler process, or one a takeover retires)
     */
    BudgetAudit(TargetClusters clusters, DisruptionBudget budget, Map<String, String> teamOf, Writes writes) {
        super(Objects.requireNonNull(clusters, "clusters"));
        this.budget = Objects.requireNonNull(budget, "budget");
        this.teamOf = Map.copyOf(teamOf);
        this.teamOf.values().forEach(team -> teamSessions.merge(team, 1, Integer::sum));
        this.writes = Objects.requireNonNull(writes, "writes");
    }

    /** Migrations in flight now. */
    int inFlight() {
        return inFlight.size();
    }

    /** Migrations in flight now onto {@code cluster}. */
    int inFlight(String cluster) {
        return perCluster.getOrDefault(cluster, 0);
    }

    /** The peaks since the last call; the next hour's start from what is in flight now. */
    HourPeaks takeHourPeaks() {
        HourPeaks peaks = new HourPeaks(hourPeak, Map.copyOf(hourPeakPerCluster));
        hourPeak = inFlight.size();
        hourPeakPerCluster.clear();
        perCluster.forEach((c, n) -> {
            if (n > 0) {
                hourPeakPerCluster.put(c, n);
            }
        });
        return peaks;
    }

    MigrationOutcome.BudgetPeaks peaks() {
        return new MigrationOutcome.BudgetPeaks(peakInFlight, peakPerCluster, teamOverLimit);
    }

    @Override
    public void create(String cluster, SessionSpec spec, MigrationRecord migration, boolean suspended) {
        super.create(cluster, spec, migration, suspended);
        writes.stateWritten(spec.sessionId(), cluster, migration.state());
        track(spec.sessionId(), cluster, migration);
    }

    @Override
    public PatchResult patch(String cluster, String sessionId, MigrationRecord migration, Boolean suspend,
            String resourceVersion) {
        PatchResult result = super.patch(cluster, sessionId, migration, suspend, resourceVersion);
        if (result == PatchResult.PATCHED) {
            writes.stateWritten(sessionId, cluster, migration.state());
            track(sessionId, cluster, migration);
        }
        return result;
    }

    @Override
    public void delete(String cluster, String sessionId) {
        super.delete(cluster, sessionId);
        writes.jobDeleted(sessionId, cluster);
        land(sessionId);
    }

    private void track(String sessionId, String cluster, MigrationRecord migration) {
        if (migration.state().terminal()) {
            land(sessionId);
            return;
        }
        if (inFlight.containsKey(sessionId)) {
            return;
        }
        String team = teamOf(sessionId);
        inFlight.put(sessionId, new Flight(cluster, team));
        int onCluster = perCluster.merge(cluster, 1, Integer::sum);
        int ofTeam = perTeam.merge(team, 1, Integer::sum);
        peakInFlight = Math.max(peakInFlight, inFlight.size());
        peakPerCluster = Math.max(peakPerCluster, onCluster);
        hourPeak = Math.max(hourPeak, inFlight.size());
        hourPeakPerCluster.merge(cluster, onCluster, Math::max);
        if (ofTeam > budget.teamLimit(teamSessions.getOrDefault(team, 0))) {
            teamOverLimit++;
        }
    }

    private String teamOf(String sessionId) {
        String team = teamOf.get(sessionId);
        if (team == null) {
            throw new IllegalStateException("the budget audit knows no session " + sessionId);
        }
        return team;
    }

    private void land(String sessionId) {
        Flight f = inFlight.remove(sessionId);
        if (f != null) {
            perCluster.merge(f.cluster(), -1, Integer::sum);
            perTeam.merge(f.team(), -1, Integer::sum);
        }
    }
}
