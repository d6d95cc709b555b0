package dev.ferry.sim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One field of the base workload's {@code migration:} section that a sweep varies ({@code budgets.max_concurrent},
 * {@code idle_threshold_minutes}, {@code strategy}...) and its values, as the workload file would write them.
 */
public record SweepParameter(String field, List<String> values) {

    public SweepParameter {
        values = List.copyOf(values);
    }

    /** The field's path from the top of the workload file: {@code [migration, budgets, max_concurrent]}. */
    public List<String> path() {
        List<String> path = new ArrayList<>();
        path.add("migration");
        path.addAll(List.of(field.split("\\.")));
        return path;
    }
}
