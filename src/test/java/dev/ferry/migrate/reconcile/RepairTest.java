package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SourceState;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("repair first: leftovers of a crash are cleaned up before anything else")
class RepairTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    private Plan decide(SessionObservation s) {
        return Reconciler.decide(Observations.of(twoClusters(), s), policy, NOW);
    }

    @Test
    @DisplayName("Jobs on two clusters: the most advanced (VERIFYING) stays, the other (STARTING) is deleted")
    void doubleJobs() {
        Plan plan = decide(session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s1", MigrationState.STARTING, false, PodPhase.PENDING, 1, NOW),
                job("west", "s1", MigrationState.VERIFYING, false, PodPhase.RUNNING, 1, NOW)));

        assertThat(plan.actions()).containsExactly(new Action.DeleteJob("s1", "east"));
    }

    @Test
    @DisplayName("equally advanced Jobs: the first cluster by name stays")
    void tieByName() {
        Plan plan = decide(session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s1", MigrationState.STOPPING_SOURCE, true, null, 1, NOW),
                job("west", "s1", MigrationState.STOPPING_SOURCE, true, null, 1, NOW)));

        assertThat(plan.actions()).containsExactly(new Action.DeleteJob("s1", "west"));
    }

    @Test
    @DisplayName("intent recorded but the Job unsuspended while the source runs: the target yields (suspended)")
    void preStartDoubleRun() {
        Plan plan = decide(session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s1", MigrationState.STOPPING_SOURCE, false, PodPhase.RUNNING, 1, NOW)));

        assertThat(plan.actions()).containsExactly(new Action.SuspendJob("s1", "east",
                new MigrationRecord(1, MigrationState.STOPPING_SOURCE, NOW), "7"));
    }

    @Test
    @DisplayName("STARTING or DONE while the source runs again: the source is stopped")
    void postStartDoubleRun() {
        assertThat(decide(session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s1", MigrationState.STARTING, false, PodPhase.RUNNING, 1, NOW))).actions())
                .containsExactly(new Action.StopSource("s1", "s1"));
        assertThat(decide(session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s1", MigrationState.DONE, false, PodPhase.RUNNING, 1, NOW))).actions())
                .containsExactly(new Action.StopSource("s1", "s1"));
    }

    @Test
    @DisplayName("source ended and no Job anywhere (stranded): the source is started again")
    void stranded() {
        assertThat(decide(session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, 0))).actions())
                .containsExactly(new Action.StartSource("s1", "s1"));
    }

    @Test
    @DisplayName("a stop already under way (KILLING) is not requested again")
    void killingNotRepeated() {
        assertThat(decide(session("s1", SourceState.STOPPING, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s1", MigrationState.STOPPING_SOURCE, true, null, 1, NOW))).actions()).isEmpty();
    }
}
