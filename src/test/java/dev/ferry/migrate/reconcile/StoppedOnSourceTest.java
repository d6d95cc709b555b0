package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Resources;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.SourceState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a session its user stopped on the source is started nowhere, and says so")
class StoppedOnSourceTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    private static SessionObservation ended(String id, String stateName, boolean onRequest, TargetJob... jobs) {
        SourceSession src = new SourceSession(id, "u-" + id, "team", "zone-a", Resources.ofGiB(1000, 4, 0),
                SourceState.ENDED, stateName, onRequest);
        return new SessionObservation(id, Optional.of(src), Optional.of(World.specOf(src)), OptionalLong.of(0),
                List.of(jobs), Optional.of(checkpoint(1, 0)));
    }

    @Test
    @DisplayName("KILLED with no record in sight: not started on the source nor migrated; held stopped-on-source")
    void staysStopped() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), ended("s1", "KILLED", true)), policy, NOW);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.held().get("s1")).isEqualTo(new HoldReason.StoppedOnSource("KILLED"));
        assertThat(plan.held().get("s1").describe()).contains("its user stopped it");
    }

    @Test
    @DisplayName("its overview reports it among the holds")
    void inTheOverview() {
        Observation o = Observations.of(twoClusters(), ended("s1", "KILLED", true));
        Plan plan = Reconciler.decide(o, policy, NOW);

        assertThat(Overviews.of(o, plan, policy, false, NOW).held()).containsKey("s1");
    }

    @Test
    @DisplayName("FAILED on the source (not on request): started again, as before")
    void crashedIsStarted() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), ended("s1", "FAILED", false)), policy, NOW);

        assertThat(plan.actions()).containsExactly(new Action.StartSource("s1", "s1"));
    }

    @Test
    @DisplayName("rolled back, then stopped there by its user: the ROLLED_BACK Job does not start it again")
    void afterRollback() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), ended("s1", "KILLED", true,
                job("east", "s1", MigrationState.ROLLED_BACK, true, null, 1, NOW - HOUR))), policy, NOW);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.held().get("s1").code()).isEqualTo("stopped-on-source");
    }
}
