package dev.ferry.tracker.checkpoint;

import dev.ferry.tracker.PackageSet;
import java.util.List;
import java.util.TreeMap;

/**
 * The state of every tracked environment at one generation. Generations grow by one with every
 * checkpoint written, so a reader can tell which of two checkpoints is newer.
 */
public record Checkpoint(long generation, long writtenAtEpochMillis, List<EnvironmentState> environments) {

    public Checkpoint {
        if (generation < 1) {
            throw new IllegalArgumentException("generation starts at 1, was " + generation);
        }
        environments = List.copyOf(environments);
    }

    /**
     * Everything installed, across environments. When a name is in several environments the first
     * one listed wins, as on {@code sys.path} and R's {@code .libPaths()}.
     */
    public PackageSet packages() {
        if (environments.size() == 1) {
            return environments.get(0).current();
        }
        TreeMap<String, String> all = new TreeMap<>();
        for (int i = environments.size() - 1; i >= 0; i--) {
            all.putAll(environments.get(i).current().asMap());
        }
        return PackageSet.of(all);
    }
}
