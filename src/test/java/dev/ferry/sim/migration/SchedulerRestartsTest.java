package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.run.Simulation;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * migrate-small with the scheduler's process killed 100 times a day (half of them in the middle of a pass, after
 * some of its changes) and a fresh one started 5 minutes later, against migrate-small on the same seed: every
 * guarantee holds and every session migrates, as without the kills.
 */
@DisplayName("scheduler restarts, mid-pass included: the same guarantees and the same migrated count as without")
class SchedulerRestartsTest {

    private static MigrationOutcome with;
    private static MigrationOutcome without;
    private static Workload workload;

    @BeforeAll
    static void run() throws Exception {
        workload = WorkloadReader.read(Path.of("src/test/resources/sim/migrate-restarts.yaml"));
        Simulation killed = new Simulation(workload, 3, Strategy.IDLE_AWARE);
        killed.run(f -> { });
        with = killed.migration();
        Simulation calm = new Simulation(WorkloadReader.read(Path.of("src/test/resources/sim/migrate-small.yaml")), 3,
                Strategy.IDLE_AWARE);
        calm.run(f -> { });
        without = calm.migration();
    }

    @Test
    @DisplayName("the scheduler was killed often, some of the kills between two changes of one pass")
    void killed() {
        MigrationOutcome.Restarts r = with.restarts().orElseThrow();
        assertThat(r.restarts()).isGreaterThan(30);
        assertThat(r.midPass()).isPositive();
        assertThat(without.restarts()).isEmpty();
    }

    @Test
    @DisplayName("nothing stranded, nothing running twice, no package lost, budgets kept; as many migrated")
    void guarantees() {
        assertThat(with.stranded()).isZero();
        assertThat(with.doubleRunning()).isZero();
        assertThat(with.lostPackages()).isZero();
        assertThat(with.budgets().inFlight()).isLessThanOrEqualTo(10);
        assertThat(with.budgets().perCluster()).isLessThanOrEqualTo(6);
        assertThat(with.budgets().teamOverLimit()).isZero();
        assertThat(with.migrated()).isEqualTo(without.migrated()).isEqualTo(workload.sessions());
    }
}
