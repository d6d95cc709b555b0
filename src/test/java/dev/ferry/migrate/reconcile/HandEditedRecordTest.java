package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.restored;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SourceState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("unreadable or hand-edited records: repaired from what is observed, else reported; the pass goes on")
class HandEditedRecordTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    private Plan decide(SessionObservation... s) {
        return Reconciler.decide(Observations.of(twoClusters(), s), policy, NOW);
    }

    private static TargetJob unreadable(String id, boolean suspended, PodPhase pod) {
        return new TargetJob("east", id, "u-" + id, "team", suspended, false,
                new MigrationRecord.Invalid(List.of("ferry.dev/migration-state: unknown state \"donee\"")), "7",
                Optional.ofNullable(pod), Resources.ofGiB(1000, 4, 0));
    }

    @Test
    @DisplayName("unreadable, its pod Running and a restore of generation 4 reported: VERIFYING against 4 from now")
    void servingOnKubernetes() {
        Plan plan = decide(session("s1", SourceState.ENDED, OptionalLong.of(0), restored(6, 0, 4),
                unreadable("s1", false, PodPhase.RUNNING)));

        assertThat(plan.actions()).containsExactly(new Action.PatchState("s1", "east",
                new MigrationRecord(4, MigrationState.VERIFYING, NOW), "7"));
    }

    @Test
    @DisplayName("unreadable while the source runs: the session is there, so the Job is rolled back")
    void runningOnSource() {
        Plan plan = decide(session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(5, 0),
                unreadable("s1", false, PodPhase.PENDING)));

        assertThat(plan.actions()).containsExactly(new Action.SuspendJob("s1", "east",
                new MigrationRecord(5, MigrationState.ROLLING_BACK, NOW), "7"));
    }

    @Test
    @DisplayName("unreadable and no source to repair from: held for an operator with the problems, nothing touched")
    void noSource() {
        Plan plan = decide(new SessionObservation("s1", Optional.empty(), Optional.empty(), OptionalLong.empty(),
                List.of(unreadable("s1", false, PodPhase.RUNNING)), Optional.empty()));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.held().get("s1").describe()).contains("unknown state \"donee\"");
    }

    @Test
    @DisplayName("a start in the future (its timeouts would never fall due) is recorded as now")
    void futureStart() {
        Plan plan = decide(session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s1", MigrationState.STARTING, false, PodPhase.PENDING, 1, NOW + 30 * 24 * HOUR)));

        assertThat(plan.actions()).containsExactly(new Action.PatchState("s1", "east",
                new MigrationRecord(1, MigrationState.STARTING, NOW), "7"));
    }

    @Test
    @DisplayName("DONE on a suspended Job without a pod while the source runs: rolled back, the source not stopped")
    void doneButSuspended() {
        Plan plan = decide(session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, 0),
                job("east", "s1", MigrationState.DONE, true, null, 1, NOW - HOUR)));

        assertThat(plan.actions()).containsExactly(new Action.SuspendJob("s1", "east",
                new MigrationRecord(1, MigrationState.ROLLING_BACK, NOW - HOUR), "7"));
    }

    @Test
    @DisplayName("one bad record does not stop the others: a healthy migration next to it moves on")
    void othersGoOn() {
        Plan plan = decide(
                new SessionObservation("s1", Optional.empty(), Optional.empty(), OptionalLong.empty(),
                        List.of(unreadable("s1", false, PodPhase.RUNNING)), Optional.empty()),
                session("s2", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, 0),
                        job("west", "s2", MigrationState.STARTING, false, PodPhase.RUNNING, 1, NOW)));

        assertThat(plan.actions()).containsExactly(new Action.PatchState("s2", "west",
                new MigrationRecord(1, MigrationState.VERIFYING, NOW), "7"));
        assertThat(plan.held()).containsKey("s1");
    }
}
