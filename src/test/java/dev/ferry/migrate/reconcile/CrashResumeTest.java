package dev.ferry.migrate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crash-resume: a fresh scheduler after every single action still finishes the migration safely")
class CrashResumeTest {

    private static final List<String> SESSIONS = List.of("s1", "s2", "s3", "s4", "s5", "s6");

    @Test
    @DisplayName("6 sessions, 2 clusters, one failing pod, one broken restore, a 503 now and then")
    void everyActionThenCrash() {
        World w = new World(World.cluster("east", "zone-a", 3000, 12), World.cluster("west", "zone-b", 3000, 12));
        w.policy = World.policy(DisruptionBudget.of(3, 2, 1.0));
        for (int i = 0; i < SESSIONS.size(); i++) {
            w.idleSession(SESSIONS.get(i), "user" + i, i % 2 == 0 ? "data" : "ml", 10 + i);
        }
        w.targets.failPodOf("s3");   // its first pod fails: rollback on pod failure
        w.brokenRestores.add("s5");  // its restore never reports: rollback at the verify timeout

        int crashes = 0;
        int passes = 0;
        while (!SESSIONS.stream().allMatch(id -> Invariants.settled(w, id))) {
            assertThat(passes++).as("passes before everything settled").isLessThan(5000);
            if (passes % 7 == 0) {
                w.targets.failNext(new TargetClusterException("east", "any call failed: unavailable", true, null));
            }
            w.gate.allow(1); // the first action goes through, the next one "crashes" the scheduler
            try {
                w.scheduler().reconcile(); // a new instance every time: nothing survives in memory
            } catch (Crash crash) {
                crashes++;
            } finally {
                w.gate.unlimited();
            }
            Invariants.holdAt(w, SESSIONS, "pass " + passes + " after the action");
            Invariants.withinBudget(w, SESSIONS, 3, 2, "pass " + passes);
            w.advance(2 * World.SECOND);
            w.tick();
            Invariants.holdAt(w, SESSIONS, "pass " + passes + " after the world moved");
        }

        assertThat(crashes).as("schedulers that crashed mid-plan").isGreaterThan(5);
        for (String id : List.of("s1", "s2", "s4", "s6")) {
            assertThat(stateOf(w, id)).as(id).isEqualTo(MigrationState.DONE);
        }
        assertThat(stateOf(w, "s3")).isEqualTo(MigrationState.ROLLED_BACK);
        assertThat(stateOf(w, "s5")).isEqualTo(MigrationState.ROLLED_BACK);
    }

    private static MigrationState stateOf(World w, String id) {
        return w.targets.jobsOf(id).get(0).migration.state();
    }
}
