package dev.ferry.sim.session;

import dev.ferry.model.PipTiming;
import dev.ferry.sim.fs.Distribution;
import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.sim.fs.SimulatedPipRunner;
import dev.ferry.time.Clock;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointStore;
import dev.ferry.tracker.restore.Outcome;
import dev.ferry.tracker.restore.Pin;
import dev.ferry.tracker.restore.Restore;
import dev.ferry.tracker.restore.RestoreException;
import dev.ferry.tracker.restore.RestoreReport;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code ferry restore} in a new simulated Python container: the product's {@link Restore} over
 * the container's environment, with pip simulated on virtual time ({@link SimulatedPipRunner}),
 * writing its rebased generation to the session's home as the real one does. Each pin the user
 * had is unavailable from the package index with the pip model's {@code unavailable_at_restore}
 * share, drawn once per restore.
 */
public final class ContainerRestore {

    /** How one restore went: how long it took, what the environment holds after it, and what it could not bring back. */
    record Result(boolean succeeded, long nanos, Map<String, Distribution> installed, int notRestored) {
    }

    private final PipTiming timing;
    private final double unavailableShare;
    private final SplittableRandom random;

    public ContainerRestore(PipTiming timing, double unavailableShare, SplittableRandom random) {
        this.timing = timing;
        this.unavailableShare = unavailableShare;
        this.random = random;
    }

    /**
     * Restores {@code checkpoint} into {@code tree}, which holds {@code image}, starting at the
     * clock's now. {@code known} gives the sizes of the distributions the user had.
     */
    Result run(Checkpoint checkpoint, SimulatedEnvironment tree, Map<String, Distribution> image,
               Map<String, Distribution> known, CheckpointStore home, Clock clock) {
        Map<Pin, Boolean> unavailable = new HashMap<>();
        SimulatedPipRunner pip = new SimulatedPipRunner(tree, image, known, timing, random,
                pin -> unavailable.computeIfAbsent(pin, p -> unavailableShare > 0 && random.nextDouble() < unavailableShare));
        Clock during = new Clock() {
            @Override
            public long nanos() {
                return clock.nanos() + pip.elapsedNanos();
            }

            @Override
            public long epochMillis() {
                return clock.epochMillis() + pip.elapsedNanos() / 1_000_000L;
            }
        };
        RestoreReport report;
        try {
            report = new Restore(pip, tree, home, during).run(checkpoint, Optional.empty(), false);
        } catch (RestoreException | IOException e) {
            throw new IllegalStateException("the restore refused a checkpoint the tracker wrote: " + e.getMessage(), e);
        }
        return new Result(report.succeeded(), pip.elapsedNanos(), pip.installed(),
                (int) report.count(Outcome.Status.FAILED));
    }

    /** The packages of {@code set} as distributions, sized as {@code known} has them. */
    static Map<String, Distribution> sized(PackageSet set, Map<String, Distribution> known) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        set.forEach((key, version) -> out.put(key, Distribution.sized(key, version, known)));
        return out;
    }
}
