package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("disruption budgets hold across a batch of candidates")
class BudgetsAcrossBatchTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;

    @Test
    @DisplayName("5 idle sessions, at most 2 at once: the 2 idle longest start")
    void globalLimit() {
        List<SessionObservation> sessions = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sessions.add(session("s" + i, SourceState.RUNNING, OptionalLong.of(NOW - (10 - i) * HOUR),
                    checkpoint(1, NOW)));
        }
        Plan plan = Reconciler.decide(new Observation(twoClusters(), sessions),
                World.policy(DisruptionBudget.of(2, 10, 1.0)), NOW);

        assertThat(created(plan)).containsExactly("s1", "s2");
    }

    @Test
    @DisplayName("one in flight (a Job in STARTING) counts against the limit; a DONE one does not")
    void inFlightCounts() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("a", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, NOW),
                        job("east", "a", MigrationState.STARTING, false, PodPhase.PENDING, 1, NOW)),
                session("b", SourceState.ENDED, OptionalLong.of(0), checkpoint(1, NOW),
                        job("east", "b", MigrationState.DONE, false, PodPhase.RUNNING, 1, NOW)),
                session("c", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW)),
                session("d", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW))),
                World.policy(DisruptionBudget.of(2, 10, 1.0)), NOW);

        assertThat(created(plan)).containsExactly("c");
    }

    @Test
    @DisplayName("outside every migration window nothing starts; wake when the next window opens")
    void window() {
        long midnight = World.EPOCH + 100 * HOUR - 4 * HOUR; // 2026-01-05T00:00Z
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("c", SourceState.RUNNING, OptionalLong.of(0), checkpoint(1, NOW))),
                World.policy(DisruptionBudget.of(2, 10, 1.0).withWindows("* 1-2 * * *")), midnight + 3 * HOUR);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.nextWakeupMillis()).isLessThanOrEqualTo(midnight + 3 * HOUR + 5 * World.MINUTE);
    }

    static List<String> created(Plan plan) {
        return plan.actions().stream().filter(a -> a instanceof Action.CreateSuspendedJob)
                .map(Action::sessionId).toList();
    }
}
