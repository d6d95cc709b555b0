package dev.ferry.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run folder as the comparison reads it: its results.json, named by its {@link RunKey}, and the series
 * its charts need where the run has them (runs written before those files existed still compare).
 */
public record RunData(Path folder, RunKey key, JsonNode results, Disruptions disruptions, MigrationCurves curves) {

    /** The folder's name, which the page shows beside the run's name. */
    public String folderName() {
        return folder.toAbsolutePath().normalize().getFileName().toString();
    }

    /**
     * Each session's disruption in seconds, from sessions.csv ({@code disruption_user_visible_s},
     * {@code disruption_total_s}), or why the run has none.
     */
    public record Disruptions(double[] userVisible, double[] total, String absentBecause) {

        static Disruptions absent(String because) {
            return new Disruptions(new double[0], new double[0], because);
        }

        public boolean present() {
            return absentBecause == null;
        }
    }

    /**
     * The migration hour by hour, from series/migration_hourly.csv: each of {@link #COLUMNS} by hour, or why
     * the run has none.
     */
    public record MigrationCurves(Map<String, double[]> columns, String absentBecause) {

        /** The file's columns, in its order. */
        public static final List<String> COLUMNS = List.of("hour", "on_source", "migrating", "done", "rolled_back",
                "waiting_for_capacity", "in_flight");

        static MigrationCurves absent(String because) {
            return new MigrationCurves(Map.of(), because);
        }

        public boolean present() {
            return absentBecause == null;
        }

        public double[] column(String name) {
            double[] values = columns.get(name);
            if (values == null) {
                throw new IllegalArgumentException("no column " + name + " in the migration series");
            }
            return values;
        }
    }
}
