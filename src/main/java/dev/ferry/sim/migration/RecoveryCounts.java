package dev.ferry.sim.migration;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.TargetClusters;
import dev.ferry.migrate.reconcile.TargetJob;
import java.util.List;

/**
 * The scheduler's target clusters, counting the Jobs its recoveries create: created unsuspended (only a recovery
 * does), DONE for a session recreated after its pod failed, STARTING for one moved off a cluster that could not
 * place its pod. Everything else passes straight through.
 */
final class RecoveryCounts implements TargetClusters {

    private final TargetClusters clusters;
    private long recreatedAfterDone;
    private long movedUnschedulable;

    RecoveryCounts(TargetClusters clusters) {
        this.clusters = clusters;
    }

    MigrationOutcome.Recovery counts() {
        return new MigrationOutcome.Recovery(recreatedAfterDone, movedUnschedulable);
    }

    @Override
    public List<TargetCluster> clusters() {
        return clusters.clusters();
    }

    @Override
    public List<TargetJob> jobs(String cluster) {
        return clusters.jobs(cluster);
    }

    @Override
    public List<TargetJob> unsettledJobs(String cluster) {
        return clusters.unsettledJobs(cluster);
    }

    @Override
    public void create(String cluster, SessionSpec spec, MigrationRecord migration, boolean suspended) {
        clusters.create(cluster, spec, migration, suspended);
        if (!suspended && migration.state() == MigrationState.DONE) {
            recreatedAfterDone++;
        } else if (!suspended && migration.state() == MigrationState.STARTING) {
            movedUnschedulable++;
        }
    }

    @Override
    public PatchResult patch(String cluster, String sessionId, MigrationRecord migration, Boolean suspend,
            String resourceVersion) {
        return clusters.patch(cluster, sessionId, migration, suspend, resourceVersion);
    }

    @Override
    public void delete(String cluster, String sessionId) {
        clusters.delete(cluster, sessionId);
    }
}
