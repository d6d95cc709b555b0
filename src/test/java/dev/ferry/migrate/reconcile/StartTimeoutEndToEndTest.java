package dev.ferry.migrate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.SourceState;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a pod that never starts is rolled back at the start timeout, and the session runs on the source again")
class StartTimeoutEndToEndTest {

    @Test
    @DisplayName("stuck Pending for 10 minutes: suspended, source restarted, ROLLED_BACK; safe at every step")
    void stuckPod() {
        World w = new World(World.cluster("east", "zone-a", 8000, 32));
        w.idleSession("s1", "ann", "data", 2);
        w.targets.stickPodOf("s1");
        long started = w.now();

        long rolledBackAt = -1;
        for (int i = 0; i < 400 && rolledBackAt < 0; i++) {
            Reconcile r = w.scheduler().reconcile();
            assertThat(r.nextWakeupMillis()).isLessThanOrEqualTo(w.now() + w.policy.pollMillis());
            Invariants.holdAt(w, List.of("s1"), "step " + i);
            if (w.state("east", "s1").filter(MigrationState.ROLLED_BACK::equals).isPresent()) {
                rolledBackAt = w.now();
            }
            w.advance(5 * World.SECOND);
            w.tick();
            Invariants.holdAt(w, List.of("s1"), "step " + i + " after the world moved");
        }

        assertThat(rolledBackAt).isGreaterThanOrEqualTo(started + w.policy.startTimeoutMillis());
        assertThat(w.source.state("s1")).isEqualTo(SourceState.RUNNING);
        assertThat(w.targets.job("east", "s1").orElseThrow().suspended).isTrue();
        assertThat(w.targets.job("east", "s1").orElseThrow().pod).isNull();
    }
}
