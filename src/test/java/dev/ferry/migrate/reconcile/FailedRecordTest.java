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
import dev.ferry.migrate.SourceState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a FAILED record (a rollback whose source had gone) resumes its rollback once the source lists it")
class FailedRecordTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private static final long STARTED = NOW - 2 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    private Plan decide(SessionObservation... s) {
        return Reconciler.decide(Observations.of(twoClusters(), s), policy, NOW);
    }

    private static TargetJob failed(String id) {
        return job("east", id, MigrationState.FAILED, true, null, 2, STARTED);
    }

    @Test
    @DisplayName("the source is listed again, ended: ROLLING_BACK (the source starts from there)")
    void resumesRollback() {
        Plan plan = decide(session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(2, 0), failed("s1")));

        assertThat(plan.actions()).containsExactly(new Action.SuspendJob("s1", "east",
                new MigrationRecord(2, MigrationState.ROLLING_BACK, STARTED), "7"));
    }

    @Test
    @DisplayName("the source runs already: ROLLED_BACK is recorded, nothing stopped")
    void alreadyRunning() {
        Plan plan = decide(session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(2, 0), failed("s1")));

        assertThat(plan.actions()).containsExactly(new Action.PatchState("s1", "east",
                new MigrationRecord(2, MigrationState.ROLLED_BACK, STARTED), "7"));
    }

    @Test
    @DisplayName("the rollback is in flight, so the budgets admit it: with the global limit reached it waits")
    void budgeted() {
        SessionObservation busy = session("s2", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, 0),
                job("west", "s2", MigrationState.STOPPING_SOURCE, true, null, 1, NOW));
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(2, 0), failed("s1")), busy),
                World.policy(DisruptionBudget.of(1, 1, 1.0)), NOW);

        assertThat(plan.actions()).noneMatch(a -> a.sessionId().equals("s1"));
    }

    @Test
    @DisplayName("the source does not list the session: nothing to go back to, held for an operator")
    void noSource() {
        SessionObservation gone = new SessionObservation("s1", Optional.empty(), Optional.empty(),
                OptionalLong.empty(), List.of(failed("s1")), Optional.empty());
        Plan plan = decide(gone);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.held().get("s1")).isInstanceOf(HoldReason.NeedsOperator.class);
        assertThat(plan.held().get("s1").code()).isEqualTo("needs-operator");
    }
}
