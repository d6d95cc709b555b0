package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promise: 2 for bad options or input files; 1 is kept for a check that failed (a package). */
@DisplayName("checkpoint show and restore exit 2 for a checkpoint file that is missing, damaged or not one")
class CheckpointInputExitStatusTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("missing, truncated, damaged and not a checkpoint: exit 2 from both commands, one line each")
    void badCheckpointFiles() throws Exception {
        Path good = dir.resolve("good");
        new FileCheckpointStore(good, w -> { }).write(new Checkpoint(1, 0, List.of(new EnvironmentState("/v",
                EnvironmentKind.PYTHON, PackageSet.EMPTY, PackageSet.of(Map.of("numpy", "2.0"))))));
        String text = Files.readString(good);
        Path truncated = Files.writeString(dir.resolve("truncated"), text.substring(0, text.length() / 2));
        Path damaged = Files.writeString(dir.resolve("damaged"), text.replace("numpy 2.0", "numpy 9.0"));
        Path other = Files.writeString(dir.resolve("other"), "hello\n");
        Path missing = dir.resolve("missing");

        for (Path bad : List.of(missing, truncated, damaged, other)) {
            for (FerryCli.Run run : List.of(FerryCli.run("checkpoint", "show", bad.toString()),
                    FerryCli.run("restore", "--checkpoint", bad.toString(), "--python", "/no/python"))) {
                assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
                assertThat(run.err().lines().count()).as(run.transcript()).isEqualTo(1);
                assertThat(run.err()).as(run.transcript()).startsWith("ferry: ").contains(bad.toString());
                assertThat(run.out()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("the help texts state it")
    void helpSaysSo() {
        assertThat(FerryCli.run("restore", "--help").out().replaceAll("\\s+", " "))
                .contains("1 when a package failed; 2 for bad options")
                .contains("a checkpoint file that is missing, damaged, over the limits or refused");
        assertThat(FerryCli.run("checkpoint", "show", "--help").out().replaceAll("\\s+", " "))
                .contains("2 for bad options, or a checkpoint file that is missing, damaged, over the limits, or refused");
    }
}
