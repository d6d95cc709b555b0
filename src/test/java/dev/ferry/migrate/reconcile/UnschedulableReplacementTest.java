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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a STARTING pod no node of its cluster fits is re-placed on another cluster, not left to time out")
class UnschedulableReplacementTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private static final long STARTED = NOW - 3 * MINUTE;

    private static SessionObservation stuck(String id, long started) {
        return session(id, SourceState.ENDED, OptionalLong.of(0), checkpoint(2, 0),
                job("east", id, MigrationState.STARTING, false, PodPhase.PENDING, 2, started)
                        .withUnschedulable(true));
    }

    @Test
    @DisplayName("west has room and budget: a STARTING Job there with a new start, then the stuck one deleted")
    void moved() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), stuck("s1", STARTED)),
                World.policy(DisruptionBudget.of(10, 10, 1.0)), NOW);

        assertThat(plan.actions()).containsExactly(
                new Action.CreateJob("west", World.specOf(Observations.source("s1", SourceState.ENDED))
                        .withCheckpointGeneration(2), new MigrationRecord(2, MigrationState.STARTING, NOW)),
                new Action.DeleteJob("s1", "east"));
    }

    @Test
    @DisplayName("within two minutes of its start it may still be placed where it is: it waits")
    void grace() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), stuck("s1", NOW - MINUTE)),
                World.policy(DisruptionBudget.of(10, 10, 1.0)), NOW);

        assertThat(plan.actions()).isEmpty();
    }

    @Test
    @DisplayName("west at its per-cluster budget: it waits for its pod or the start timeout, as before")
    void budgetElsewhere() {
        SessionObservation busy = session("s2", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, 0),
                job("west", "s2", MigrationState.STARTING, false, PodPhase.RUNNING, 1, NOW));
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), stuck("s1", STARTED), busy),
                World.policy(DisruptionBudget.of(10, 1, 1.0)), NOW);

        assertThat(plan.actions()).noneMatch(a -> a.sessionId().equals("s1"));
    }

    @Test
    @DisplayName("no other cluster: it waits, and the start timeout still rolls it back")
    void nowhereElse() {
        MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));
        List<dev.ferry.migrate.TargetCluster> east = List.of(twoClusters().get(0));
        assertThat(Reconciler.decide(Observations.of(east, stuck("s1", STARTED)), policy, NOW).actions())
                .isEmpty();
        long late = STARTED + policy.startTimeoutMillis();
        assertThat(Reconciler.decide(Observations.of(east, stuck("s1", STARTED)), policy, late).actions())
                .containsExactly(new Action.SuspendJob("s1", "east",
                        new MigrationRecord(2, MigrationState.ROLLING_BACK, STARTED), "7"));
    }

    @Test
    @DisplayName("the move counts in flight where it goes: a candidate in the same pass sees the global limit")
    void countsInFlight() {
        SessionObservation candidate = Observations.session("s3", SourceState.RUNNING, OptionalLong.of(0),
                checkpoint(1, World.EPOCH));
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), stuck("s1", STARTED), candidate),
                World.policy(DisruptionBudget.of(1, 10, 1.0)), NOW);

        assertThat(plan.actions()).noneMatch(a -> a.sessionId().equals("s3"));
        assertThat(plan.held().get("s3").code()).isEqualTo("budget-reached");
    }

    @Test
    @DisplayName("a crash after the new Job was created: the repair keeps the new one and deletes the stuck one")
    void crashBetween() {
        SessionObservation s = session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(2, 0),
                job("east", "s1", MigrationState.STARTING, false, PodPhase.PENDING, 2, STARTED)
                        .withUnschedulable(true),
                job("west", "s1", MigrationState.STARTING, false, null, 2, NOW));
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), s),
                World.policy(DisruptionBudget.of(10, 10, 1.0)), NOW);

        assertThat(plan.actions()).containsExactly(new Action.DeleteJob("s1", "east"));
    }
}
