package dev.ferry.cli;

import dev.ferry.sim.parallel.SideBySide;
import picocli.CommandLine.Option;

/** {@code --parallel N}, shared by the suite and the sweeps: how many runs go side by side. */
final class ParallelOption {

    @Option(names = "--parallel", paramLabel = "N", description = "At most N runs side by side, as many as the heap"
            + " holds (default: the machine's cores); each run's results are the same as run alone.")
    Integer parallel;

    /** {@code --parallel N}, or the machine's cores when not given. */
    int runs() {
        if (parallel == null) {
            return SideBySide.cores();
        }
        if (parallel < 1) {
            throw new UserError("--parallel must be at least 1, was " + parallel, 2);
        }
        return parallel;
    }
}
