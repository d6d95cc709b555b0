package dev.ferry.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.report.ResultsJson;
import dev.ferry.sim.workload.WorkloadReader;
import dev.ferry.testing.GoldenResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The exact figures of a small workload with seed 7, checked in. Any change to the models, the
 * synthetic pip, the kernel or the tracker that moves a figure shows up here; if the move is
 * intended, regenerate with {@code mvn test -Dtest=GoldenResultTest -Dgolden.update=true} and say
 * why in the commit.
 */
class GoldenResultTest {

    private static final Path GOLDEN = Path.of("src/test/resources/sim/golden-small-seed7.json");

    @Test
    @DisplayName("small workload, seed 7: every figure of results.json but the wall-clock ones is as recorded")
    void goldenFigures() throws Exception {
        SimulationResult result = new Simulation(WorkloadReader.read(Path.of("src/test/resources/sim/small.yaml")), 7)
                .run(p -> { });
        ObjectNode actual = ResultsJson.tree(result, 0, List.of());
        GoldenResults.check(GOLDEN, actual);
        assertThat(actual.get("coalescing").get("exact_at_quiescence").asDouble()).isEqualTo(1.0);
    }
}
