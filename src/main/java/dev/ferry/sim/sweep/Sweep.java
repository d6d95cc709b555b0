package dev.ferry.sim.sweep;

import dev.ferry.model.config.ConfigException;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as its file states it, validated: the base workload (read from {@code workloadFile}, whose text has the
 * digest {@code workloadSha256}), the parameters and their values, and the seeds. Its runs are every setting of
 * the grid (the first parameter varies slowest) × every seed (fastest): run {@code i} is setting
 * {@code i / seeds} with seed {@code i % seeds}, the same on every machine.
 */
public record Sweep(Path file, String name, Path workloadFile, String workloadSha256, List<SweepParameter> parameters,
        List<Long> seeds) {

    public Sweep {
        parameters = List.copyOf(parameters);
        seeds = List.copyOf(seeds);
    }

    /** How many settings the grid has: the product of the parameters' value counts. */
    public int settingCount() {
        int count = 1;
        for (SweepParameter p : parameters) {
            count *= p.values().size();
        }
        return count;
    }

    public int runCount() {
        return settingCount() * seeds.size();
    }

    /** Run {@code index}, 0 to {@code runCount() - 1}. */
    public SweepRun run(int index) {
        if (index < 0 || index >= runCount()) {
            throw new IndexOutOfBoundsException("the sweep has runs 0 to " + (runCount() - 1) + ", not " + index);
        }
        return new SweepRun(index, setting(index / seeds.size()), seeds.get(index % seeds.size()));
    }

    /** Every run, in index order. */
    public List<SweepRun> runs() {
        List<SweepRun> runs = new ArrayList<>();
        for (int i = 0; i < runCount(); i++) {
            runs.add(run(i));
        }
        return runs;
    }

    /** Setting {@code s} of the grid: the last parameter varies fastest. */
    Map<String, String> setting(int s) {
        Map<String, String> setting = new LinkedHashMap<>();
        int rest = s;
        int[] picks = new int[parameters.size()];
        for (int p = parameters.size() - 1; p >= 0; p--) {
            int n = parameters.get(p).values().size();
            picks[p] = rest % n;
            rest /= n;
        }
        for (int p = 0; p < parameters.size(); p++) {
            setting.put(parameters.get(p).field(), parameters.get(p).values().get(picks[p]));
        }
        return setting;
    }

    /** The base workload with the run's setting, read and checked as a workload file saying so would be. */
    public Workload workload(SweepRun run) throws ConfigException {
        return WorkloadReader.read(workloadFile, overrides(run.setting()));
    }

    Map<List<String>, String> overrides(Map<String, String> setting) {
        Map<List<String>, String> overrides = new LinkedHashMap<>();
        for (SweepParameter p : parameters) {
            if (setting.containsKey(p.field())) {
                overrides.put(p.path(), setting.get(p.field()));
            }
        }
        return overrides;
    }
}
