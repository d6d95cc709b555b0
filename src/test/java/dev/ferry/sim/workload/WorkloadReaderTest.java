package dev.ferry.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload is checked completely before anything runs; each error names file, line, field and what is allowed. */
class WorkloadReaderTest {

    @TempDir
    Path dir;

    private static final String MODELS = """
            models:
              pip: %1$s/model/pip.yaml
              activity: %1$s/model/activity.yaml
              restarts: %1$s/model/restarts.yaml
              population: %1$s/model/population.yaml
            """.formatted(Path.of("").toAbsolutePath());

    private Path workload(String body) throws Exception {
        return Files.writeString(dir.resolve("w.yaml"), body + MODELS);
    }

    @Test
    @DisplayName("the shipped workloads are valid")
    void shippedWorkloads() throws Exception {
        for (String name : new String[] {"dsw-3500", "pip-storm", "restart-heavy"}) {
            Workload w = WorkloadReader.read(Path.of("workloads", name + ".yaml"));
            assertThat(w.name()).isEqualTo(name);
            assertThat(w.sessions()).isEqualTo(3500);
        }
        assertThat(WorkloadReader.read(Path.of("workloads/pip-storm.yaml")).storm().share()).isEqualTo(0.8);
    }

    @Test
    @DisplayName("a value out of range names its line and the allowed range")
    void outOfRange() throws Exception {
        Path file = workload("name: x\nsessions: 0\ndays: 1\nstart: 2026-11-30T00:00:00Z\n");
        assertThatThrownBy(() -> WorkloadReader.read(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + " line 2: sessions: must be an integer between 1 and 100000, was 0");
    }

    @Test
    @DisplayName("a misspelt field is rejected with the fields allowed there")
    void unknownField() throws Exception {
        Path file = workload("name: x\nsessions: 10\ndays: 1\nstart: 2026-11-30T00:00:00Z\n"
                + "overrides:\n  restarts:\n    oom_per_day: 3\n");
        assertThatThrownBy(() -> WorkloadReader.read(file))
                .hasMessageStartingWith(file + " line 7: overrides.restarts.oom_per_day: unknown field; allowed here:")
                .hasMessageContaining("oom_per_session_day");
    }

    @Test
    @DisplayName("a missing field, a bad time and a storm past the horizon are each named")
    void otherErrors() throws Exception {
        assertThatThrownBy(() -> WorkloadReader.read(workload("name: x\ndays: 1\nstart: 2026-11-30T00:00:00Z\n")))
                .hasMessageContaining("missing field 'sessions'");
        assertThatThrownBy(() -> WorkloadReader.read(workload("name: x\nsessions: 3\ndays: 1\nstart: monday\n")))
                .hasMessageContaining("line 4: start: must be a UTC time like 2026-11-30T00:00:00Z, was 'monday'");
        assertThatThrownBy(() -> WorkloadReader.read(workload(
                "name: x\nsessions: 3\ndays: 1\nstart: 2026-11-30T00:00:00Z\nstorm: {at_hour: 30, share: 1, spread_minutes: 1, upgrades: 1}\n")))
                .hasMessageContaining("storm.at_hour: must be between 0 and 24, was 30");
    }

    @Test
    @DisplayName("a model file with a bad field is reported in the model file")
    void badModel() throws Exception {
        Path model = Files.writeString(dir.resolve("restarts.yaml"),
                "provenance: test\nuser_per_session_day: lots\noom_per_session_day: 0\nnode_loss_per_node_day: 0\n"
                        + "sessions_per_node: 8\ndowntime_seconds: [20, 90]\n");
        Path file = Files.writeString(dir.resolve("w.yaml"), "name: x\nsessions: 3\ndays: 1\nstart: 2026-11-30T00:00:00Z\n"
                + MODELS.replace(Path.of("").toAbsolutePath() + "/model/restarts.yaml", model.toString()));
        assertThatThrownBy(() -> WorkloadReader.read(file))
                .hasMessage(model + " line 2: user_per_session_day: must be a number between 0 and 100, was 'lots'");
    }
}
