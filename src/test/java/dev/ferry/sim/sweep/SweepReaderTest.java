package dev.ferry.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.config.ConfigException;
import dev.ferry.sim.workload.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a sweep file: validated completely before the first run, its runs numbered the same everywhere")
class SweepReaderTest {

    private static final Path BASE = Path.of("src/test/resources/sim/migrate-small.yaml").toAbsolutePath();

    @TempDir
    Path dir;

    private Path sweep(String parameters) throws Exception {
        return Files.writeString(dir.resolve("s.yaml"), "workload: " + BASE + "\nseeds: \"1, 2\"\nparameters:\n"
                + parameters);
    }

    private String error(String parameters) {
        return assertThatThrownBy(() -> SweepReader.read(sweep(parameters))).isInstanceOf(ConfigException.class)
                .actual().getMessage();
    }

    @Nested
    @DisplayName("errors name the sweep file, the line and the field")
    class Errors {

        @Test
        @DisplayName("a field the migration section does not have")
        void unknownField() {
            assertThat(error("  - {field: budgets.max_concurent, values: [1, 2]}\n"))
                    .startsWith(dir.resolve("s.yaml") + " line 4: parameters[0].values: budgets.max_concurent = 1 is"
                            + " not allowed in the workload")
                    .contains("migration.budgets.max_concurent: unknown field; allowed here: max_concurrent");
        }

        @Test
        @DisplayName("a value the workload's own checks refuse")
        void outOfRange() {
            assertThat(error("  - {field: budgets.max_concurrent, values: [10, 0]}\n"))
                    .contains("line 4: parameters[0].values: budgets.max_concurrent = 0 is not allowed")
                    .contains("must be an integer between 1 and 1000000, was 0");
        }

        @Test
        @DisplayName("a value that is not a number, a strategy that does not exist")
        void notANumber() {
            assertThat(error("  - {field: idle_threshold_minutes, values: [ten]}\n"))
                    .contains("line 4: parameters[0].values: 'ten' is not a number");
            assertThat(error("  - {field: strategy, values: [idle-aware, sideways]}\n"))
                    .contains("'sideways' is not a strategy; one of idle-aware, rolling, big-bang");
        }

        @Test
        @DisplayName("values and a range both, a field given twice, a field named from the top, a section")
        void shapes() {
            assertThat(error("  - {field: notice_hours, values: [1], range: {from: 1, to: 2, step: 1}}\n"))
                    .contains("line 4: parameters[0].range: give either values");
            assertThat(error("  - {field: notice_hours, values: [1]}\n  - {field: notice_hours, values: [2]}\n"))
                    .contains("line 5: parameters[1].field: 'notice_hours' is varied twice");
            assertThat(error("  - {field: migration.notice_hours, values: [1]}\n"))
                    .contains("parameters[0].field: fields are named inside the workload's migration: section, e.g."
                            + " 'notice_hours'");
            assertThat(error("  - {field: budgets, values: [1]}\n"))
                    .contains("migration.budgets is a section or a list, not a single value");
        }

        @Test
        @DisplayName("a setting whose values are each allowed but not together")
        void combination() {
            assertThat(error("  - {field: start_hour, values: [8, 30]}\n  - {field: deadline_hour, values: [40, 20]}\n"))
                    .contains("line 4: parameters: the setting start_hour=30, deadline_hour=20 makes the workload"
                            + " invalid")
                    .contains("deadline_hour: must not be before start_hour (30.0)");
        }

        @Test
        @DisplayName("a base workload without a migration")
        void noMigration() throws Exception {
            Path s = Files.writeString(dir.resolve("s.yaml"), "workload: " + BASE.resolveSibling("small.yaml")
                    + "\nseeds: \"1\"\nparameters:\n  - {field: notice_hours, values: [1]}\n");
            assertThatThrownBy(() -> SweepReader.read(s)).hasMessageContaining("line 1: workload: ")
                    .hasMessageContaining("has no migration: section");
        }
    }

    @Test
    @DisplayName("a range gives decimal values from its start to its end, both included")
    void range() throws Exception {
        Sweep s = SweepReader.read(sweep("  - {field: budgets.max_team_share, range: {from: 0.1, to: 0.3, step: 0.1}}\n"));
        assertThat(s.parameters().get(0).values()).containsExactly("0.1", "0.2", "0.3");
    }

    @Test
    @DisplayName("index -> run: settings in the file's order (the first parameter slowest), seeds fastest, each"
            + " setting x seed exactly once")
    void indexMapping() throws Exception {
        Sweep s = SweepReader.read(sweep("  - {field: budgets.max_concurrent, values: [5, 10, 20]}\n"
                + "  - {field: strategy, values: [idle-aware, rolling]}\n"));

        assertThat(s.runCount()).isEqualTo(12);
        assertThat(s.run(0).settingName() + " seed " + s.run(0).seed())
                .isEqualTo("budgets.max_concurrent=5, strategy=idle-aware seed 1");
        assertThat(s.run(1).settingName() + " seed " + s.run(1).seed())
                .isEqualTo("budgets.max_concurrent=5, strategy=idle-aware seed 2");
        assertThat(s.run(2).settingName()).isEqualTo("budgets.max_concurrent=5, strategy=rolling");
        assertThat(s.run(11).settingName() + " seed " + s.run(11).seed())
                .isEqualTo("budgets.max_concurrent=20, strategy=rolling seed 2");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.runCount(); i++) {
            assertThat(s.run(i).index()).isEqualTo(i);
            assertThat(seen.add(s.run(i).folderName())).as("run %d is new", i).isTrue();
        }
        assertThat(seen).hasSize(3 * 2 * 2);
        assertThat(SweepReader.read(sweep("  - {field: budgets.max_concurrent, values: [5, 10, 20]}\n"
                + "  - {field: strategy, values: [idle-aware, rolling]}\n")).runs()).isEqualTo(s.runs());
        assertThatThrownBy(() -> s.run(12)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("each run's workload is the base with its setting: the budget and the strategy given")
    void workloadOfARun() throws Exception {
        Sweep s = SweepReader.read(sweep("  - {field: budgets.max_concurrent, values: [5, 20]}\n"
                + "  - {field: strategy, values: [idle-aware, rolling]}\n"));
        var m = s.workload(s.run(7)).migration();
        assertThat(m.maxConcurrent()).isEqualTo(20);
        assertThat(m.strategy()).isEqualTo(Strategy.ROLLING);
        assertThat(m.maxPerCluster()).as("the base's other budgets stay").isEqualTo(6);
    }

    @Test
    @DisplayName("sim/sweep-example.yaml: 4 budgets x 3 idle thresholds x 3 seeds of the reference migration")
    void example() throws Exception {
        Sweep s = SweepReader.read(Path.of("sim/sweep-example.yaml"));
        assertThat(s.runCount()).isEqualTo(36);
        assertThat(s.workloadFile().getFileName().toString()).isEqualTo("dsw-3500-migration.yaml");
        assertThat(s.parameters()).extracting(SweepParameter::field)
                .containsExactly("budgets.max_concurrent", "idle_threshold_minutes");
        assertThat(s.parameters().get(0).values()).containsExactly("25", "50", "100", "200");
        assertThat(s.parameters().get(1).values()).containsExactly("10", "30", "60");
        assertThat(s.seeds()).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(s.workload(s.run(35)).migration().idleThresholdMinutes()).isEqualTo(60);
        assertThat(SweepReader.read(Path.of("sim/sweep-speed.yaml")).runCount()).as("the speed target's 4 x 2")
                .isEqualTo(8);
    }
}
