package dev.ferry.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.report.ResultsJson;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Restarted Python containers restore through the product's restore, on virtual time: restores take time, and a
 * package the index no longer serves fails its restore visibly instead of coming back silently.
 */
class RestoreInSimulationTest {

    private static Workload small() throws Exception {
        return WorkloadReader.read(Path.of("src/test/resources/sim/small.yaml"));
    }

    private static Workload withUnavailable(Workload w, double share) {
        return new Workload(w.name(), w.description(), w.sessions(), w.days(), w.start(),
                w.pip().withUnavailableAtRestore(share), w.activity(), w.restarts(), w.population(), w.storm(),
                w.migration());
    }

    private static JsonNode restore(Workload workload) {
        SimulationResult result = new Simulation(workload, 7).run(p -> { });
        return ResultsJson.tree(result, 0, List.of()).get("restore");
    }

    @Test
    @DisplayName("every restart of a Python session restores, and each restore takes pip's time")
    void restoresTakeTime() throws Exception {
        JsonNode restore = restore(small());
        assertThat(restore.get("restores").asLong()).isPositive();
        assertThat(restore.get("failed").asLong()).isZero();
        assertThat(restore.get("duration_s").get("p50").asDouble()).isGreaterThan(1.0);
    }

    @Test
    @DisplayName("packages unavailable at restore fail their restores and are counted as not restored")
    void unavailablePackagesFailRestores() throws Exception {
        JsonNode restore = restore(withUnavailable(small(), 0.2));
        assertThat(restore.get("failed").asLong()).isPositive();
        assertThat(restore.get("packages_not_restored").asLong()).isGreaterThanOrEqualTo(restore.get("failed").asLong());
    }
}
