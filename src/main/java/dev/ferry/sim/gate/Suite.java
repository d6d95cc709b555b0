package dev.ferry.sim.gate;

import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import dev.ferry.sim.workload.Strategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads sim/suite.yaml: which workloads (relative to the suite file) to run with which seeds and, for a workload
 * that migrates, with which strategies (absent: the workload's own).
 */
public final class Suite {

    /** One workload, its seeds and its strategies (empty: the workload's). */
    public record Entry(Path workload, List<Long> seeds, List<Strategy> strategies) {

        public Entry {
            seeds = List.copyOf(seeds);
            strategies = List.copyOf(strategies);
        }
    }

    private Suite() {
    }

    /** The {@code seeds} field, {@code "1, 2, 3"}: integers separated by commas. */
    public static List<Long> seeds(Fields fields) throws ConfigException {
        List<Long> seeds = new ArrayList<>();
        for (String seed : fields.text("seeds").split("\\s*,\\s*")) {
            try {
                seeds.add(Long.parseLong(seed.trim()));
            } catch (NumberFormatException e) {
                throw fields.error("seeds", "must be a comma-separated list of integers, was '" + fields.text("seeds")
                        + "'");
            }
        }
        return seeds;
    }

    public static List<Entry> read(Path file) throws ConfigException {
        Fields f = YamlFile.read(file).fields().allowOnly("runs");
        Path dir = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        for (Fields run : f.list("runs")) {
            run.allowOnly("workload", "seeds", "strategies");
            Path workload = dir.resolve(run.text("workload")).normalize();
            if (!workload.toFile().isFile()) {
                throw run.error("workload", "no workload file at " + workload);
            }
            List<Long> seeds = seeds(run);
            List<Strategy> strategies = new ArrayList<>();
            if (run.has("strategies")) {
                for (String label : run.text("strategies").split("\\s*,\\s*")) {
                    strategies.add(Strategy.fromLabel(label.trim()).orElseThrow(() -> run.error("strategies",
                            "'" + label.trim() + "' is not a strategy; one of " + String.join(", ", Strategy.labels()))));
                }
            }
            entries.add(new Entry(workload, seeds, strategies));
        }
        return entries;
    }
}
