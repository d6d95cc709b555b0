package dev.ferry.api.control;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import java.util.List;
import java.util.Map;

/** Checkpoint texts as the tracker writes them, for tests of the control plane. */
public final class Checkpoints {

    private Checkpoints() {
    }

    /** Generation {@code generation} written at {@code writtenAt}, one environment that added numpy. */
    public static String text(long generation, long writtenAt) {
        return text(generation, writtenAt, "2.4.6");
    }

    /** The same, with numpy at {@code numpyVersion} so that two texts of one generation can differ. */
    public static String text(long generation, long writtenAt, String numpyVersion) {
        PackageSet baseline = PackageSet.of(Map.of("pip", "23.2.1"));
        PackageSet current = PackageSet.of(Map.of("pip", "23.2.1", "numpy", numpyVersion));
        return CheckpointFormat.encode(new Checkpoint(generation, writtenAt, List.of(
                new EnvironmentState("/home/jovyan/venv/lib/python3.11/site-packages", EnvironmentKind.PYTHON,
                        baseline, current))));
    }
}
