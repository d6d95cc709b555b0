package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.FerryCli;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("checkpoint show -v names what the user added, removed and changed, per environment")
class ShowVerboseTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the set on stdout as without -v; on stderr per environment the counts, then each name with versions")
    void namesEveryChange() throws Exception {
        Path ck = dir.resolve("ck");
        new FileCheckpointStore(ck, w -> { }).write(new Checkpoint(3, 1_764_346_984_901L, List.of(
                new EnvironmentState("/venv/site-packages", EnvironmentKind.PYTHON,
                        PackageSet.of(Map.of("pip", "23.2.1", "setuptools", "65.5.0")),
                        PackageSet.of(Map.of("pip", "23.0.1", "jinja2", "3.1.6"))),
                new EnvironmentState("/home/u/R/library", EnvironmentKind.R, PackageSet.EMPTY,
                        PackageSet.of(Map.of("ggplot2", "3.5.0"))))));

        FerryCli.Run run = FerryCli.run("checkpoint", "show", "-v", ck.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(FerryCli.run("checkpoint", "show", ck.toString()).out());
        assertThat(run.err()).isEqualTo("""
                generation 3, written 2025-11-28T16:23:04.901Z
                python /venv/site-packages: 2 packages; 1 added, 1 removed, 1 changed against the baseline
                  added jinja2 3.1.6
                  removed setuptools 65.5.0
                  changed pip 23.2.1 -> 23.0.1
                r /home/u/R/library: 1 packages; 1 added, 0 removed, 0 changed against the baseline
                  added ggplot2 3.5.0
                """);
    }
}
