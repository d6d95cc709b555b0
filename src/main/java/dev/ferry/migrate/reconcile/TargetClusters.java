package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import java.util.List;

/**
 * The session-Job operations the scheduler makes on the target clusters. Every call may throw
 * {@link TargetClusterException}; none retries or waits.
 */
public interface TargetClusters {

    /** The clusters of the federation. */
    List<TargetCluster> clusters();

    /** The session Jobs on {@code cluster}. */
    List<TargetJob> jobs(String cluster);

    /**
     * The session Jobs on {@code cluster} that move: those whose migration is not done (unreadable ones included),
     * and those done whose pod failed (the session runs nowhere until the scheduler acts). Implementations that can
     * read only those should: it is what every pass between two full ones reads.
     */
    default List<TargetJob> unsettledJobs(String cluster) {
        return jobs(cluster).stream().filter(TargetClusters::unsettled).toList();
    }

    /** Whether a pass between full ones reads {@code job} (see {@link #unsettledJobs}). */
    static boolean unsettled(TargetJob job) {
        return job.state().map(s -> s != MigrationState.DONE).orElse(true)
                || job.pod().filter(PodPhase.FAILED::equals).isPresent();
    }

    /**
     * Creates the session's Job carrying {@code migration}, suspended (no pod) or not (its pod starts at once); a Job
     * that already exists is left as it is.
     */
    void create(String cluster, SessionSpec spec, MigrationRecord migration, boolean suspended);

    /** Creates the session's Job suspended, carrying {@code migration}; a Job that already exists is left as it is. */
    default void createSuspended(String cluster, SessionSpec spec, MigrationRecord migration) {
        create(cluster, spec, migration, true);
    }

    /**
     * Writes {@code migration} and {@code spec.suspend = suspend} if the Job is still at {@code resourceVersion}.
     * {@code suspend} null leaves {@code spec.suspend} alone.
     */
    PatchResult patch(String cluster, String sessionId, MigrationRecord migration, Boolean suspend,
            String resourceVersion);

    /** Deletes the session's Job (and so its pod); a missing Job is not an error. */
    void delete(String cluster, String sessionId);

    /** What a guarded patch came to. */
    enum PatchResult {
        PATCHED,
        /** The Job changed since it was read: nothing written, read again. */
        CONFLICT,
        /** No such Job: nothing written. */
        NOT_FOUND
    }
}
