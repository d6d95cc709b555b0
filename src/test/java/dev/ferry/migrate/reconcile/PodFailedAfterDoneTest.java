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
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a pod that fails after DONE: recreated DONE on another cluster with room, else rolled back")
class PodFailedAfterDoneTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private static final long MIGRATED = NOW - 5 * HOUR;

    private static SessionObservation failedAfterDone(String id) {
        // migrated from generation 3; the user worked on Kubernetes since and the tracker wrote generation 9
        return session(id, SourceState.ENDED, OptionalLong.of(0), checkpoint(9, NOW - HOUR),
                job("east", id, MigrationState.DONE, false, PodPhase.FAILED, 3, MIGRATED));
    }

    @Test
    @DisplayName("west has room: a DONE Job there from the latest checkpoint, then the failed one deleted")
    void recreatedElsewhere() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), failedAfterDone("s1")),
                World.policy(DisruptionBudget.of(10, 10, 1.0)), NOW);

        assertThat(plan.actions()).containsExactly(
                new Action.CreateJob("west", World.specOf(Observations.source("s1", SourceState.ENDED))
                        .withCheckpointGeneration(9), new MigrationRecord(9, MigrationState.DONE, NOW)),
                new Action.DeleteJob("s1", "east"));
    }

    @Test
    @DisplayName("a budget used up does not delay it: the recreated session never counts in flight")
    void notBudgeted() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), failedAfterDone("s1")),
                World.policy(DisruptionBudget.of(0, 0, 1.0)), NOW);

        assertThat(plan.actions()).hasSize(2).first().isInstanceOf(Action.CreateJob.class);
    }

    @Test
    @DisplayName("no other cluster has room: rolled back (suspended as ROLLING_BACK), admitted by the budgets")
    void rolledBackWithoutRoom() {
        Plan plan = Reconciler.decide(Observations.of(List.of(twoClusters().get(0)), failedAfterDone("s1")),
                World.policy(DisruptionBudget.of(10, 10, 1.0)), NOW);

        assertThat(plan.actions()).containsExactly(new Action.SuspendJob("s1", "east",
                new MigrationRecord(3, MigrationState.ROLLING_BACK, MIGRATED), "7"));
    }

    @Test
    @DisplayName("no room and the budget used up by another migration: it waits a poll period, nothing done")
    void rollbackWaitsForBudget() {
        SessionObservation other = session("s2", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s2", MigrationState.STARTING, false, PodPhase.PENDING, 1, NOW));
        MigrationPolicy policy = World.policy(DisruptionBudget.of(1, 1, 1.0));
        Plan plan = Reconciler.decide(Observations.of(List.of(twoClusters().get(0)), failedAfterDone("s1"), other),
                policy, NOW);

        assertThat(plan.actions()).noneMatch(a -> a.sessionId().equals("s1"));
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + policy.pollMillis());
    }

    @Test
    @DisplayName("a crash after the new Job was created: the repair keeps the new one, deletes the failed one")
    void crashBetween() {
        SessionObservation s = session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(9, NOW - HOUR),
                job("east", "s1", MigrationState.DONE, false, PodPhase.FAILED, 3, MIGRATED),
                job("west", "s1", MigrationState.DONE, false, PodPhase.PENDING, 9, NOW));
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), s),
                World.policy(DisruptionBudget.of(10, 10, 1.0)), NOW);

        assertThat(plan.actions()).containsExactly(new Action.DeleteJob("s1", "east"));
    }

    @Test
    @DisplayName("the recreated Job's pod not running yet: looked at again within a poll period until it runs")
    void watchedUntilRunning() {
        MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));
        SessionObservation recreated = session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(9, 0),
                job("west", "s1", MigrationState.DONE, false, null, 9, NOW));
        SessionObservation running = session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(9, 0),
                job("west", "s1", MigrationState.DONE, false, PodPhase.RUNNING, 9, NOW));

        assertThat(Reconciler.decide(Observations.of(twoClusters(), recreated), policy, NOW).nextWakeupMillis())
                .isEqualTo(NOW + policy.pollMillis());
        assertThat(Reconciler.decide(Observations.of(twoClusters(), running), policy, NOW).nextWakeupMillis())
                .isEqualTo(NOW + policy.maxSleepMillis());
    }
}
