package dev.ferry.migrate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the scheduler honours a pause and publishes an overview of every pass")
class PauseAndOverviewTest {

    @Test
    @DisplayName("paused: nothing new starts, a migration in flight still finishes; resumed: the held one starts")
    void pauseStopsNewStartsOnly() {
        World w = new World(World.cluster("east", "zone-a", 8000, 32));
        w.policy = World.policy(DisruptionBudget.of(1, 10, 1.0));
        w.idleSession("first", "ann", "data", 3);
        w.idleSession("second", "bob", "data", 4);
        AtomicBoolean paused = new AtomicBoolean();
        List<MigrationOverview> published = new ArrayList<>();
        MigrationScheduler scheduler = w.scheduler(paused::get, published::add);

        scheduler.reconcile(); // "first" starts; the global limit of 1 holds "second"
        paused.set(true);
        for (int i = 0; i < 20; i++) {
            w.advance(5 * World.SECOND);
            w.tick();
            scheduler.reconcile();
        }

        assertThat(w.state("east", "first")).contains(MigrationState.DONE);
        assertThat(w.targets.job("east", "second")).isEmpty();
        MigrationOverview last = published.get(published.size() - 1);
        assertThat(last.paused()).isTrue();
        assertThat(last.held()).containsEntry("second", new HoldReason.Paused());

        paused.set(false);
        scheduler.reconcile();
        assertThat(w.state("east", "second")).contains(MigrationState.STOPPING_SOURCE);
    }

    @Test
    @DisplayName("the overview counts sessions per state and cluster, in flight against each budget, and holds")
    void overviewCounts() {
        World w = new World(World.cluster("east", "zone-a", 8000, 32), World.cluster("west", "zone-b", 8000, 32));
        w.policy = World.policy(DisruptionBudget.of(1, 10, 1.0));
        w.idleSession("a", "ann", "data", 3);
        w.idleSession("b", "bob", "data", 4);
        List<MigrationOverview> published = new ArrayList<>();
        MigrationScheduler scheduler = w.scheduler(MigrationControl.NEVER_PAUSED, published::add);

        scheduler.reconcile();
        w.advance(5 * World.SECOND);
        w.tick();
        scheduler.reconcile();

        MigrationOverview o = published.get(1);
        assertThat(o.atEpochMillis()).isEqualTo(w.now());
        assertThat(o.sessions()).isEqualTo(2);
        assertThat(o.withoutJob()).isEqualTo(1);
        assertThat(o.byState()).containsOnlyKeys(MigrationState.STOPPING_SOURCE);
        assertThat(o.clusters()).extracting(MigrationOverview.ClusterView::byState)
                .containsExactly(Map.of(MigrationState.STOPPING_SOURCE, 1), Map.of());
        assertThat(o.budgets()).containsExactly(
                new MigrationOverview.BudgetUse(Refusal.Cause.GLOBAL, "global", 1, 1),
                new MigrationOverview.BudgetUse(Refusal.Cause.CLUSTER, "east", 1, 10),
                new MigrationOverview.BudgetUse(Refusal.Cause.CLUSTER, "west", 0, 10),
                new MigrationOverview.BudgetUse(Refusal.Cause.TEAM, "data", 1, 2));
        assertThat(o.held()).containsOnlyKeys("b");
        assertThat(o.held().get("b")).isInstanceOf(HoldReason.BudgetReached.class);
        assertThat(o.inWindow()).isTrue();
    }
}
