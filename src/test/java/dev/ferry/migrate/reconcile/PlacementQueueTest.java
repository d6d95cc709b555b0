package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.kube.MigrationState;
import dev.ferry.cluster.kube.PodPhase;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.migrate.DisruptionBudget;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("placement: a session that fits nowhere waits in the queue")
class PlacementQueueTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    @Test
    @DisplayName("room for 2 sessions of 1 CPU, 4 GiB on one cluster, one already there (DONE): 1 of 2 starts, the other waits")
    void queueWhenFull() {
        List<ClusterInfo> small = List.of(World.cluster("east", "zone-a", 2000, 8));
        Plan plan = Reconciler.decide(Observations.of(small,
                session("a", TaskState.KILLED, OptionalLong.of(0), checkpoint(1, NOW),
                        job("east", "a", MigrationState.DONE, false, PodPhase.RUNNING, 1, NOW)),
                session("b", TaskState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW)),
                session("c", TaskState.RUNNING, OptionalLong.of(1), checkpoint(1, NOW))), policy, NOW);

        assertThat(BudgetsAcrossBatchTest.created(plan)).containsExactly("b");
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + policy.pollMillis());
    }

    @Test
    @DisplayName("a rolled-back, suspended Job without a pod reserves nothing")
    void parkedJobFreesCapacity() {
        List<ClusterInfo> small = List.of(World.cluster("east", "zone-a", 1000, 4));
        Plan plan = Reconciler.decide(Observations.of(small,
                session("a", TaskState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW),
                        job("east", "a", MigrationState.ROLLED_BACK, true, null, 1, NOW)),
                session("b", TaskState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW))), policy, NOW);

        assertThat(BudgetsAcrossBatchTest.created(plan)).containsExactly("b");
    }
}
