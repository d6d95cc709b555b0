package dev.ferry.report.compare;

import dev.ferry.report.compare.RunKey.GroupKey;
import java.util.Arrays;
import java.util.List;

/**
 * The runs of one scenario and strategy, one per seed: the samples a {@link Contrast} compares. A seed that
 * appears twice (the same run twice, e.g. before and after a change) is set apart in {@code repeated}: its
 * second run is not a new sample.
 */
public record Group(GroupKey key, List<RunData> runs, List<RunData> repeated) {

    /** The figure's value in each run that has it. */
    public double[] values(Figure figure) {
        return runs.stream().mapToDouble(r -> figure.value(r.results())).filter(v -> !Double.isNaN(v)).toArray();
    }

    public long[] seeds() {
        return runs.stream().mapToLong(r -> r.key().seed()).toArray();
    }

    /** {@code seed 1}, {@code seeds 1, 2, 3}. */
    public String seedList() {
        long[] seeds = seeds();
        return (seeds.length == 1 ? "seed " : "seeds ") + String.join(", ",
                Arrays.stream(seeds).mapToObj(Long::toString).toList());
    }
}
