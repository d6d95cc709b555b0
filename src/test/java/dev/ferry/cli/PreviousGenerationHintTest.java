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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user whose checkpoint is gone but whose previous generation is intact is told so, and how to use it. */
@DisplayName("a missing checkpoint with an intact FILE.prev: the error names the generation and how to use it")
class PreviousGenerationHintTest {

    @TempDir
    Path dir;

    private Path ck;

    @BeforeEach
    void fiveGenerationsThenTheFileIsLost() throws Exception {
        ck = dir.resolve("ck");
        FileCheckpointStore store = new FileCheckpointStore(ck, w -> { });
        for (int generation = 1; generation <= 6; generation++) {
            store.write(new Checkpoint(generation, 0, List.of(new EnvironmentState("/v", EnvironmentKind.PYTHON,
                    PackageSet.EMPTY, PackageSet.of(Map.of("numpy", generation + ".0"))))));
        }
        Files.delete(ck);
    }

    @Test
    @DisplayName("restore --checkpoint ck: 'pass --checkpoint ck.prev or copy it back'")
    void restore() {
        FerryCli.Run run = FerryCli.run("restore", "--checkpoint", ck.toString(), "--python", "/no/python");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ferry: checkpoint " + ck + " does not exist; the previous generation 5 in "
                + ck + ".prev is intact: pass --checkpoint " + ck + ".prev or copy it back to " + ck + "\n");
    }

    @Test
    @DisplayName("checkpoint show ck: 'show it with ferry checkpoint show ck.prev or copy it back'")
    void show() {
        FerryCli.Run run = FerryCli.run("checkpoint", "show", ck.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ferry: checkpoint " + ck + " does not exist; the previous generation 5 in "
                + ck + ".prev is intact: show it with 'ferry checkpoint show " + ck + ".prev' or copy it back to "
                + ck + "\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("with no previous generation either: just 'does not exist'")
    void nothingAtAll() throws Exception {
        Files.delete(dir.resolve("ck.prev"));

        FerryCli.Run run = FerryCli.run("checkpoint", "show", ck.toString());

        assertThat(run.err()).isEqualTo("ferry: checkpoint " + ck + " does not exist\n");
    }
}
