package dev.ferry.sim.migration;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.reconcile.TargetClusters;

/**
 * The scheduler's target clusters, counting the Jobs its recoveries create: created unsuspended (only a recovery
 * does), DONE for a session recreated after its pod failed, STARTING for one moved off a cluster that could not
 * place its pod. Everything else passes straight through.
 */
final class RecoveryCounts extends ForwardingTargets {

    private long recreatedAfterDone;
    private long movedUnschedulable;

    RecoveryCounts(TargetClusters clusters) {
        super(clusters);
    }

    MigrationOutcome.Recovery counts() {
        return new MigrationOutcome.Recovery(recreatedAfterDone, movedUnschedulable);
    }

    @Override
    public void create(String cluster, SessionSpec spec, MigrationRecord migration, boolean suspended) {
        super.create(cluster, spec, migration, suspended);
        if (!suspended && migration.state() == MigrationState.DONE) {
            recreatedAfterDone++;
        } else if (!suspended && migration.state() == MigrationState.STARTING) {
            movedUnschedulable++;
        }
    }
}
