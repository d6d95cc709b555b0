package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checkpoint show --raw} is for forensics: the file's text, never mistakable for requirements. */
@DisplayName("checkpoint show --raw prints a refused or damaged checkpoint's text, unvalidated and not as requirements")
class ShowRawTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a refused checkpoint: a warning on stderr, every line prefixed and escaped, exit 0")
    void refusedCheckpoint() throws Exception {
        Path checkpoint = dir.resolve("checkpoint");
        Files.writeString(checkpoint, CheckpointFormat.encode(new Checkpoint(3, 0, List.of(new EnvironmentState(
                "/venv", EnvironmentKind.PYTHON, PackageSet.EMPTY,
                PackageSet.of(Map.of("--index-url=http://127.0.0.1:8765/evil", "1.0", "x\u001b[2J", "1.0")))))));

        FerryCli.Run run = FerryCli.run("checkpoint", "show", "--raw", checkpoint.toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.err()).startsWith("ferry: warning: " + checkpoint + " was not validated");
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("# ferry checkpoint show --raw: the text of " + checkpoint)
                .contains("NOT VALIDATED").contains("not a requirements file");
        assertThat(lines).allMatch(line -> line.startsWith("# ") || line.startsWith("| "));
        assertThat(lines).contains("| added --index-url=http://127.0.0.1:8765/evil 1.0", "| added x\\u001b[2J 1.0",
                "| ferry-checkpoint 1");
        assertThat(run.out()).doesNotContain("\u001b");
        assertThat(lines.stream().filter(l -> l.startsWith("| ")).count())
                .isEqualTo(Files.readString(checkpoint).lines().count());
    }

    @Test
    @DisplayName("a truncated checkpoint is printed as far as it goes, and the missing newline is said")
    void truncated() throws Exception {
        Path checkpoint = Files.writeString(dir.resolve("checkpoint"), "ferry-checkpoint 1\ngenera");

        FerryCli.Run run = FerryCli.run("checkpoint", "show", "--raw", checkpoint.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith("| ferry-checkpoint 1\n| genera\n# (the file does not end with a newline)\n");
    }

    @Test
    @DisplayName("a missing file is still a bad input file, and --raw with --verbose a bad option")
    void badInput() {
        FerryCli.Run missing = FerryCli.run("checkpoint", "show", "--raw", dir.resolve("nope").toString());
        FerryCli.Run both = FerryCli.run("checkpoint", "show", "--raw", "-v", dir.resolve("nope").toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("cannot be combined with --verbose");
    }
}
