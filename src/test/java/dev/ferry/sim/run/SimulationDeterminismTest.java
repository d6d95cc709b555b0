package dev.ferry.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.report.ResultsJson;
import dev.ferry.report.SessionsCsv;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same workload and seed, same results, byte for byte (the wall-clock fields aside); another seed, other results. */
class SimulationDeterminismTest {

    @TempDir
    Path dir;

    private String results(Workload workload, long seed, String name) throws Exception {
        SimulationResult result = new Simulation(workload, seed).run(p -> { });
        ObjectNode tree = ResultsJson.tree(result, 0, List.of());
        SessionsCsv.write(result, dir.resolve(name + ".csv"));
        return tree.toString() + Files.readString(dir.resolve(name + ".csv"));
    }

    @Test
    @DisplayName("two runs with one seed write identical results.json and sessions.csv; another seed differs")
    void sameSeedSameBytes() throws Exception {
        Workload workload = WorkloadReader.read(Path.of("src/test/resources/sim/small.yaml"));
        String first = results(workload, 11, "a");
        String second = results(workload, 11, "b");
        String other = results(workload, 12, "c");
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
