package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.SessionSpec;

/** One change the executor makes on a cluster; each is idempotent or guarded by a resourceVersion. */
public sealed interface Action {

    /** The session the action is about. */
    String sessionId();

    /**
     * Records the intent before anything is stopped: the target Job, suspended (no pod), in state STOPPING_SOURCE,
     * with the barrier's checkpoint generation in {@code spec}.
     */
    record CreateSuspendedJob(String cluster, SessionSpec spec, long startedEpochMillis) implements Action {
        @Override
        public String sessionId() {
            return spec.sessionId();
        }
    }

    /**
     * Creates the session's Job on {@code cluster} unsuspended (its pod starts at once), carrying {@code migration}:
     * a session moved to this cluster after its Job elsewhere lost its pod or could not place it ({@link Replacement}).
     */
    record CreateJob(String cluster, SessionSpec spec, MigrationRecord migration) implements Action {
        @Override
        public String sessionId() {
            return spec.sessionId();
        }
    }

    /** Asks Peloton to kill the source task. */
    record StopSource(String sessionId, String jobId) implements Action {
    }

    /** Asks Peloton to start the source task again. */
    record StartSource(String sessionId, String jobId) implements Action {
    }

    /** Unsuspends the Job (its pod may start) and records {@code migration}, in one guarded patch. */
    record UnsuspendAndStart(String sessionId, String cluster, MigrationRecord migration,
            String resourceVersion) implements Action {
    }

    /** Suspends the Job (its pod is removed) and records {@code migration}, in one guarded patch. */
    record SuspendJob(String sessionId, String cluster, MigrationRecord migration, String resourceVersion)
            implements Action {
    }

    /** Records {@code migration} on the Job, guarded by {@code resourceVersion}. */
    record PatchState(String sessionId, String cluster, MigrationRecord migration, String resourceVersion)
            implements Action {
    }

    /** Deletes the session's Job on {@code cluster}. */
    record DeleteJob(String sessionId, String cluster) implements Action {
    }

    /** Tells the user the session will be migrated at {@code deadlineEpochMillis}. */
    record NotifyUser(String sessionId, String owner, long deadlineEpochMillis) implements Action {
    }
}
