package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.SourceState;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the checkpoint barrier: a fresh checkpoint and no install in progress")
class BarrierTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private static final long ACTIVE = NOW - 2 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    @Test
    @DisplayName("checkpoint older than the last activity: wait, look again after one poll")
    void staleCheckpointWaits() {
        Plan plan = decide(checkpoint(4, ACTIVE - 1));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + policy.pollMillis());
    }

    @Test
    @DisplayName("install in progress: wait even with a fresh checkpoint")
    void installInProgressWaits() {
        Plan plan = decide(new CheckpointStatus(4, NOW, true, OptionalLong.empty()));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + policy.pollMillis());
    }

    @Test
    @DisplayName("no checkpoint ever: wait")
    void noCheckpointWaits() {
        assertThat(decide(null).actions()).isEmpty();
    }

    @Test
    @DisplayName("checkpoint written at the last activity counts as fresh; its generation goes on the Job")
    void freshCheckpointPasses() {
        Plan plan = decide(checkpoint(9, ACTIVE));

        assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.CreateSuspendedJob.class,
                a -> assertThat(a.spec().checkpointGeneration()).isEqualTo(9));
    }

    private Plan decide(CheckpointStatus c) {
        return Reconciler.decide(Observations.of(twoClusters(),
                session("s1", SourceState.RUNNING, OptionalLong.of(ACTIVE), c)), policy, NOW);
    }
}
