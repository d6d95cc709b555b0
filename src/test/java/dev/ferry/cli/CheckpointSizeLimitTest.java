package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import dev.ferry.tracker.checkpoint.CheckpointText;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint far larger than any real environment is refused with one line that states the limit. */
@DisplayName("show and restore refuse a checkpoint over the stated limits")
class CheckpointSizeLimitTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a file over 16 MiB is refused from its size, before it is read (here 3 GiB, sparse)")
    void overSixteenMebibytes() throws Exception {
        Path huge = dir.resolve("checkpoint");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);
        }

        for (FerryCli.Run run : List.of(FerryCli.run("checkpoint", "show", huge.toString()),
                FerryCli.run("restore", "--checkpoint", huge.toString(), "--python", "/no/python"))) {
            assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
            assertThat(run.err().lines().count()).as(run.transcript()).isEqualTo(1);
            assertThat(run.err()).as(run.transcript()).startsWith("ferry: " + huge + " is 3072.0 MiB, more than the 16 MiB"
                    + " a checkpoint may be").contains("it was not read").doesNotContain("Exception", "\tat ");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    @DisplayName("an environment of more than 100,000 entries is refused, naming the limit and the line")
    void overAHundredThousandEntries() throws Exception {
        TreeMap<String, String> packages = new TreeMap<>();
        for (int i = 0; i <= CheckpointText.MAX_ENTRIES_PER_ENVIRONMENT; i++) {
            packages.put("p" + i, "1");
        }
        Path checkpoint = dir.resolve("checkpoint");
        Files.writeString(checkpoint, CheckpointFormat.encode(new Checkpoint(2, 0, List.of(new EnvironmentState(
                "/venv", EnvironmentKind.PYTHON, PackageSet.EMPTY, PackageSet.of(packages))))));
        assertThat(Files.size(checkpoint)).isLessThan(CheckpointText.MAX_BYTES);

        FerryCli.Run run = FerryCli.run("checkpoint", "show", checkpoint.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains(checkpoint + " line 100008: the environment /venv has more than 100000 entries");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("--help states both limits")
    void helpStatesTheLimits() {
        for (String[] help : List.of(new String[] {"restore", "--help"}, new String[] {"checkpoint", "show", "--help"})) {
            assertThat(FerryCli.run(help).out().replaceAll("\\s+", " "))
                    .contains("over 16 MiB or with more than 100,000 entries in one environment");
        }
    }

    @Test
    @DisplayName("an environment of exactly 100,000 entries is shown")
    void atTheLimit() throws Exception {
        TreeMap<String, String> packages = new TreeMap<>();
        for (int i = 0; i < CheckpointText.MAX_ENTRIES_PER_ENVIRONMENT; i++) {
            packages.put("p" + i, "1");
        }
        Path checkpoint = dir.resolve("checkpoint");
        Files.writeString(checkpoint, CheckpointFormat.encode(new Checkpoint(2, 0, List.of(new EnvironmentState(
                "/venv", EnvironmentKind.PYTHON, PackageSet.of(Map.of()), PackageSet.of(packages))))));

        FerryCli.Run run = FerryCli.run("checkpoint", "show", checkpoint.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().count()).isEqualTo(CheckpointText.MAX_ENTRIES_PER_ENVIRONMENT);
    }
}
