package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceState;
import dev.ferry.migrate.TargetCluster;
import java.util.List;
import java.util.Optional;
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
        List<TargetCluster> small = List.of(World.cluster("east", "zone-a", 2000, 8));
        Plan plan = Reconciler.decide(Observations.of(small,
                session("a", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, NOW),
                        job("east", "a", MigrationState.DONE, false, PodPhase.RUNNING, 1, NOW)),
                session("b", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW)),
                session("c", SourceState.RUNNING, OptionalLong.of(1), checkpoint(1, NOW))), policy, NOW);

        assertThat(BudgetsAcrossBatchTest.created(plan)).containsExactly("b");
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + policy.pollMillis());
    }

    @Test
    @DisplayName("GPU nodes are for GPU sessions: a CPU session waits though only the GPU nodes have room")
    void gpuNodesSetApart() {
        // 3 CPU, 12 GiB in all, of which 2 CPU, 8 GiB and the GPU on the GPU node; "a" fills the rest
        TargetCluster east = new TargetCluster("east", "zone-a", Resources.ofGiB(3000, 12, 1), Resources.ofGiB(2000, 8, 1));
        SessionObservation a = session("a", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, NOW),
                job("east", "a", MigrationState.DONE, false, PodPhase.RUNNING, 1, NOW));
        SessionObservation b = session("b", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW));
        SessionObservation g = gpuSession("g");

        Plan apart = Reconciler.decide(Observations.of(List.of(east), a, b, g), policy, NOW);
        assertThat(BudgetsAcrossBatchTest.created(apart)).containsExactly("g");
        assertThat(apart.nextWakeupMillis()).isEqualTo(NOW + policy.pollMillis());

        TargetCluster pooled = new TargetCluster("east", "zone-a", Resources.ofGiB(3000, 12, 1));
        Plan together = Reconciler.decide(Observations.of(List.of(pooled), a, b, g), policy, NOW);
        assertThat(BudgetsAcrossBatchTest.created(together)).as("counted as one pool, both fit")
                .containsExactlyInAnyOrder("b", "g");
    }

    private static SessionObservation gpuSession(String id) {
        SessionObservation plain = session(id, SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW));
        SessionSpec cpu = plain.spec().orElseThrow();
        SessionSpec gpu = new SessionSpec(cpu.sessionId(), cpu.owner(), cpu.team(), cpu.kind(), cpu.image(),
                new Resources(cpu.resources().milliCpu(), cpu.resources().memoryMiB(), 1), cpu.nfsServer(),
                cpu.nfsPath(), cpu.checkpointGeneration());
        return new SessionObservation(id, plain.source(), Optional.of(gpu), plain.lastActivity(), plain.targets(),
                plain.checkpoint());
    }

    @Test
    @DisplayName("a rolled-back, suspended Job without a pod reserves nothing")
    void parkedJobFreesCapacity() {
        List<TargetCluster> small = List.of(World.cluster("east", "zone-a", 1000, 4));
        Plan plan = Reconciler.decide(Observations.of(small,
                session("a", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW),
                        job("east", "a", MigrationState.ROLLED_BACK, true, null, 1, NOW)),
                session("b", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW))), policy, NOW);

        assertThat(BudgetsAcrossBatchTest.created(plan)).containsExactly("b");
    }
}
