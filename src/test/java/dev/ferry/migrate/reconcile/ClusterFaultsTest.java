package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static dev.ferry.migrate.reconcile.World.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SourceState;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("cluster faults: an unreachable cluster and a pod lost after the migration")
class ClusterFaultsTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    @Test
    @DisplayName("while a cluster cannot be read, no migration starts and no source is started again")
    void blindWaits() {
        SessionObservation idle = session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(4, 0));
        SessionObservation nowhere = session("s2", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0));

        Plan blind = Reconciler.decide(new Observation(twoClusters(), List.of(idle, nowhere), Set.of("west")),
                policy, NOW);
        Plan seeing = Reconciler.decide(new Observation(twoClusters(), List.of(idle, nowhere)), policy, NOW);

        assertThat(blind.actions()).isEmpty();
        assertThat(blind.nextWakeupMillis()).isEqualTo(NOW + policy.pollMillis());
        assertThat(seeing.actions()).extracting(Action::sessionId).contains("s1", "s2");
    }

    @Test
    @DisplayName("while a cluster cannot be read, migrations on the others go on")
    void othersProgress() {
        SessionObservation starting = session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0),
                job("east", "s1", MigrationState.STARTING, false, PodPhase.RUNNING, 4, NOW - MINUTE));

        Plan plan = Reconciler.decide(new Observation(twoClusters(), List.of(starting), Set.of("west")), policy, NOW);

        assertThat(plan.actions()).containsExactly(new Action.PatchState("s1", "east",
                new MigrationRecord(4, MigrationState.VERIFYING, NOW - MINUTE), "7"));
    }

    @Test
    @DisplayName("a migrated session whose pod failed (node lost) is recreated on the other cluster, the others left")
    void podLostAfterDone() {
        SessionObservation lost = session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0),
                job("east", "s1", MigrationState.DONE, false, PodPhase.FAILED, 4, NOW - HOUR));
        SessionObservation fine = session("s2", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0),
                job("east", "s2", MigrationState.DONE, false, PodPhase.RUNNING, 4, NOW - HOUR));

        Plan plan = Reconciler.decide(Observations.of(twoClusters(), lost, fine), policy, NOW);

        assertThat(plan.actions()).containsExactly(
                new Action.CreateJob("west", World.specOf(Observations.source("s1", SourceState.ENDED))
                        .withCheckpointGeneration(4), new MigrationRecord(4, MigrationState.DONE, NOW)),
                new Action.DeleteJob("s1", "east"));
    }

    @Test
    @DisplayName("the observer retries a failed cluster read at once, and reports the cluster unreachable after "
            + Observer.READ_ATTEMPTS + " failures instead of failing the pass")
    void observerRetriesThenReportsUnreachable() throws Exception {
        World w = new World(World.cluster("east", "zone-a", 8000, 32), World.cluster("west", "zone-b", 8000, 32));
        w.idleSession("s1", "ann", "data", 1);
        w.targets.failReads("east", Observer.READ_ATTEMPTS - 1);
        assertThat(w.observe().unreachable()).isEmpty();

        w.targets.failReads("east", Observer.READ_ATTEMPTS);
        Observation o = w.observe();
        assertThat(o.unreachable()).containsExactly("east");
        assertThat(o.sessions()).extracting(SessionObservation::sessionId).containsExactly("s1");
    }
}
