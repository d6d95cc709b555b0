package dev.ferry.report.run;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.migration.HourlyTable;
import dev.ferry.sim.migration.MigrationHistory;
import java.util.ArrayList;
import java.util.List;

/** The migration over virtual time, per hour, from a run's {@link MigrationHistory}: the series its charts draw. */
final class MigrationSeries {

    private MigrationSeries() {
    }

    /** Sessions by where their migration stands at the end of each hour (the fixed series/migration_hourly.csv). */
    static SeriesTable hourly(MigrationHistory h) {
        SeriesTable t = new SeriesTable("migration_hourly", "hour", "on_source", "migrating", "done", "rolled_back",
                "waiting_for_capacity", "in_flight");
        HourlyTable s = h.hourly();
        for (int r = 0; r < s.rows(); r++) {
            t.add(s.get(r, "hour"), s.get(r, "on_source"), s.get(r, "migrating"), s.get(r, "done"),
                    s.get(r, "rolled_back"), s.get(r, "waiting_for_capacity"), s.get(r, "in_flight"));
        }
        return t;
    }

    /**
     * Migrations in flight against each budget's limit: over the federation ({@code scope} "all") and per cluster,
     * at the end of each hour and at most during it.
     */
    static SeriesTable inFlight(MigrationHistory h) {
        SeriesTable t = new SeriesTable("in_flight_hourly", "hour", "scope", "in_flight", "peak_in_flight", "limit");
        DisruptionBudget budget = h.budget();
        HourlyTable all = h.hourly();
        HourlyTable load = h.clusterLoad();
        int clusters = h.clusters().size();
        for (int r = 0; r < all.rows(); r++) {
            t.add(all.get(r, "hour"), "all", all.get(r, "in_flight"), all.get(r, "peak_in_flight"),
                    (long) budget.maxConcurrent());
            for (int k = 0; k < clusters; k++) {
                int row = r * clusters + k;
                String name = h.clusters().get((int) load.get(row, "cluster"));
                t.add(load.get(row, "hour"), name, load.get(row, "in_flight"), load.get(row, "peak_in_flight"),
                        (long) budget.clusterLimit(name));
            }
        }
        return t;
    }

    /** What each cluster's pods use against what its nodes that are up offer, at the end of each hour. */
    static SeriesTable clusterLoad(MigrationHistory h) {
        SeriesTable t = new SeriesTable("cluster_load_hourly", "hour", "cluster", "pods", "nodes_up", "cpu_used_cores",
                "cpu_capacity_cores", "memory_used_gib", "memory_capacity_gib", "gpu_used", "gpu_capacity");
        HourlyTable s = h.clusterLoad();
        for (int r = 0; r < s.rows(); r++) {
            t.add(s.get(r, "hour"), h.clusters().get((int) s.get(r, "cluster")), s.get(r, "pods"),
                    s.get(r, "nodes_up"), s.get(r, "cpu_used_milli") / 1000.0, s.get(r, "cpu_capacity_milli") / 1000.0,
                    s.get(r, "memory_used_mib") / 1024.0, s.get(r, "memory_capacity_mib") / 1024.0,
                    s.get(r, "gpu_used"), s.get(r, "gpu_capacity"));
        }
        return t;
    }

    /** API requests each cluster answered during each hour, the errors injected, the refusals of an outage. */
    static SeriesTable api(MigrationHistory h) {
        SeriesTable t = new SeriesTable("api_hourly", "hour", "cluster", "requests", "errors_injected",
                "refused_by_outage", "unschedulable_attempts");
        HourlyTable s = h.api();
        for (int r = 0; r < s.rows(); r++) {
            t.add(s.get(r, "hour"), h.clusters().get((int) s.get(r, "cluster")), s.get(r, "requests"),
                    s.get(r, "errors_injected"), s.get(r, "refused_by_outage"), s.get(r, "unschedulable_attempts"));
        }
        return t;
    }

    /** Outages and node losses that began before the horizon, in virtual hours from the start. */
    static SeriesTable faults(MigrationHistory h, long horizonNanos) {
        SeriesTable t = new SeriesTable("faults", "kind", "cluster", "node", "from_h", "to_h");
        List<MigrationHistory.Fault> faults = new ArrayList<>(h.faults());
        for (MigrationHistory.Fault f : faults) {
            if (f.fromNanos() < horizonNanos) {
                t.add(f.outage() ? "outage" : "node_loss", f.cluster(), f.node(),
                        f.fromNanos() / (double) VirtualTime.HOUR,
                        Math.min(f.toNanos(), horizonNanos) / (double) VirtualTime.HOUR);
            }
        }
        return t;
    }
}
