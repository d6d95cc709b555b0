package dev.ferry.migrate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("idempotence: the same observation always gives the same plan")
class IdempotenceTest {

    @Test
    @DisplayName("at every step of a migration, deciding twice, or on a second reading of unchanged clusters, "
            + "gives equal plans")
    void samePlan() throws Exception {
        World w = new World(World.cluster("east", "zone-a", 3000, 12), World.cluster("west", "zone-b", 3000, 12));
        w.policy = World.policy(DisruptionBudget.of(2, 1, 1.0));
        for (String id : List.of("a", "b", "c", "d")) {
            w.idleSession(id, "owner-" + id, "team", 3);
        }
        w.targets.failPodOf("c");
        int nonEmpty = 0;
        for (int step = 0; step < 200; step++) {
            Observation snapshot = w.observe();
            Plan first = Reconciler.decide(snapshot, w.policy, w.now());
            assertThat(Reconciler.decide(snapshot, w.policy, w.now())).isEqualTo(first);
            assertThat(Reconciler.decide(w.observe(), w.policy, w.now())).isEqualTo(first);
            nonEmpty += first.actions().isEmpty() ? 0 : 1;
            new Executor(w.source, w.targets, (id, owner, deadline) -> { }).apply(first.actions());
            w.advance(5 * World.SECOND);
            w.tick();
        }
        assertThat(nonEmpty).isGreaterThan(5);
    }
}
