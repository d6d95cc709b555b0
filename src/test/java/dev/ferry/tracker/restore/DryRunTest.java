package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

@DisplayName("ferry restore --dry-run prints the plan against the real venv and changes nothing")
class DryRunTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsPython() {
        PythonFixtures.require();
    }

    @Test
    @DisplayName("would-install, would-remove and already-present lines, exit 0, venv and checkpoint as they were")
    void plansOnly() throws Exception {
        // given a venv (pip, setuptools) and a checkpoint where the user added alpha, kept pip and removed setuptools
        Venv venv = PythonFixtures.venv(tmp.resolve("venv"));
        Map<String, String> image = PythonFixtures.pipList(venv.python());
        Path checkpoint = tmp.resolve("checkpoint");
        RestoreTesting.writeCheckpoint(checkpoint, 2, image, Map.of("pip", image.get("pip"), "alpha", "1.0"));
        byte[] before = Files.readAllBytes(checkpoint);

        // when restoring with --dry-run
        FerryCli.Run run = FerryCli.run("restore", "--dry-run", "--checkpoint", checkpoint.toString(),
                "--python", venv.python().toString());

        // then it prints the plan and nothing changed
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(List.of("would-remove setuptools", "would-install alpha==1.0",
                "dry run: would install 1 and remove 1 package(s) in " + venv.purelib()
                        + "; 0 already as wanted; nothing was changed"), run.out().lines().toList(), run.transcript());
        assertEquals(image, PythonFixtures.pipList(venv.python()));
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
    }
}
