package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --baseline that is not there is a mistake (a typo, a wrong checkout), not "no baseline": it is refused. */
class ReportCompareBaselineTest {

    @TempDir
    Path dir;

    private Path run() throws Exception {
        Path run = Files.createDirectories(dir.resolve("small-seed7"));
        Files.copy(Path.of("src/test/resources/sim/golden-small-seed7.json"), run.resolve("results.json"));
        return run;
    }

    @Test
    @DisplayName("a --baseline folder that does not exist: one line, exit 2, no report written")
    void missingBaseline() throws Exception {
        Path run = run();
        Path out = dir.resolve("report.html");
        CommandResult result = CommandResult.run("report", "compare", run.toString(), "--baseline",
                dir.resolve("nope").toString(), "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("ferry: --baseline " + dir.resolve("nope") + " does not exist; give a"
                + " folder of earlier runs (e.g. reports/baseline) or leave --baseline out\n");
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("a --baseline that is a file: refused the same way")
    void baselineIsAFile() throws Exception {
        Path run = run();
        Path file = Files.writeString(dir.resolve("baseline.txt"), "x");
        CommandResult result = CommandResult.run("report", "compare", run.toString(), "--baseline", file.toString(),
                "--out", dir.resolve("report.html").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not a folder").hasLineCount(1);
    }

    @Test
    @DisplayName("an existing --baseline folder without this run is fine: the run is shown without a baseline")
    void baselineWithoutThisRun() throws Exception {
        Path run = run();
        Path out = dir.resolve("report.html");
        CommandResult result = CommandResult.run("report", "compare", run.toString(), "--baseline",
                Files.createDirectories(dir.resolve("baseline")).toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(out).exists();
    }
}
