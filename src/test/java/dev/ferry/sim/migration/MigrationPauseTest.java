package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.run.Simulation;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a pause in the simulation: the control plane's pause stops new starts, what is in flight finishes")
class MigrationPauseTest {

    @Test
    @DisplayName("paused from hour 10 to the end (past the deadline): some migrated in hours 8-10, none in flight or"
            + " stranded at the end, the rest still on Peloton")
    void pauseStopsNewStarts() throws Exception {
        Workload workload = WorkloadReader.read(Path.of("src/test/resources/sim/migrate-paused.yaml"));
        assertThat(workload.migration().pauses()).containsExactly(new Workload.Pause(10, 38));
        Simulation simulation = new Simulation(workload, 3, Strategy.IDLE_AWARE);
        simulation.run(f -> { });
        MigrationOutcome m = simulation.migration();

        assertThat(m.migrated()).isPositive().isLessThan(workload.sessions());
        assertThat(m.migratingAtEnd()).isZero();
        assertThat(m.stranded()).isZero();
        assertThat(m.doubleRunning()).isZero();
        assertThat(m.onSource()).isEqualTo(workload.sessions() - m.migrated() - m.failed());
    }
}
