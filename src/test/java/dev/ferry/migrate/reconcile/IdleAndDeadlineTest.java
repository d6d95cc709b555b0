package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static dev.ferry.migrate.reconcile.World.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.SourceState;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("who is a candidate: idle users, and everyone at the deadline after a notice")
class IdleAndDeadlineTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    @Test
    @DisplayName("active 10 minutes ago with a 30-minute threshold: nothing now, wake up when the 30 minutes are up")
    void activeUserWaits() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("s1", SourceState.RUNNING, OptionalLong.of(NOW - 10 * MINUTE), checkpoint(3, NOW))),
                deadline(Long.MAX_VALUE), NOW);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + 20 * MINUTE);
    }

    @Test
    @DisplayName("idle exactly the threshold: the Job is created suspended, then the source is stopped")
    void idleUserMigrates() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("s1", SourceState.RUNNING, OptionalLong.of(NOW - 30 * MINUTE), checkpoint(3, NOW - MINUTE))),
                policy, NOW);

        assertThat(plan.actions()).hasSize(2);
        assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.CreateSuspendedJob.class, a -> {
            assertThat(a.spec().checkpointGeneration()).isEqualTo(3);
            assertThat(a.startedEpochMillis()).isEqualTo(NOW);
        });
        assertThat(plan.actions().get(1)).isEqualTo(new Action.StopSource("s1", "s1"));
    }

    @Test
    @DisplayName("never idle, inside the notice period: a notice, no migration; wake at the deadline")
    void noticeBeforeDeadline() {
        MigrationPolicy withDeadline = deadline(NOW + 2 * HOUR);
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("s1", SourceState.RUNNING, OptionalLong.of(NOW - MINUTE), checkpoint(3, NOW - 2 * MINUTE))),
                withDeadline, NOW);

        assertThat(plan.actions()).containsExactly(new Action.NotifyUser("s1", "u-s1", NOW + 2 * HOUR));
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + 29 * MINUTE); // becomes idle before the deadline
    }

    @Test
    @DisplayName("before the notice period: silent, wake when it begins")
    void beforeNotice() {
        MigrationPolicy withDeadline = deadline(NOW + 48 * HOUR);
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("s1", SourceState.RUNNING, OptionalLong.of(NOW), checkpoint(3, NOW))), withDeadline, NOW);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + 30 * MINUTE);
    }

    @Test
    @DisplayName("past the deadline an active user is migrated, with the latest checkpoint even if older than activity")
    void deadlineForces() {
        MigrationPolicy withDeadline = deadline(NOW - 1);
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("s1", SourceState.RUNNING, OptionalLong.of(NOW), checkpoint(3, NOW - HOUR))), withDeadline, NOW);

        assertThat(plan.actions()).hasSize(2).first().isInstanceOf(Action.CreateSuspendedJob.class);
    }

    private MigrationPolicy deadline(long at) {
        return new MigrationPolicy(policy.budget(), policy.idleThresholdMillis(), at, 24 * HOUR,
                policy.startTimeoutMillis(), policy.verifyTimeoutMillis(), policy.retryBackoffMillis(),
                policy.pollMillis(), 100 * HOUR);
    }
}
