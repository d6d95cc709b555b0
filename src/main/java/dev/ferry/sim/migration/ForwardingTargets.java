package dev.ferry.sim.migration;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.TargetCluster;
import dev.ferry.migrate.reconcile.TargetClusters;
import dev.ferry.migrate.reconcile.TargetJob;
import java.util.List;

/**
 * Target clusters that pass every call to the ones they wrap: the base of the simulation's observers of the
 * scheduler's writes (budgets, recoveries, crash points), each overriding only the calls it watches.
 */
abstract class ForwardingTargets implements TargetClusters {

    private final TargetClusters clusters;

    ForwardingTargets(TargetClusters clusters) {
        this.clusters = clusters;
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
