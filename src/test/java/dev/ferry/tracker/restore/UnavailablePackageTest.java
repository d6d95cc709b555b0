package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.FerryCli;
import dev.ferry.testing.PythonFixtures;
import dev.ferry.testing.PythonFixtures.Venv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ferry restore reports a package pip cannot find, exits 1 and leaves the checkpoint untouched")
class UnavailablePackageTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsPython() {
        PythonFixtures.require();
    }

    @Test
    @DisplayName("from an empty wheel directory: the package is failed with pip's reason")
    void nothingToFind() throws Exception {
        // given a checkpoint in which the user added ferry-missing 1.0, and a wheel directory without it
        Venv venv = PythonFixtures.venv(tmp.resolve("venv"));
        Path empty = Files.createDirectory(tmp.resolve("wheels"));
        Path checkpoint = tmp.resolve("checkpoint");
        RestoreTesting.writeCheckpoint(checkpoint, 3, Map.of(), Map.of("ferry-missing", "1.0"));
        byte[] before = Files.readAllBytes(checkpoint);

        // when restoring from that directory only
        FerryCli.Run run = RestoreTesting.restore(checkpoint, venv.python(), "--no-index", "--find-links",
                empty.toString());

        // then the package is reported failed with the last line pip printed, and the checkpoint is as it was
        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals("failed ferry-missing==1.0: ERROR: No matching distribution found for ferry-missing==1.0",
                run.out().lines().findFirst().orElseThrow(), run.transcript());
        assertTrue(run.out().contains("restore incomplete: 1 of 1 package(s) failed"), run.transcript());
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
        assertFalse(Files.exists(checkpoint.resolveSibling("checkpoint.prev")));
    }

    @Test
    @DisplayName("among packages that can be found: those are installed, only the missing one fails")
    void attributesTheFailure() throws Exception {
        // given a checkpoint with alpha 1.0 (in the wheel directory) and ferry-missing 1.0 (not)
        Venv venv = PythonFixtures.venv(tmp.resolve("venv"));
        Path wheels = tmp.resolve("wheels");
        PythonFixtures.buildWheel(wheels, "alpha", "1.0", 1);
        Path checkpoint = tmp.resolve("checkpoint");
        RestoreTesting.writeCheckpoint(checkpoint, 3, Map.of(), Map.of("alpha", "1.0", "ferry-missing", "1.0"));
        byte[] before = Files.readAllBytes(checkpoint);

        // when restoring: the joint pip install fails, so it is split in halves until the failing package is found
        FerryCli.Run run = RestoreTesting.restore(checkpoint, venv.python(), "--no-index", "--find-links",
                wheels.toString());

        // then alpha is installed, ferry-missing failed, the exit status is 1 and the checkpoint untouched
        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(List.of("installed alpha==1.0",
                "failed ferry-missing==1.0: ERROR: No matching distribution found for ferry-missing==1.0"),
                run.out().lines().limit(2).toList(), run.transcript());
        assertEquals("1.0", PythonFixtures.pipList(venv.python()).get("alpha"));
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
    }
}
