package dev.ferry.migrate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SourceState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("one idle session goes through every state to DONE")
class HappyPathTest {

    @Test
    @DisplayName("suspended intent → source killed → started → verified → done, each step visible on the Job")
    void oneSession() {
        World w = new World(World.cluster("east", "zone-a", 8000, 32));
        w.idleSession("s1", "ann", "data", 7);
        List<String> seen = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            Reconcile r = w.scheduler().reconcile();
            assertThat(r.error()).isEmpty();
            assertThat(r.nextWakeupMillis()).isGreaterThanOrEqualTo(w.now());
            w.targets.job("east", "s1").ifPresent(j -> {
                String step = j.migration.state() + (j.suspended ? "/suspended" : "") + "/" + w.source.state("s1");
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(step)) {
                    seen.add(step);
                }
            });
            w.advance(5 * World.SECOND);
            w.tick();
        }

        assertThat(seen).containsExactly(
                "STOPPING_SOURCE/suspended/STOPPING", // created suspended first, then the stop was requested
                "STARTING/ENDED",                     // unsuspended only once the source had ENDED
                "VERIFYING/ENDED",                    // the pod runs
                "DONE/ENDED");                        // the restore reported generation 7
        FakeTargets.Job job = w.targets.job("east", "s1").orElseThrow();
        assertThat(job.spec.checkpointGeneration()).isEqualTo(7);
        assertThat(job.pod).isEqualTo(PodPhase.RUNNING);
        assertThat(w.source.state("s1")).isEqualTo(SourceState.ENDED);
        assertThat(w.state("east", "s1")).contains(MigrationState.DONE);
    }
}
