package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static dev.ferry.migrate.reconcile.World.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.Refusal;
import dev.ferry.migrate.SourceState;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("why a session has not moved: each pass holds every session that could have started for one reason")
class HoldReasonTest {

    private static final long NOW = World.EPOCH + 100 * HOUR; // 2026-01-05T04:00Z, a Monday
    private static final long IDLE = NOW - 2 * HOUR;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    private static SessionObservation idle(String id) {
        return session(id, SourceState.RUNNING, OptionalLong.of(IDLE), checkpoint(1, IDLE + MINUTE));
    }

    @Test
    @DisplayName("a user active 10 minutes ago: not idle, idle from 20 minutes on (threshold 30)")
    void notIdle() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("s1", SourceState.RUNNING, OptionalLong.of(NOW - 10 * MINUTE), checkpoint(1, NOW))),
                policy, NOW);

        assertThat(plan.held()).containsEntry("s1", new HoldReason.NotIdle(NOW - 10 * MINUTE, NOW + 20 * MINUTE));
    }

    @Test
    @DisplayName("the checkpoint barrier says which: none reported, an install running, or older than the activity")
    void checkpointBarrier() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("none", SourceState.RUNNING, OptionalLong.of(IDLE), null),
                session("install", SourceState.RUNNING, OptionalLong.of(IDLE),
                        new CheckpointStatus(1, NOW, true, OptionalLong.empty())),
                session("stale", SourceState.RUNNING, OptionalLong.of(IDLE), checkpoint(1, IDLE - 1))),
                policy, NOW);

        assertThat(plan.held()).containsEntry("none", new HoldReason.CheckpointBarrier(
                HoldReason.Barrier.NO_CHECKPOINT, OptionalLong.empty(), OptionalLong.of(IDLE)));
        assertThat(plan.held()).containsEntry("install", new HoldReason.CheckpointBarrier(
                HoldReason.Barrier.INSTALL_IN_PROGRESS, OptionalLong.of(NOW), OptionalLong.of(IDLE)));
        assertThat(plan.held()).containsEntry("stale", new HoldReason.CheckpointBarrier(
                HoldReason.Barrier.CHECKPOINT_OLDER_THAN_ACTIVITY, OptionalLong.of(IDLE - 1), OptionalLong.of(IDLE)));
        assertThat(plan.held().get("stale").describe()).contains("older than its user's last activity");
    }

    @Test
    @DisplayName("the global, per-cluster, per-team and per-owner budgets are named with what they count over")
    void budgets() {
        Plan global = Reconciler.decide(Observations.of(twoClusters(), idle("a"), idle("b")),
                World.policy(DisruptionBudget.of(1, 10, 1.0)), NOW);
        Plan cluster = Reconciler.decide(Observations.of(twoClusters(), idle("a"), idle("b")),
                World.policy(DisruptionBudget.of(10, 10, 1.0).withClusterLimit("east", 0)), NOW);
        Plan team = Reconciler.decide(Observations.of(twoClusters(), idle("a"), idle("b"), idle("c")),
                World.policy(DisruptionBudget.of(10, 10, 0.34)), NOW);

        assertThat(global.held().get("b")).isInstanceOfSatisfying(HoldReason.BudgetReached.class, h -> {
            assertThat(h.budget()).isEqualTo(Refusal.Cause.GLOBAL);
            assertThat(h.scope()).isEqualTo("global");
        });
        assertThat(cluster.held()).containsOnlyKeys("a", "b").allSatisfy((id, h) -> assertThat(h)
                .isEqualTo(new HoldReason.BudgetReached(Refusal.Cause.CLUSTER, "east", "cluster east at its limit of 0")));
        assertThat(team.held()).hasSize(2).allSatisfy((id, h) -> assertThat(h).isEqualTo(new HoldReason.BudgetReached(
                Refusal.Cause.TEAM, "team", "team team at its limit of 1 (0.34 of 3 sessions)")));
    }

    @Test
    @DisplayName("a session too large for every cluster: no capacity, in which clusters, and not even when empty")
    void noCapacity() {
        Plan plan = Reconciler.decide(Observations.of(List.of(World.cluster("east", "zone-a", 500, 400)), idle("a")),
                policy, NOW);

        assertThat(plan.held().get("a")).isInstanceOfSatisfying(HoldReason.NoCapacity.class, h -> {
            assertThat(h.clusters()).containsExactly("east");
            assertThat(h.fitsAnEmptyCluster()).isFalse();
            assertThat(h.describe()).contains("east has only");
        });
    }

    @Test
    @DisplayName("outside the window: held until the next one opens (weekends only: Saturday 00:00)")
    void outsideWindow() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), idle("a")),
                World.policy(DisruptionBudget.of(10, 10, 1.0).withWindows("* * * * 0,6")), NOW);

        long saturday = Instant.parse("2026-01-10T00:00:00Z").toEpochMilli();
        assertThat(plan.held()).containsEntry("a", new HoldReason.OutsideWindow(saturday));
        assertThat(new HoldReason.OutsideWindow(MigrationWindow.NEVER).describe()).contains("none opens");
    }

    @Test
    @DisplayName("paused: every session that would start, or would wait for its user, is held as paused")
    void paused() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), idle("a"),
                session("busy", SourceState.RUNNING, OptionalLong.of(NOW - MINUTE), checkpoint(1, NOW))),
                policy, true, NOW);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.held()).containsOnlyKeys("a", "busy")
                .allSatisfy((id, h) -> assertThat(h).isEqualTo(new HoldReason.Paused()));
        assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + policy.maxSleepMillis()); // a resume runs a pass
    }

    @Test
    @DisplayName("a rolled-back session waits out its retry backoff: held until its migration's start plus backoff")
    void retryBackoff() {
        long started = NOW - HOUR;
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), session("a", SourceState.RUNNING,
                OptionalLong.of(IDLE), checkpoint(1, IDLE + MINUTE),
                job("east", "a", MigrationState.ROLLED_BACK, true, null, 1, started))), policy, NOW);

        assertThat(plan.held()).containsEntry("a", new HoldReason.RetryBackoff(started + policy.retryBackoffMillis()));
    }

    @Test
    @DisplayName("the source not running, an earlier pod going away, a cluster unread: each its own reason")
    void sourceAndClusters() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(),
                session("starting", SourceState.STARTING, OptionalLong.of(IDLE), checkpoint(1, NOW)),
                session("ended", SourceState.ENDED, OptionalLong.of(IDLE), checkpoint(1, NOW)),
                session("pod", SourceState.RUNNING, OptionalLong.of(IDLE), checkpoint(1, NOW),
                        deleting(job("west", "pod", MigrationState.DONE, true, PodPhase.RUNNING, 1, IDLE)))),
                policy, NOW);
        Plan blind = Reconciler.decide(new Observation(twoClusters(), List.of(idle("a")), Set.of("west")),
                policy, NOW);

        assertThat(plan.held()).containsEntry("starting", new HoldReason.SourceNotRunning(SourceState.STARTING))
                .containsEntry("ended", new HoldReason.SourceNotRunning(SourceState.ENDED))
                .containsEntry("pod", new HoldReason.PreviousPodGoingAway("west"));
        assertThat(blind.held()).containsEntry("a", new HoldReason.ClustersUnreachable(Set.of("west")));
    }

    @Test
    @DisplayName("a session that starts, or is in flight, is not held")
    void startedIsNotHeld() {
        Plan plan = Reconciler.decide(Observations.of(twoClusters(), idle("a"),
                session("b", SourceState.ENDED, OptionalLong.of(IDLE), checkpoint(1, NOW),
                        job("east", "b", MigrationState.STARTING, false, PodPhase.PENDING, 1, NOW))), policy, NOW);

        assertThat(BudgetsAcrossBatchTest.created(plan)).containsExactly("a");
        assertThat(plan.held()).isEmpty();
    }

    private static TargetJob deleting(TargetJob j) {
        return new TargetJob(j.cluster(), j.sessionId(), j.owner(), j.team(), j.suspended(), true, j.migration(),
                j.resourceVersion(), j.pod(), j.request());
    }
}
