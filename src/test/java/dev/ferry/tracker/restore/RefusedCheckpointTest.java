package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.FerryCli;
import dev.ferry.testing.PythonFixtures;
import dev.ferry.testing.PythonFixtures.Venv;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An untrustworthy checkpoint installs nothing at all: every checkpoint here also asks for alpha
 * 1.0, which the wheel directory has, so a restore that went ahead in part would show in pip list.
 */
@DisplayName("ferry restore refuses an untrustworthy checkpoint as a whole and installs nothing")
class RefusedCheckpointTest {

    /** One venv for the class: a refused restore leaves it as it is, which each test checks. */
    @TempDir
    static Path shared;

    private static Venv venv;
    private static Path wheels;
    private static Map<String, String> image;

    @TempDir
    Path tmp;

    private Path checkpoint;

    @BeforeAll
    static void newImage() {
        PythonFixtures.require();
        venv = PythonFixtures.venv(shared.resolve("venv"));
        wheels = shared.resolve("wheels");
        PythonFixtures.buildWheel(wheels, "alpha", "1.0", 1);
        PythonFixtures.buildWheel(wheels, "alpha", "2.0", 1);
        image = PythonFixtures.pipList(venv.python());
    }

    @BeforeEach
    void checkpointPath() {
        checkpoint = tmp.resolve("checkpoint");
    }

    @Test
    @DisplayName("a checkpoint whose version line was edited without fixing its checksum")
    void tampered() throws Exception {
        // given a checkpoint asking for alpha 1.0, edited by hand to ask for alpha 2.0 (also installable)
        RestoreTesting.writeCheckpoint(checkpoint, 3, Map.of(), Map.of("alpha", "1.0"));
        String text = Files.readString(checkpoint);
        assertTrue(text.contains("\nadded alpha 1.0\n"));
        Files.writeString(checkpoint, text.replace("\nadded alpha 1.0\n", "\nadded alpha 2.0\n"));
        byte[] before = Files.readAllBytes(checkpoint);

        // when restoring it
        FerryCli.Run run = RestoreTesting.restore(checkpoint, venv.python(), "--no-index", "--find-links",
                wheels.toString());

        // then it is refused with one line that says the checkpoint is damaged, and nothing changed
        assertNotEquals(0, run.exitCode(), run.transcript());
        assertEquals("", run.out(), run.transcript());
        assertEquals(1, run.err().lines().count(), run.transcript());
        assertTrue(run.err().contains("is damaged: its checksum does not match"), run.transcript());
        assertEquals(image, PythonFixtures.pipList(venv.python()));
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
    }

    @ParameterizedTest(name = "version \"{0}\"")
    @ValueSource(strings = {"1.0;rm", "--index-url=http://127.0.0.1:9/simple", "2.0@file:///tmp/x.whl"})
    @DisplayName("a correctly checksummed checkpoint with a version pip must not see")
    void evilVersion(String evil) throws Exception {
        // given a checkpoint with a valid checksum asking for alpha 1.0 and for beta at an evil version
        Checkpoint forged = new Checkpoint(2, 0, List.of(new EnvironmentState(RestoreTesting.OLD_LOCATION,
                EnvironmentKind.PYTHON, PackageSet.EMPTY, PackageSet.of(Map.of("alpha", "1.0", "beta", evil)))));
        Files.writeString(checkpoint, CheckpointFormat.encode(forged), StandardCharsets.UTF_8);

        // when restoring it
        FerryCli.Run run = RestoreTesting.restore(checkpoint, venv.python(), "--no-index", "--find-links",
                wheels.toString());

        // then the whole checkpoint is refused as a bad input file, the error names the entry, and alpha was not installed either
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals(1, run.err().lines().count(), run.transcript());
        assertTrue(run.err().contains("refusing to restore this checkpoint: 'added beta " + evil + "'"), run.transcript());
        assertEquals(image, PythonFixtures.pipList(venv.python()));
        assertFalse(Files.exists(checkpoint.resolveSibling("checkpoint.prev")));
    }
}
