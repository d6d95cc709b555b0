package dev.ferry.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite entry with strategies runs the workload once per strategy, names each run workload-strategy, applies
 * budgets by that name, and checks comparisons between two strategies on the same seed.
 */
class MigrationSuiteTest {

    @TempDir
    Path out;

    private int suite(Path budgets, StringWriter log, StringWriter err) {
        return Main.run(new PrintWriter(log, true), new PrintWriter(err, true), "sim", "suite",
                "src/test/resources/sim/migrate-suite.yaml", "--budgets", budgets.toString(), "--out",
                out.resolve("runs").toString());
    }

    @Test
    @DisplayName("one run per strategy; a budget for one strategy and a comparison between them hold or fail")
    void strategiesAndComparisons() throws Exception {
        Path budgets = Files.writeString(out.resolve("b.yaml"), """
                budgets:
                  - {name: nothing stranded, metric: migration.stranded, max: 0}
                  - {name: idle-aware only, metric: disruption.share_disrupted_while_active, max: 0.05,
                     scenarios: migrate-small-idle-aware}
                comparisons:
                  - {name: kinder, metric: disruption.user_visible_s.p99, scenario: migrate-small-idle-aware,
                     against: migrate-small-rolling, max_ratio: 0.1}
                  - {name: the other way round, metric: disruption.user_visible_s.p99, scenario: migrate-small-rolling,
                     against: migrate-small-idle-aware, max_ratio: 0.1}
                """);
        StringWriter log = new StringWriter();
        StringWriter err = new StringWriter();

        int code = suite(budgets, log, err);

        assertThat(Files.exists(out.resolve("runs/migrate-small-idle-aware-seed3/results.json"))).isTrue();
        assertThat(Files.exists(out.resolve("runs/migrate-small-rolling-seed3/results.json"))).isTrue();
        assertThat(log.toString()).contains("held: kinder: migrate-small-idle-aware seed 3")
                .contains("FAILED: the other way round");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("1 budget(s) exceeded in 2 run(s)")
                .contains("migrate-small-rolling seed 3: disruption.user_visible_s.p99 = ");
        String idle = Files.readString(out.resolve("runs/migrate-small-idle-aware-seed3/results.json"));
        String rolling = Files.readString(out.resolve("runs/migrate-small-rolling-seed3/results.json"));
        assertThat(idle).contains("share_disrupted_while_active");
        assertThat(rolling).doesNotContain("idle-aware only");
        assertThat(Files.readString(out.resolve("runs/migrate-small-idle-aware-seed3/report.html")))
                .as("the report is written again once the comparisons are judged")
                .contains("<tr class=\"comparison\" data-name=\"kinder\" data-pass=\"true\">");
        assertThat(Files.readString(out.resolve("runs/migrate-small-rolling-seed3/report.html")))
                .contains("<tr class=\"comparison\" data-name=\"the other way round\" data-pass=\"false\">");
        assertThat(Files.readString(out.resolve("runs/index.html")))
                .as("the index compares the two strategies, and says one seed gives no interval")
                .contains("rolling against idle-aware — migrate-small", "no interval: one seed");
    }

    @Test
    @DisplayName("the shipped migration suite runs every strategy on the default workload; the budgets compare them")
    void shippedSuite() throws Exception {
        var entries = dev.ferry.sim.gate.Suite.read(Path.of("sim/suite.yaml"));
        var migration = entries.stream()
                .filter(e -> e.workload().getFileName().toString().equals("dsw-3500-migration.yaml")).toList();
        assertThat(migration).singleElement().satisfies(e -> assertThat(e.strategies())
                .containsExactly(dev.ferry.sim.workload.Strategy.values()));
        assertThat(entries).extracting(e -> e.workload().getFileName().toString()).contains("zone-outage.yaml");
        assertThat(dev.ferry.sim.gate.GateLimits.comparisons(Path.of("sim/budgets.yaml")))
                .extracting(c -> c.scenario() + " vs " + c.against())
                .containsExactly("dsw-3500-migration-idle-aware vs dsw-3500-migration-rolling");
        assertThat(dev.ferry.sim.gate.GateLimits.read(Path.of("sim/budgets.yaml")))
                .extracting(dev.ferry.sim.gate.Budget::metric).contains("migration.stranded",
                        "disruption.share_disrupted_while_active", "migration.budgets_observed.peak_in_flight");
    }

    @Test
    @DisplayName("an unknown strategy in the suite names its line and the strategies there are")
    void unknownStrategy() throws Exception {
        Path suite = Files.writeString(out.resolve("s.yaml"), "runs:\n  - {workload: "
                + Path.of("src/test/resources/sim/migrate-small.yaml").toAbsolutePath()
                + ", seeds: \"1\", strategies: \"sideways\"}\n");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "sim", "suite",
                suite.toString(), "--budgets", "sim/budgets.yaml", "--out", out.resolve("x").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("line 2").contains("'sideways' is not a strategy")
                .contains("idle-aware, rolling, big-bang");
    }
}
