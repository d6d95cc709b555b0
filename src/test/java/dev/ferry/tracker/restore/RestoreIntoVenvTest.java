package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.FerryCli;
import dev.ferry.testing.PythonFixtures;
import dev.ferry.testing.PythonFixtures.Venv;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ferry restore re-applies a checkpoint to a real venv and rebases the checkpoint on it")
class RestoreIntoVenvTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsPython() {
        PythonFixtures.require();
    }

    @Test
    @DisplayName("installs what the user added or changed, removes what they removed, and writes the next generation")
    void restoresAndRebases() throws Exception {
        // given a new image: a venv that ships gamma 1.0 and delta 1.0 besides pip and setuptools
        Venv venv = PythonFixtures.venv(tmp.resolve("venv"));
        Path wheels = tmp.resolve("wheels");
        PythonFixtures.buildWheel(wheels, "alpha", "1.0", 2);
        PythonFixtures.buildWheel(wheels, "beta", "2.0", 1);
        PythonFixtures.buildWheel(wheels, "gamma", "1.0", 0);
        PythonFixtures.buildWheel(wheels, "gamma", "2.0", 0);
        PythonFixtures.buildWheel(wheels, "delta", "1.0", 0);
        PythonFixtures.installOffline(venv.python(), wheels, "gamma==1.0", "delta==1.0");
        Map<String, String> image = PythonFixtures.pipList(venv.python());
        // and a checkpoint from the old container (another path) where, on an image with pip,
        // setuptools and gamma 1.0, the user added alpha, beta and delta, upgraded gamma and removed setuptools
        Map<String, String> oldBaseline = Map.of("pip", image.get("pip"), "setuptools", image.get("setuptools"),
                "gamma", "1.0");
        Map<String, String> userHad = Map.of("pip", image.get("pip"), "gamma", "2.0", "alpha", "1.0", "beta", "2.0",
                "delta", "1.0");
        Path checkpoint = tmp.resolve("checkpoint");
        RestoreTesting.writeCheckpoint(checkpoint, 4, oldBaseline, userHad);

        // when restoring it into the venv from the wheel directory
        FerryCli.Run run = RestoreTesting.restore(checkpoint, venv.python(), "--no-index", "--find-links",
                wheels.toString());

        // then every package is reported, the venv has exactly what the user had, and it exits 0
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(List.of("removed setuptools", "installed alpha==1.0", "installed beta==2.0", "installed gamma==2.0",
                "already-present delta==1.0"), run.out().lines().limit(5).toList(), run.transcript());
        assertTrue(run.out().lines().toList().get(5).startsWith("restored 5 package(s) (3 installed, 1 removed,"
                + " 1 already as wanted)"), run.transcript());
        Map<String, String> after = PythonFixtures.pipList(venv.python());
        assertEquals(new TreeMap<>(userHad), after);
        // and generation 5 is rebased on this image: its baseline is the image as found, except that delta,
        // which the user added and this image happens to ship, stays the user's; its location is this venv
        Checkpoint written = new FileCheckpointStore(checkpoint, w -> { }).loadExact().orElseThrow();
        assertEquals(5, written.generation());
        EnvironmentState env = written.environments().get(0);
        assertEquals(venv.purelib().toString(), env.location());
        Map<String, String> rebased = new TreeMap<>(image);
        rebased.remove("delta");
        assertEquals(PackageSet.of(rebased), env.baseline());
        assertEquals(Map.of("delta", "1.0", "alpha", "1.0", "beta", "2.0"), env.diff().added());
        assertEquals(PackageSet.of(after), env.current());
        // and the generation restored from is kept as FILE.prev
        Path previous = checkpoint.resolveSibling("checkpoint.prev");
        assertEquals(4, new FileCheckpointStore(previous, w -> { }).loadExact().orElseThrow().generation());
    }
}
