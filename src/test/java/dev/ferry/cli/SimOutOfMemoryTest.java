package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation the JVM cannot hold is refused before it starts; one that runs out of memory anyway says so in one
 * line, and neither leaves an output folder that looks like a result.
 */
class SimOutOfMemoryTest {

    @TempDir
    Path dir;

    private Path workload(String name, int sessions, int days) throws IOException {
        String text = Files.readString(Path.of("workloads/dsw-3500.yaml")).replace("name: dsw-3500", "name: " + name)
                .replace("sessions: 3500", "sessions: " + sessions).replace("days: 7", "days: " + days)
                .replace("../model/", Path.of("model").toAbsolutePath() + "/");
        return Files.writeString(dir.resolve(name + ".yaml"), text);
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("sim run of 100,000 sessions for a year: refused in under a second, exit 2, nothing written")
    void refusedBeforeRunning() throws Exception {
        Path file = workload("huge", 100_000, 365);
        Path out = dir.resolve("out");
        // once to load the classes (picocli, SnakeYAML, the models): what is timed is the check, not class loading
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CommandResult.run("sim", "run", file.toString(), "--out", out.toString()));
        long started = System.nanoTime();
        CommandResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CommandResult.run("sim", "run", file.toString(), "--out", out.toString()));
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(1.0);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).hasLineCount(1).startsWith("ferry: " + file + ": 100,000 sessions over 365 days need"
                + " about ").contains("of heap, more than this JVM's", "sessions of 365 days fit",
                "give the JVM more with FERRY_JAVA_OPTS=-Xmx");
        assertThat(result.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("sim suite checks every workload's size before the first run")
    void suiteRefusedBeforeTheFirstRun() throws Exception {
        Path small = workload("tiny", 2, 1);
        Path huge = workload("huge", 100_000, 365);
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "runs:\n  - {workload: " + small + ", seeds: \"1\"}\n"
                + "  - {workload: " + huge + ", seeds: \"1\"}\n");
        Path out = dir.resolve("out");
        CommandResult result = CommandResult.run("sim", "suite", suite.toString(), "--budgets", "sim/budgets.yaml",
                "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).hasLineCount(1).contains(huge + ": 100,000 sessions over 365 days need about");
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("running out of memory during the run: one line with the advice, exit 3, no output folder")
    void outOfMemoryDuringTheRun() throws Exception {
        Workload w = WorkloadReader.read(workload("tiny", 2, 1));
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> SimRunner.run(w, 1, out, List.of(), new PrintWriter(new StringWriter()), null,
                (workload, seed, strategy) -> {
                    throw new OutOfMemoryError("Java heap space");
                }))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(3))
                .hasMessageStartingWith("out of memory simulating tiny seed 1 after ")
                .hasMessageContaining("nothing was written to " + out + "; give the JVM more with FERRY_JAVA_OPTS=-Xmx")
                .hasMessageEndingWith("g, or simulate fewer sessions or days");
        assertThat(folder()).containsExactly("tiny.yaml");
    }

    @Test
    @DisplayName("running out of memory when re-running into an earlier run's folder leaves that run whole")
    void outOfMemoryKeepsTheEarlierRun() throws Exception {
        Workload w = WorkloadReader.read(workload("tiny", 2, 1));
        Path out = dir.resolve("out");
        SimRunner.Outcome first = SimRunner.run(w, 1, out, List.of(), new PrintWriter(new StringWriter()), null);
        String results = Files.readString(out.resolve("results.json"));
        String sessions = Files.readString(out.resolve("sessions.csv"));
        assertThat(first.results().get("seed").asLong()).isEqualTo(1);

        assertThatThrownBy(() -> SimRunner.run(w, 2, out, List.of(), new PrintWriter(new StringWriter()), null,
                (workload, seed, strategy) -> {
                    throw new OutOfMemoryError("Java heap space");
                })).isInstanceOf(UserError.class);
        assertThat(Files.readString(out.resolve("results.json"))).isEqualTo(results);
        assertThat(Files.readString(out.resolve("sessions.csv"))).isEqualTo(sessions);
        assertThat(folder()).containsExactly("out", "tiny.yaml");
    }
}
