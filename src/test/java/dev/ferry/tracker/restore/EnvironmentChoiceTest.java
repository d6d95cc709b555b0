package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Restore chooses which checkpoint environment to re-apply to the interpreter's site-packages")
class EnvironmentChoiceTest {

    private static final String TARGET = "/opt/venv/lib/python3.11/site-packages";

    @Test
    @DisplayName("the Python environment recorded at the interpreter's site-packages, among several")
    void byLocation() throws RestoreException {
        Checkpoint checkpoint = checkpoint(python("/home/u/other/site-packages"), python(TARGET), r("/usr/lib/R/library"));
        EnvironmentChoice choice = EnvironmentChoice.choose(checkpoint, TARGET, Optional.empty());
        assertEquals(1, choice.index());
        assertEquals(List.of("skipped python /home/u/other/site-packages: not the environment being restored",
                "skipped r /usr/lib/R/library: R libraries are not restored by this command"), choice.notes());
    }

    @Test
    @DisplayName("two spellings of the same path are one location")
    void normalizedLocation() throws RestoreException {
        Checkpoint checkpoint = checkpoint(python("/home/u/other"), python("/opt/venv/lib/./python3.11//site-packages/"));
        assertEquals(1, EnvironmentChoice.choose(checkpoint, TARGET, Optional.empty()).index());
    }

    @Test
    @DisplayName("else the only Python environment, recorded elsewhere (the same image mounted at another path)")
    void theOnlyPythonEnvironment() throws RestoreException {
        Checkpoint checkpoint = checkpoint(r("/usr/lib/R/library"), python("/home/jovyan/venv/lib/python3.11/site-packages"));
        EnvironmentChoice choice = EnvironmentChoice.choose(checkpoint, TARGET, Optional.empty());
        assertEquals(1, choice.index());
        assertEquals(List.of("skipped r /usr/lib/R/library: R libraries are not restored by this command"), choice.notes());
    }

    @Test
    @DisplayName("else, with several Python environments and none at the target, an error that asks for --env")
    void ambiguous() {
        Checkpoint checkpoint = checkpoint(python("/a/site-packages"), python("/b/site-packages"));
        RestoreException e = assertThrows(RestoreException.class,
                () -> EnvironmentChoice.choose(checkpoint, TARGET, Optional.empty()));
        assertTrue(e.getMessage().contains("--env DIR"), e.getMessage());
        assertTrue(e.getMessage().contains("[/a/site-packages, /b/site-packages]"), e.getMessage());
    }

    @Test
    @DisplayName("--env picks an environment by its recorded location, over one at the target")
    void requested() throws RestoreException {
        Checkpoint checkpoint = checkpoint(python(TARGET), python("/b/site-packages"));
        EnvironmentChoice choice = EnvironmentChoice.choose(checkpoint, TARGET, Optional.of("/b/site-packages"));
        assertEquals(1, choice.index());
        assertTrue(choice.notes().get(0).startsWith("replaced python " + TARGET), choice.notes().toString());
    }

    @Test
    @DisplayName("--env naming no environment, or an R library, is an error")
    void requestedWrongly() {
        Checkpoint checkpoint = checkpoint(python("/a/site-packages"), r("/usr/lib/R/library"));
        assertThrows(RestoreException.class, () -> EnvironmentChoice.choose(checkpoint, TARGET, Optional.of("/nowhere")));
        RestoreException e = assertThrows(RestoreException.class,
                () -> EnvironmentChoice.choose(checkpoint, TARGET, Optional.of("/usr/lib/R/library")));
        assertTrue(e.getMessage().contains("R library"), e.getMessage());
    }

    @Test
    @DisplayName("a checkpoint of R libraries only has nothing to restore")
    void onlyR() {
        RestoreException e = assertThrows(RestoreException.class,
                () -> EnvironmentChoice.choose(checkpoint(r("/usr/lib/R/library")), TARGET, Optional.empty()));
        assertTrue(e.getMessage().contains("no Python environment"), e.getMessage());
    }

    private static EnvironmentState python(String location) {
        return new EnvironmentState(location, EnvironmentKind.PYTHON, PackageSet.EMPTY, PackageSet.EMPTY);
    }

    private static EnvironmentState r(String location) {
        return new EnvironmentState(location, EnvironmentKind.R, PackageSet.EMPTY, PackageSet.EMPTY);
    }

    private static Checkpoint checkpoint(EnvironmentState... envs) {
        return new Checkpoint(3, 0, List.of(envs));
    }
}
