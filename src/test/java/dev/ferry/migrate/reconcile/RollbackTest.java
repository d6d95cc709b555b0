package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.restored;
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
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("rollback: suspend the target, wait for its pod to go, start the source, record ROLLED_BACK")
class RollbackTest {

    private static final long STARTED = World.EPOCH + 100 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0)); // start 10 min, verify 5

    private Plan decide(SessionObservation s, long now) {
        return Reconciler.decide(Observations.of(twoClusters(), s), policy, now);
    }

    private static Action suspend(MigrationState state) {
        return new Action.SuspendJob("s1", "east", new MigrationRecord(4, state, STARTED), "7");
    }

    @Nested
    @DisplayName("when to roll back")
    class Triggers {

        @Test
        @DisplayName("the pod failed while STARTING")
        void podFailed() {
            Plan plan = decide(session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0),
                    job("east", "s1", MigrationState.STARTING, false, PodPhase.FAILED, 4, STARTED)), STARTED + MINUTE);

            assertThat(plan.actions()).containsExactly(suspend(MigrationState.ROLLING_BACK));
        }

        @Test
        @DisplayName("still Pending at the start timeout (10 min after the migration started), not a moment before")
        void startTimeout() {
            SessionObservation s = session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0),
                    job("east", "s1", MigrationState.STARTING, false, PodPhase.PENDING, 4, STARTED));

            assertThat(decide(s, STARTED + 10 * MINUTE - 1).actions()).isEmpty();
            assertThat(decide(s, STARTED + 10 * MINUTE).actions()).containsExactly(suspend(MigrationState.ROLLING_BACK));
        }

        @Test
        @DisplayName("the restore never reported the barrier's generation by the verify timeout (10 + 5 min)")
        void verifyTimeout() {
            SessionObservation s = session("s1", SourceState.ENDED, OptionalLong.of(0), restored(4, 0, 3),
                    job("east", "s1", MigrationState.VERIFYING, false, PodPhase.RUNNING, 4, STARTED));

            assertThat(decide(s, STARTED + 15 * MINUTE - 1).actions()).isEmpty();
            assertThat(decide(s, STARTED + 15 * MINUTE).actions()).containsExactly(suspend(MigrationState.ROLLING_BACK));
        }

        @Test
        @DisplayName("a restore of the barrier's generation (or later) is verified: DONE")
        void verified() {
            Plan plan = decide(session("s1", SourceState.ENDED, OptionalLong.of(0), restored(4, 0, 4),
                    job("east", "s1", MigrationState.VERIFYING, false, PodPhase.RUNNING, 4, STARTED)), STARTED);

            assertThat(plan.actions()).containsExactly(new Action.PatchState("s1", "east",
                    new MigrationRecord(4, MigrationState.DONE, STARTED), "7"));
        }
    }

    @Nested
    @DisplayName("the way back")
    class WayBack {

        @Test
        @DisplayName("the target's pod is still there: the source is not started yet")
        void waitsForPod() {
            assertThat(decide(session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0),
                    job("east", "s1", MigrationState.ROLLING_BACK, true, PodPhase.RUNNING, 4, STARTED)),
                    STARTED + HOUR).actions()).isEmpty();
        }

        @Test
        @DisplayName("pod gone, source KILLED: start the source; while it starts: wait; once RUNNING: ROLLED_BACK")
        void startsSourceThenRecords() {
            long now = STARTED + HOUR;
            assertThat(decide(session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0),
                    job("east", "s1", MigrationState.ROLLING_BACK, true, null, 4, STARTED)), now).actions())
                    .containsExactly(new Action.StartSource("s1", "s1"));
            assertThat(decide(session("s1", SourceState.STARTING, OptionalLong.of(0), checkpoint(4, 0),
                    job("east", "s1", MigrationState.ROLLING_BACK, true, null, 4, STARTED)), now).actions())
                    .isEmpty();
            assertThat(decide(session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(4, 0),
                    job("east", "s1", MigrationState.ROLLING_BACK, true, null, 4, STARTED)), now).actions())
                    .containsExactly(new Action.PatchState("s1", "east",
                            new MigrationRecord(4, MigrationState.ROLLED_BACK, STARTED), "7"));
        }

        @Test
        @DisplayName("ROLLED_BACK holds the session back until the retry back-off (24 h), then the Job is deleted")
        void backOff() {
            SessionObservation s = session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(4, 0),
                    job("east", "s1", MigrationState.ROLLED_BACK, true, null, 4, STARTED));

            Plan early = decide(s, STARTED + HOUR);
            assertThat(early.actions()).isEmpty();
            assertThat(decide(s, STARTED + 24 * HOUR).actions())
                    .containsExactly(new Action.DeleteJob("s1", "east"));
        }
    }
}
