package dev.ferry.sim.migration;

import java.util.List;
import java.util.Optional;

/**
 * What a migration came to (results.json's {@code migration} and {@code disruption}). Quantiles are seconds, as
 * {p50, p95, p99, max}.
 *
 * @param migrated              sessions whose Job ended DONE
 * @param failed                sessions whose Job ended FAILED
 * @param rolledBack            sessions rolled back to the source at least once
 * @param stranded              sessions running nowhere at the end (neither the source task nor a target pod) with
 *                              no migration under way
 * @param migratingAtEnd        sessions running nowhere at the end because their migration is under way
 * @param onSource              sessions running on the source at the end (not migrated yet, or rolled back)
 * @param doubleRunning         sessions ever running on the source and a target at once
 * @param makespanHours         from the migration's start to the last session becoming usable on its target
 * @param disruptedWhileActive  sessions with at least one user-visible disruption window
 * @param userVisibleSeconds    the user-visible windows
 * @param totalSeconds          every window
 * @param windows               how many windows
 * @param lostKernelState       running containers the migration stopped (each loses its notebook kernels' memory)
 * @param lostPackages          packages the user had that the checkpoint lacked when the migration stopped them
 * @param passes                scheduler passes run
 * @param faults                what the clusters did and suffered
 * @param budgets               the most migrations in flight at once, as the clusters saw them written
 * @param fencing               what the sessions' leases did, when the workload gives them leases
 * @param restarts              how often the scheduler process was killed and started afresh, when the workload
 *                              kills it
 * @param recovery              what the reconciler's recoveries did
 * @param userStops             what users stopping their sessions on the source came to, when the workload has them
 * @param stillOnSource         the {@code onSource} sessions, each with why the scheduler left it there
 */
public record MigrationOutcome(String strategy, int migrated, int failed, int rolledBack, int stranded, int migratingAtEnd,
                               int onSource,
                               int doubleRunning, double makespanHours, int disruptedWhileActive,
                               double[] userVisibleSeconds, double[] totalSeconds, int windows, long lostKernelState,
                               long lostPackages, long passes, ClusterActivity faults,
                               BudgetPeaks budgets, Optional<Fencing> fencing, Optional<Restarts> restarts,
                               Recovery recovery, Optional<UserStops> userStops, List<StillOnSource> stillOnSource) {

    public MigrationOutcome {
        stillOnSource = List.copyOf(stillOnSource);
    }

    /** Without recoveries counted or users stopping sessions. */
    public MigrationOutcome(String strategy, int migrated, int failed, int rolledBack, int stranded,
            int migratingAtEnd, int onSource, int doubleRunning, double makespanHours, int disruptedWhileActive,
            double[] userVisibleSeconds, double[] totalSeconds, int windows, long lostKernelState, long lostPackages,
            long passes, ClusterActivity faults, BudgetPeaks budgets, Optional<Fencing> fencing,
            Optional<Restarts> restarts) {
        this(strategy, migrated, failed, rolledBack, stranded, migratingAtEnd, onSource, doubleRunning, makespanHours,
                disruptedWhileActive, userVisibleSeconds, totalSeconds, windows, lostKernelState, lostPackages, passes,
                faults, budgets, fencing, restarts, Recovery.NONE, Optional.empty(), List.of());
    }

    /** Without scheduler restarts or leases. */
    public MigrationOutcome(String strategy, int migrated, int failed, int rolledBack, int stranded,
            int migratingAtEnd, int onSource, int doubleRunning, double makespanHours, int disruptedWhileActive,
            double[] userVisibleSeconds, double[] totalSeconds, int windows, long lostKernelState, long lostPackages,
            long passes, ClusterActivity faults, BudgetPeaks budgets) {
        this(strategy, migrated, failed, rolledBack, stranded, migratingAtEnd, onSource, doubleRunning, makespanHours,
                disruptedWhileActive, userVisibleSeconds, totalSeconds, windows, lostKernelState, lostPackages, passes,
                faults, budgets, Optional.empty(), Optional.empty());
    }

    /** Without scheduler restarts. */
    public MigrationOutcome(String strategy, int migrated, int failed, int rolledBack, int stranded,
            int migratingAtEnd, int onSource, int doubleRunning, double makespanHours, int disruptedWhileActive,
            double[] userVisibleSeconds, double[] totalSeconds, int windows, long lostKernelState, long lostPackages,
            long passes, ClusterActivity faults, BudgetPeaks budgets, Optional<Fencing> fencing) {
        this(strategy, migrated, failed, rolledBack, stranded, migratingAtEnd, onSource, doubleRunning, makespanHours,
                disruptedWhileActive, userVisibleSeconds, totalSeconds, windows, lostKernelState, lostPackages, passes,
                faults, budgets, fencing, Optional.empty());
    }

    /** The same outcome with the scheduler's restarts. */
    public MigrationOutcome withRestarts(Restarts r) {
        return new MigrationOutcome(strategy, migrated, failed, rolledBack, stranded, migratingAtEnd, onSource,
                doubleRunning, makespanHours, disruptedWhileActive, userVisibleSeconds, totalSeconds, windows,
                lostKernelState, lostPackages, passes, faults, budgets, fencing, Optional.of(r), recovery, userStops,
                stillOnSource);
    }

    /** The same outcome with the recoveries counted and, when users stopped sessions, what came of that. */
    public MigrationOutcome withRecovery(Recovery r, Optional<UserStops> u) {
        return new MigrationOutcome(strategy, migrated, failed, rolledBack, stranded, migratingAtEnd, onSource,
                doubleRunning, makespanHours, disruptedWhileActive, userVisibleSeconds, totalSeconds, windows,
                lostKernelState, lostPackages, passes, faults, budgets, fencing, restarts, r, u, stillOnSource);
    }

    /** The same outcome with why each session still on the source is there. */
    public MigrationOutcome withStillOnSource(List<StillOnSource> sessions) {
        return new MigrationOutcome(strategy, migrated, failed, rolledBack, stranded, migratingAtEnd, onSource,
                doubleRunning, makespanHours, disruptedWhileActive, userVisibleSeconds, totalSeconds, windows,
                lostKernelState, lostPackages, passes, faults, budgets, fencing, restarts, recovery, userStops,
                sessions);
    }

    /**
     * What the reconciler's recoveries did ({@code Replacement}): sessions whose pod failed after DONE recreated on
     * another cluster, and STARTING sessions whose pod no node fitted moved to another cluster.
     */
    public record Recovery(long recreatedAfterDone, long movedUnschedulable) {
        public static final Recovery NONE = new Recovery(0, 0);
    }

    /**
     * Users stopping their own sessions on the source.
     *
     * @param stops                   sessions stopped by their users
     * @param startedAgain            of those, started again on the source by their users
     * @param stoppedAtEnd            sessions their users had stopped at the horizon
     * @param startedWhileStopped     times a session turned running (its pod on Kubernetes, or its task on Peloton)
     *                                while its user had it stopped: someone else started it (kept 0)
     */
    public record UserStops(long stops, long startedAgain, int stoppedAtEnd, long startedWhileStopped) {
    }

    /**
     * @param restarts times the scheduler process was killed (a fresh one started after the workload's down time)
     * @param midPass  of those, killed in the middle of a pass, between two of its changes
     */
    public record Restarts(long restarts, long midPass) {
    }

    /**
     * @param fenced                 instances their lease agent fenced (could not renew for the TTL, or lost the lease)
     * @param fencedWhileUnreachable of those, the ones on a cluster an outage had cut off at that moment
     * @param ttlSeconds             the leases' TTL
     * @param marginSeconds          the scheduler's safety margin after a lease's expiry
     */
    public record Fencing(long fenced, long fencedWhileUnreachable, double ttlSeconds, double marginSeconds) {
    }

    /**
     * @param inFlight      most migrations in flight at once over the federation
     * @param perCluster    most in flight at once onto one cluster
     * @param teamOverLimit times a migration started while its team already had its budgeted share in flight
     */
    public record BudgetPeaks(int inFlight, int perCluster, int teamOverLimit) {
    }

    /**
     * @param apiRequests       requests the mock API servers answered
     * @param apiErrorsInjected of those, answered with an injected 500, 503 or 429
     * @param refusedByOutage   of those, refused because the cluster was down
     * @param nodesLost         node losses on the target clusters
     * @param podsFailed        pods failed by those losses
     * @param unschedulable     times a pod found no node with room for it (on creation or a later try)
     */
    public record ClusterActivity(long apiRequests, long apiErrorsInjected, long refusedByOutage, long nodesLost,
                                  long podsFailed, long unschedulable) {
    }
}
