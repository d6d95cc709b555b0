package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
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
 *   again (or whose own instance's lease is past its margin while the source runs) is rolled back rather than the
 *   source stopped: the source is the session's instance now, and the Job's was fenced.</li>
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
