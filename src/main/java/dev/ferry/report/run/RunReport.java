package dev.ferry.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.migration.MigrationHistory;
import dev.ferry.sim.migration.StillOnSource;
import dev.ferry.sim.run.SimulationResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's report and the data behind it, aggregated once from the simulation: the series every chart draws
 * (written as series/*.csv), each session's disruption (sessions.csv's last columns) and timeline
 * (series/timelines.jsonl), and report.html, which embeds them all. It holds no simulation object, so a suite can
 * keep it until its comparisons are judged and write the page then.
 */
public final class RunReport {

    /** A comparison of this run's figure with another scenario's on the same seed, as the suite judged it. */
    public record Verdict(String name, String detail, boolean pass) {
    }

    private final RunInfo info;
    private final JsonNode results;
    private final List<SessionDisruptions.Row> sessions;
    private final List<SeriesTable> tables = new ArrayList<>();
    private final List<String> timelines;
    private final List<String> clusters;
    private final List<StillOnSource> stillOnSource;
    private final double hours;

    private RunReport(RunInfo info, JsonNode results, List<SessionDisruptions.Row> sessions, List<String> timelines,
            List<String> clusters, List<StillOnSource> stillOnSource, double hours) {
        this.info = info;
        this.stillOnSource = stillOnSource;
        this.results = results;
        this.sessions = sessions;
        this.timelines = timelines;
        this.clusters = clusters;
        this.hours = hours;
    }

    /** Aggregates a finished run; {@code history} null without a migration; {@code results} is its results.json. */
    public static RunReport of(RunInfo info, SimulationResult result, MigrationHistory history, JsonNode results) {
        List<SessionDisruptions.Row> rows = SessionDisruptions.of(result, history);
        double hours = result.virtualDays() * 24;
        RunReport r = new RunReport(info, results, rows, Timelines.of(result, history, rows),
                history == null ? List.of() : history.clusters(),
                history == null ? List.of() : history.stillOnSource(), hours);
        r.tables.add(SessionSeries.disruptionCdf(rows));
        r.tables.add(SessionSeries.byGroup(rows, result));
        r.tables.add(SessionSeries.latencyHistogram(result));
        r.tables.add(SessionSeries.checkpointsPerOperation(result));
        r.tables.add(SessionSeries.restartsByCause(result));
        r.tables.add(SessionSeries.worst(rows, result));
        if (history != null) {
            r.tables.add(MigrationSeries.hourly(history));
            r.tables.add(MigrationSeries.inFlight(history));
            r.tables.add(MigrationSeries.clusterLoad(history));
            r.tables.add(MigrationSeries.api(history));
            r.tables.add(MigrationSeries.faults(history, Math.round(result.virtualDays() * VirtualTime.DAY)));
        }
        return r;
    }

    /** Each session's disruption, in the run's order (sessions.csv's last columns). */
    public List<SessionDisruptions.Row> sessions() {
        return sessions;
    }

    /** The data files of the run, relative to its folder: series/NAME.csv and series/timelines.jsonl. */
    public List<String> seriesFiles() {
        List<String> names = new ArrayList<>();
        tables.forEach(t -> names.add("series/" + t.name() + ".csv"));
        names.add("series/timelines.jsonl");
        return names;
    }

    /** Writes the file {@link #seriesFiles()} calls {@code name} (e.g. series/faults.csv) to {@code file}. */
    public void writeSeriesFile(String name, Path file) throws IOException {
        if (name.equals("series/timelines.jsonl")) {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line : timelines) {
                    out.write(line);
                    out.write('\n');
                }
            }
            return;
        }
        SeriesTable table = tables.stream().filter(t -> name.equals("series/" + t.name() + ".csv")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no series file " + name));
        table.writeCsv(file);
    }

    /** The page, with the budgets of results.json and {@code comparisons} as its verdict. */
    public String html(List<Verdict> comparisons) throws IOException {
        return RunPage.html(this, comparisons);
    }

    public void writeHtml(Path file, List<Verdict> comparisons) throws IOException {
        Files.writeString(file, html(comparisons), StandardCharsets.UTF_8);
    }

    RunInfo info() {
        return info;
    }

    JsonNode results() {
        return results;
    }

    List<SeriesTable> tables() {
        return tables;
    }

    SeriesTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    List<String> timelines() {
        return timelines;
    }

    /** The sessions still running on the source at the end, each with why the scheduler left it there. */
    List<StillOnSource> stillOnSource() {
        return stillOnSource;
    }

    boolean migrated() {
        return table("migration_hourly") != null;
    }

    /** What the page's scripts read: the series by name, the run's clusters and horizon, the step labels. */
    ObjectNode chartData() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("hours", hours);
        data.put("migration", migrated());
        clusters.forEach(data.putArray("clusters")::add);
        Timelines.STEP_LABELS.forEach(data.putArray("steps")::add);
        Timelines.STOP_CAUSES.forEach(data.putArray("stopCauses")::add);
        ObjectNode series = data.putObject("series");
        tables.forEach(t -> series.set(t.name(), t.json()));
        return data;
    }
}
