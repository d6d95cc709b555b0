package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code report compare} takes: run folders, or a folder of them as {@code sim suite} writes it. */
class ReportCompareFoldersTest {

    @TempDir
    Path dir;

    private Path run(String folder, int seed) throws Exception {
        Path run = Files.createDirectories(dir.resolve("suite").resolve(folder));
        String results = Files.readString(Path.of("src/test/resources/sim/golden-small-seed7.json"))
                .replaceFirst("\"seed\" : 7", "\"seed\" : " + seed);
        Files.writeString(run.resolve("results.json"), results);
        return run;
    }

    @Test
    @DisplayName("a folder of run folders compares every run in it, each named by scenario and seed")
    void folderOfRuns() throws Exception {
        run("a", 1);
        run("b", 2);
        Files.createDirectories(dir.resolve("suite/not-a-run"));
        Path out = dir.resolve("page.html");

        CommandResult result = CommandResult.run("report", "compare", dir.resolve("suite").toString(), "--out",
                out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(out)).contains("small · seed 1", "small · seed 2");
    }

    @Test
    @DisplayName("a folder with no results.json in or under it: one line, exit 2, nothing written")
    void noRuns() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("page.html");

        CommandResult result = CommandResult.run("report", "compare", empty.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("ferry: " + empty + " holds no results.json, nor folders that do; give"
                + " folders written by 'ferry sim run' or 'ferry sim suite'\n");
        assertThat(out).doesNotExist();
    }
}
