package dev.ferry.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The -Psim gate end to end on a small suite: two seeds of a small, busy workload run through
 * {@code ferry sim suite} with the real budgets, and every budget holds.
 */
class SimulationEndToEndTest {

    @TempDir
    Path out;

    @Test
    @DisplayName("the small suite runs, writes results.json and sessions.csv per run, and stays within the budgets")
    void smallSuite() throws Exception {
        StringWriter log = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(log, true), new PrintWriter(err, true), "sim", "suite",
                "src/test/resources/sim/small-suite.yaml", "--budgets", "sim/budgets.yaml", "--out", out.toString());
        assertThat(code).as(log + "\n" + err).isZero();
        assertThat(log.toString()).contains("all budgets held in 2 run(s)");
        JsonNode results = new ObjectMapper().readTree(out.resolve("small-seed1/results.json").toFile());
        for (String key : new String[] {"scenario", "seed", "sessions", "virtual_days", "wall_s", "events", "coalescing",
            "budgets"}) {
            assertThat(results.has(key)).as(key).isTrue();
        }
        JsonNode c = results.get("coalescing");
        assertThat(c.get("exact_at_quiescence").asDouble()).isEqualTo(1.0);
        assertThat(c.get("lost_packages_at_restart").asLong()).isZero();
        assertThat(c.get("restarts").asLong()).as("the workload restarts containers").isPositive();
        assertThat(c.get("state_changing_operations").asLong()).isGreaterThan(100);
        assertThat(results.get("budgets").size()).isGreaterThanOrEqualTo(5);
        assertThat(Files.readAllLines(out.resolve("small-seed2/sessions.csv"))).hasSize(61);
    }

    @Test
    @DisplayName("a budget exceeded fails the suite and is listed with its value and limit")
    void budgetExceeded() throws Exception {
        Path budgets = Files.writeString(out.resolve("tight.yaml"),
                "budgets:\n  - {name: impossible, metric: coalescing.latency_ms.p50, max: 1}\n");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "sim", "suite",
                "src/test/resources/sim/small-suite.yaml", "--budgets", budgets.toString(), "--out", out.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("2 budget(s) exceeded in 2 run(s)")
                .contains("small seed 1: coalescing.latency_ms.p50 = 50, limit <= 1");
    }
}
