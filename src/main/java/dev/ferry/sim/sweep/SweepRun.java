package dev.ferry.sim.sweep;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run of a sweep: its index (what a Kubernetes Indexed Job's pod is given), its setting (each parameter's
 * value, in the sweep file's order) and its seed.
 */
public record SweepRun(int index, Map<String, String> setting, long seed) {

    public SweepRun {
        setting = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(setting));
    }

    /** The setting as the report and the logs name it: {@code budgets.max_concurrent=50, idle_threshold_minutes=30}. */
    public String settingName() {
        return setting.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * The run's folder in the sweep's output, from its setting and seed (not its index, so that a sweep given one
     * more value finds the runs it already has): {@code budgets.max_concurrent=50,idle_threshold_minutes=30,seed=2}.
     */
    public String folderName() {
        return settingName().replace(", ", ",") + ",seed=" + seed;
    }

    /** {@code run 5 (budgets.max_concurrent=50, seed 2)}, for progress and failures. */
    public String describe() {
        return "run " + index + " (" + settingName() + ", seed " + seed + ")";
    }
}
