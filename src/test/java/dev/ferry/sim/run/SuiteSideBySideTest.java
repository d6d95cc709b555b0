package dev.ferry.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cli.Main;
import dev.ferry.testing.GoldenResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite runs its runs side by side; each run's results are those it gives alone. The two golden results
 * (a plain workload and a migration under faults, both recorded from runs alone) are run as one suite on two
 * threads and must come out figure for figure as recorded, each with its own wall time.
 */
class SuiteSideBySideTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @DisplayName("two golden runs side by side: every figure but the wall-clock ones as recorded alone")
    void sameAsAlone() throws Exception {
        Path resources = Path.of("src/test/resources/sim").toAbsolutePath();
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "runs:\n"
                + "  - {workload: " + resources.resolve("migrate-faults.yaml") + ", seeds: \"5\"}\n"
                + "  - {workload: " + resources.resolve("small.yaml") + ", seeds: \"7\"}\n");
        Path budgets = Files.writeString(dir.resolve("budgets.yaml"), "budgets: []\n");
        StringWriter log = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(log, true), new PrintWriter(err, true), "sim", "suite", suite.toString(),
                "--budgets", budgets.toString(), "--out", dir.resolve("runs").toString(), "--parallel", "2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(log.toString()).contains("suite: 1 of 2 runs ended", "suite: 2 of 2 runs ended");
        ObjectNode faults = results("runs/migrate-faults-idle-aware-seed5");
        ObjectNode small = results("runs/small-seed7");
        assertThat(faults.get("wall_s").asDouble()).isPositive();
        assertThat(small.get("wall_s").asDouble()).isPositive();
        GoldenResults.check(resources.resolve("golden-migrate-faults-seed5.json"), faults);
        GoldenResults.check(resources.resolve("golden-small-seed7.json"), small);
    }

    private ObjectNode results(String run) throws Exception {
        return (ObjectNode) JSON.readTree(dir.resolve(run).resolve("results.json").toFile());
    }
}
