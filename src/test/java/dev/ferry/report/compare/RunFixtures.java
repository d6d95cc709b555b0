package dev.ferry.report.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Small run folders in the format {@code ferry sim run} writes: results.json with the figures a test sets,
 * sessions.csv with the disruption columns (after the profile columns, as the simulation writes them) and
 * series/migration_hourly.csv.
 */
final class RunFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final ObjectNode results = JSON.createObjectNode();

    private RunFixtures(Path folder, String scenario, String strategy, long seed) {
        this.folder = folder;
        results.put("scenario", scenario);
        results.put("seed", seed);
        results.put("sessions", 40);
        results.put("virtual_days", 2.0);
        results.put("wall_s", 3.5);
        results.put("events", 120_000);
        results.put("events_per_s", 34_000);
        results.putObject("coalescing").put("exact_at_quiescence", 1.0).put("amplification", 1.08);
        if (strategy != null) {
            results.putObject("migration").put("strategy", strategy).put("migrated", 40).put("makespan_h", 5.0)
                    .put("stranded", 0);
            results.putObject("disruption").put("sessions_disrupted_while_active", 0);
        }
        results.putArray("budgets").addObject().put("name", "nothing stranded").put("metric", "migration.stranded")
                .put("comparison", "<=").put("limit", 0.0).put("value", 0.0).put("pass", true);
    }

    /** A run of {@code scenario} under {@code strategy} (null: no migration) with {@code seed}, in {@code folder}. */
    static RunFixtures run(Path folder, String scenario, String strategy, long seed) {
        return new RunFixtures(folder, scenario, strategy, seed);
    }

    /** Sets a figure at a dotted path, e.g. {@code disruption.user_visible_s.p99}. */
    RunFixtures set(String path, double value) {
        String[] parts = path.split("\\.");
        ObjectNode node = results;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
        return this;
    }

    /** Records a budget the run exceeded. */
    RunFixtures failedBudget(String name, String metric, String comparison, double limit, double value) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) results.get("budgets")).addObject().put("name", name)
                .put("metric", metric).put("comparison", comparison).put("limit", limit).put("value", value)
                .put("pass", false);
        return this;
    }

    /** Writes results.json only, as runs written before sessions.csv had disruption columns. */
    Path write() {
        try {
            Files.createDirectories(folder);
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("results.json").toFile(), results);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes results.json, and sessions.csv with one row per value pair (user-visible, total seconds). */
    Path writeWithSeries(double[] userVisible, double[] total, double[][] hourly) {
        write();
        StringBuilder csv = new StringBuilder("session,kind,size,team,owner,file_events,disruption_user_visible_s,"
                + "disruption_total_s,cluster,migrated_at_h,rollbacks,disrupted_while_active\n");
        for (int i = 0; i < userVisible.length; i++) {
            csv.append(String.format(Locale.ROOT, "%d,jupyter,small,team-%d,user-%d,100,%.3f,%.3f,cluster-a,%.2f,0,%d%n",
                    i, i % 3, i, userVisible[i], total[i], 8 + i * 0.1, userVisible[i] > 0 ? 1 : 0));
        }
        StringBuilder series = new StringBuilder("hour,on_source,migrating,done,rolled_back,waiting_for_capacity,"
                + "in_flight\n");
        for (double[] row : hourly) {
            StringJoiner line = new StringJoiner(",");
            for (double v : row) {
                line.add(String.format(Locale.ROOT, "%s", v == Math.rint(v) ? Long.toString((long) v) : v));
            }
            series.append(line).append('\n');
        }
        try {
            Files.writeString(folder.resolve("sessions.csv"), csv);
            Files.createDirectories(folder.resolve("series"));
            Files.writeString(folder.resolve("series/migration_hourly.csv"), series);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An hourly migration of {@code sessions} sessions moving {@code perHour} an hour from hour 8. */
    static double[][] migrationCurve(int sessions, int perHour) {
        int hours = 8 + (sessions + perHour - 1) / perHour + 2;
        double[][] rows = new double[hours][];
        for (int h = 0; h < hours; h++) {
            int done = Math.max(0, Math.min(sessions, (h - 8) * perHour));
            int migrating = h >= 8 && done < sessions ? Math.min(perHour, sessions - done) : 0;
            rows[h] = new double[] {h, sessions - done - migrating, migrating, done, 0, 0, migrating};
        }
        return rows;
    }
}
