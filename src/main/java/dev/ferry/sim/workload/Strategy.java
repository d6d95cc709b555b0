package dev.ferry.sim.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How sessions are moved: the idle-aware scheduler, a fixed rate blind to activity, or all at once. */
public enum Strategy {
    IDLE_AWARE,
    ROLLING,
    BIG_BANG;

    /** The name used in workloads, on the command line and in results.json: {@code idle-aware}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Strategy> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    /** The labels, for error messages and choices. */
    public static java.util.List<String> labels() {
        return Arrays.stream(values()).map(Strategy::label).toList();
    }
}
