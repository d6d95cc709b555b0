package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import java.util.Optional;

/**
 * DESIGN.md's fencing, as the scheduler applies it: a session may start elsewhere while the cluster it ran on cannot
 * be read only once its lease has expired plus the safety margin ({@link SessionLease#safeToIgnoreAt}), because an
 * in-session agent that cannot renew stops its instance by then. Without a lease known, nothing starts (the safe
 * default). Two rules:
 * <ul>
 *   <li>{@link #mayStartSource}: a session whose source has ended and whose Job is out of sight is started on the
 *   source again. When the lease was last the source's (it gave it back when it was stopped for the migration) no
 *   target instance ever took it; that instance may still be starting out of sight and would take the lease as soon
 *   as it could, so the scheduler waits as long as the migration would wait for it (the start timeout) too;</li>
 *   <li>{@link #superseded}: once the cluster is back, a Job whose migration began before the source took the lease
 *   again (or whose own instance's lease is past its margin while the source runs) is {@linkplain #retire retired}
 *   rather than the source stopped: the source is the session's instance now, and the Job's was fenced.</li>
 * </ul>
 */
final class Takeover {

    private Takeover() {
    }

    static boolean mayStartSource(SessionObservation s, MigrationPolicy policy, long nowMillis) {
        Optional<SessionLease> lease = s.lease();
        if (lease.isEmpty() || !lease.get().safeToIgnoreAt(nowMillis)) {
            return false;
        }
        if (s.targets().stream().anyMatch(TargetJob::podAlive)) {
            return false; // an instance in sight still runs: it goes away first
        }
        return !lease.get().status().onSource()
                || nowMillis >= lease.get().safeAfterMillis() + policy.startTimeoutMillis();
    }

    /**
     * Retires a superseded Job in one guarded patch: suspended (its pod, fenced, is removed) and recorded
     * {@link MigrationState#ROLLED_BACK}. A rollback would pass through {@link MigrationState#ROLLING_BACK}, which the
     * budgets count as in flight, although nothing is migrating: the source already runs the session. When a zone
     * comes back, every Job a source took over from is superseded at once, so those rollbacks alone would exceed the
     * budgets without a single migration admitted. Once rolled back the Job is deleted as any rolled-back one is, and
     * the session migrates again when the budgets admit it.
     */
    static void retire(SessionObservation s, TargetJob job, MigrationRecord m, Decisions out) {
        out.act(new Action.SuspendJob(s.sessionId(), job.cluster(), m.withState(MigrationState.ROLLED_BACK),
                job.resourceVersion()));
    }

    /** Whether {@code m}'s instance is no longer the session's, while the source runs (see the class comment). */
    static boolean superseded(SessionObservation s, MigrationRecord m, long nowMillis) {
        Optional<SessionLease> lease = s.lease();
        if (lease.isEmpty()) {
            return false;
        }
        LeaseStatus status = lease.get().status();
        return status.onSource() ? status.acquiredAtMillis() > m.startedEpochMillis()
                : lease.get().safeToIgnoreAt(nowMillis);
    }
}
