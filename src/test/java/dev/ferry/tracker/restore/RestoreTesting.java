package dev.ferry.tracker.restore;

import dev.ferry.testing.FerryCli;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared steps of the restore tests that run a real venv. */
final class RestoreTesting {

    /** Where the checkpoints of these tests say the user's environment was: another container's path. */
    static final String OLD_LOCATION = "/home/jovyan/venv/lib/python3.11/site-packages";

    private RestoreTesting() {
    }

    /** Writes generation {@code generation} with one Python environment, as the tracker would have. */
    static void writeCheckpoint(Path file, long generation, Map<String, String> baseline, Map<String, String> current) {
        EnvironmentState env = new EnvironmentState(OLD_LOCATION, EnvironmentKind.PYTHON, PackageSet.of(baseline),
                PackageSet.of(current));
        try {
            new FileCheckpointStore(file, warning -> { }).write(new Checkpoint(generation, 1_700_000_000_000L, List.of(env)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ferry restore --checkpoint FILE --python PYTHON [-- PIP_ARGS]}, in this JVM. */
    static FerryCli.Run restore(Path checkpoint, Path python, String... pipArgs) {
        List<String> args = new ArrayList<>(List.of("restore", "--checkpoint", checkpoint.toString(),
                "--python", python.toString()));
        if (pipArgs.length > 0) {
            args.add("--");
            args.addAll(List.of(pipArgs));
        }
        return FerryCli.run(args.toArray(String[]::new));
    }
}
