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
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A checkpoint with a correct checksum is still untrusted input: what {@code restore} refuses to
 * hand pip, {@code checkpoint show} refuses to print as requirement lines, in the same words.
 */
@DisplayName("checkpoint show validates exactly as restore does")
class ShowValidatesAsRestoreTest {

    private static final String LOCATION = "/home/jovyan/venv/lib/python3.11/site-packages";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"--index-url=http://127.0.0.1:8765/evil", "-e./x", "foo;rm"})
    @DisplayName("a hostile added name is refused by both, exit 2, with the same reason and nothing on standard output")
    void hostileName(String hostile) throws Exception {
        // given a correctly checksummed checkpoint in which the user "added" alpha 1.0 and a hostile name
        Path checkpoint = forge(python(Map.of(), Map.of("alpha", "1.0", hostile, "1.0")));

        // when showing it and restoring it
        FerryCli.Run show = FerryCli.run("checkpoint", "show", checkpoint.toString());
        FerryCli.Run restore = FerryCli.run("restore", "--checkpoint", checkpoint.toString(), "--python",
                dir.resolve("no-python-needed").toString());

        // then both refuse it with one line naming the entry, for the same reason
        for (FerryCli.Run run : List.of(show, restore)) {
            assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
            assertThat(run.out()).as(run.transcript()).isEmpty();
            assertThat(run.err().lines().count()).as(run.transcript()).isEqualTo(1);
            assertThat(run.err()).as(run.transcript()).contains("'added " + hostile + " 1.0' in " + LOCATION
                    + ": " + hostile + " is not a package name");
        }
        assertThat(reason(show)).isEqualTo(reason(restore));
        assertThat(show.err()).contains("refusing to show this checkpoint").contains("--raw");
        assertThat(restore.err()).contains("refusing to restore this checkpoint").contains("nothing was installed");
    }

    @Test
    @DisplayName("a removed name restore would hand pip uninstall is refused by show too")
    void hostileRemovedName() throws Exception {
        Path checkpoint = forge(python(Map.of("-r/etc/passwd", "1.0"), Map.of()));

        FerryCli.Run show = FerryCli.run("checkpoint", "show", checkpoint.toString());

        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).contains("'removed -r/etc/passwd' in " + LOCATION);
    }

    @Test
    @DisplayName("show is stricter where it prints: a hostile baseline or R entry restore never reads is refused by show")
    void stricterWherePrinted() throws Exception {
        Path baseline = forge(python(Map.of("--pre", "1.0"), Map.of("--pre", "1.0")));
        Path rLibrary = forge(new EnvironmentState("/usr/lib/R/library", EnvironmentKind.R, PackageSet.EMPTY,
                PackageSet.of(Map.of("ggplot2", "3.5.0;rm"))));

        FerryCli.Run showBaseline = FerryCli.run("checkpoint", "show", baseline.toString());
        FerryCli.Run showR = FerryCli.run("checkpoint", "show", rLibrary.toString());

        assertThat(showBaseline.exitCode()).isEqualTo(2);
        assertThat(showBaseline.err()).contains("'baseline --pre 1.0' in " + LOCATION + ": --pre is not a package name");
        assertThat(showBaseline.out()).isEmpty();
        assertThat(showR.exitCode()).isEqualTo(2);
        assertThat(showR.err()).contains("'added ggplot2 3.5.0;rm' in /usr/lib/R/library: 3.5.0;rm is not a version");
        assertThat(showR.out()).isEmpty();
    }

    @Test
    @DisplayName("R's and distributions' versions that are no PEP 440 version are printed as they are")
    void plainVersionsArePrinted() throws Exception {
        Path checkpoint = forge(
                python(Map.of("distro-info", "1.1build1"), Map.of("distro-info", "1.1build1", "alpha", "1.0")),
                new EnvironmentState("/usr/lib/R/library", EnvironmentKind.R, PackageSet.EMPTY,
                        PackageSet.of(Map.of("MASS", "7.3-60.0.1"))));

        FerryCli.Run show = FerryCli.run("checkpoint", "show", checkpoint.toString());

        assertThat(show.exitCode()).as(show.transcript()).isZero();
        assertThat(show.out()).isEqualTo("MASS==7.3-60.0.1\nalpha==1.0\ndistro-info==1.1build1\n");
    }

    /** The part of the error after "this checkpoint: " and before the command's own consequence. */
    private static String reason(FerryCli.Run run) {
        String err = run.err();
        int start = err.indexOf("this checkpoint: ") + "this checkpoint: ".length();
        return err.substring(start, err.indexOf("; nothing was", start));
    }

    private Path forge(EnvironmentState... envs) throws Exception {
        Path file = Files.createTempFile(dir, "checkpoint", "");
        Files.writeString(file, CheckpointFormat.encode(new Checkpoint(3, 0, List.of(envs))));
        return file;
    }

    private static EnvironmentState python(Map<String, String> baseline, Map<String, String> current) {
        return new EnvironmentState(LOCATION, EnvironmentKind.PYTHON, PackageSet.of(baseline), PackageSet.of(current));
    }
}
