package dev.ferry.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.config.ConfigException;
import dev.ferry.sim.run.Simulation;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate-small whose users stop their sessions on Peloton 3 times a session-day (and start them again when next
 * active): the scheduler, running the product's code on the simulated clusters, never starts a session its user
 * stopped, on Kubernetes or on Peloton, and the migration keeps its guarantees.
 */
@DisplayName("users stopping their sessions on Peloton: stopped sessions stay stopped, the rest migrates")
class UserStopsSimulationTest {

    private static MigrationOutcome outcome;
    private static Workload workload;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() throws Exception {
        workload = WorkloadReader.read(Path.of("src/test/resources/sim/migrate-user-stops.yaml"));
        Simulation sim = new Simulation(workload, 3, Strategy.IDLE_AWARE);
        sim.run(f -> { });
        outcome = sim.migration();
    }

    @Test
    @DisplayName("users stopped sessions and started most of them again")
    void usersStopped() {
        MigrationOutcome.UserStops u = outcome.userStops().orElseThrow();
        assertThat(u.stops()).isGreaterThan(5);
        assertThat(u.startedAgain()).isPositive().isLessThanOrEqualTo(u.stops());
    }

    @Test
    @DisplayName("no session ran anywhere (a pod on Kubernetes, its task on Peloton) while its user had it stopped")
    void neverStartedWhileStopped() {
        assertThat(outcome.userStops().orElseThrow().startedWhileStopped()).isZero();
    }

    @Test
    @DisplayName("nothing stranded or running twice, no package lost, budgets kept")
    void guarantees() {
        assertThat(outcome.stranded()).isZero();
        assertThat(outcome.doubleRunning()).isZero();
        assertThat(outcome.lostPackages()).isZero();
        assertThat(outcome.budgets().inFlight()).isLessThanOrEqualTo(10);
        assertThat(outcome.migrated() + outcome.userStops().orElseThrow().stoppedAtEnd() + outcome.onSource()
                + outcome.migratingAtEnd()).isGreaterThanOrEqualTo(workload.sessions());
        assertThat(outcome.migrated()).isPositive();
    }

    @Test
    @DisplayName("user_stops_per_day is checked like any field: a negative rate names the file's line and field")
    void validated() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/sim/migrate-user-stops.yaml"))
                .replace("user_stops_per_day: 3", "user_stops_per_day: -1")
                .replace("../../../../model/", Path.of("model").toAbsolutePath() + "/")
                .replace("clusters-2.yaml", Path.of("src/test/resources/sim/clusters-2.yaml").toAbsolutePath()
                        .toString());
        Path file = Files.writeString(dir.resolve("w.yaml"), text);
        int line = text.lines().toList().indexOf("  user_stops_per_day: -1") + 1;
        assertThatThrownBy(() -> WorkloadReader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line " + line).hasMessageContaining("user_stops_per_day");
    }
}
