package dev.ferry.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.report.html.HtmlPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page that puts simulation runs side by side: a table of the figures of
 * results.json, each run's change against its baseline run (same scenario and seed) marked better
 * or worse, and charts of latency, write amplification and throughput. The chart library is
 * inlined, so the page opens offline and can be attached to a review.
 */
public final class ComparisonReport {

    /** A run to show, and the baseline it is compared with (or null). */
    public record Run(String label, JsonNode results, JsonNode baseline) {
    }

    /** A figure of results.json, and whether more of it is better. */
    private record Figure(String title, String path, boolean higherIsBetter) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("sessions", "sessions", true),
            new Figure("virtual days", "virtual_days", true),
            new Figure("file events", "events", true),
            new Figure("wall time (s)", "wall_s", false),
            new Figure("file events per second", "events_per_s", true),
            new Figure("exact at quiescence", "coalescing.exact_at_quiescence", true),
            new Figure("checkpoints per operation", "coalescing.amplification", false),
            new Figure("latency p50 (ms)", "coalescing.latency_ms.p50", false),
            new Figure("latency p99 (ms)", "coalescing.latency_ms.p99", false),
            new Figure("latency max (ms)", "coalescing.latency_ms.max", false),
            new Figure("lost packages at restart", "coalescing.lost_packages_at_restart", false),
            new Figure("missed captures", "coalescing.missed_captures", false),
            new Figure("restarts", "coalescing.restarts", true),
            new Figure("operations", "coalescing.operations", true));

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComparisonReport() {
    }

    public static void write(List<Run> runs, Path file) throws IOException {
        Files.writeString(file, html(runs), StandardCharsets.UTF_8);
    }

    static String html(List<Run> runs) throws IOException {
        StringBuilder table = new StringBuilder("<table><thead><tr><th>figure</th>");
        runs.forEach(run -> table.append("<th>").append(HtmlPage.escape(run.label())).append("</th>"));
        table.append("</tr></thead><tbody>");
        for (Figure figure : FIGURES) {
            table.append("<tr><th>").append(figure.title()).append("</th>");
            for (Run run : runs) {
                double value = value(run.results(), figure.path());
                table.append("<td>").append(format(value));
                if (run.baseline() != null) {
                    double before = value(run.baseline(), figure.path());
                    if (!Double.isNaN(before) && !Double.isNaN(value) && before != value) {
                        boolean better = figure.higherIsBetter() == value > before;
                        table.append(" <span class=\"").append(better ? "better" : "worse").append("\">")
                                .append(value > before ? "+" : "").append(format(value - before)).append("</span>");
                    }
                }
                table.append("</td>");
            }
            table.append("</tr>");
        }
        table.append("<tr><th>budgets</th>");
        for (Run run : runs) {
            long failed = 0;
            for (JsonNode budget : run.results().path("budgets")) {
                failed += budget.path("pass").asBoolean(true) ? 0 : 1;
            }
            int total = run.results().path("budgets").size();
            table.append("<td class=\"").append(failed == 0 ? "better" : "worse").append("\">")
                    .append(total - failed).append(" of ").append(total).append(" held</td>");
        }
        table.append("</tr></tbody></table>");
        return TEMPLATE.replace("%TABLE%", table.toString())
                .replace("%DATA%", chartData(runs))
                .replace("%STYLE%", HtmlPage.style(""))
                .replace("%ECHARTS%", HtmlPage.echartsScript())
                .replace("%COUNT%", Integer.toString(runs.size()));
    }

    private static String chartData(List<Run> runs) throws IOException {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode labels = data.putArray("labels");
        Map<String, String> series = Map.of("p50", "coalescing.latency_ms.p50", "p99", "coalescing.latency_ms.p99",
                "max", "coalescing.latency_ms.max", "amplification", "coalescing.amplification",
                "eventsPerSecond", "events_per_s", "baselineAmplification", "coalescing.amplification");
        for (Run run : runs) {
            labels.add(run.label());
        }
        for (Map.Entry<String, String> s : series.entrySet()) {
            ArrayNode values = data.putArray(s.getKey());
            for (Run run : runs) {
                JsonNode source = s.getKey().startsWith("baseline") ? run.baseline() : run.results();
                double v = source == null ? Double.NaN : value(source, s.getValue());
                if (Double.isNaN(v)) {
                    values.addNull();
                } else {
                    values.add(v);
                }
            }
        }
        return HtmlPage.json(data);
    }

    private static double value(JsonNode results, String path) {
        JsonNode node = results;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Ferry simulation report</title>
            %STYLE%</head><body>
            <h1>Ferry simulation report</h1>
            <p>%COUNT% run(s). Differences are against the baseline run of the same scenario and seed,
            green where better, red where worse. Definitions: README.md, "results.json".</p>
            %TABLE%
            <h2>Latency from a command's last file event to its checkpoint (ms)</h2><div id="latency" class="chart"></div>
            <h2>Checkpoints per state-changing command</h2><div id="amplification" class="chart"></div>
            <h2>File events simulated per wall-clock second</h2><div id="throughput" class="chart"></div>
            %ECHARTS%
            <script>
            const d = %DATA%;
            function bars(id, series) {
              echarts.init(document.getElementById(id)).setOption({
                tooltip: {trigger: 'axis'}, legend: {}, xAxis: {type: 'category', data: d.labels},
                yAxis: {type: 'value'}, series: series.map(([name, data]) => ({name, type: 'bar', data}))});
            }
            bars('latency', [['p50', d.p50], ['p99', d.p99], ['max', d.max]]);
            bars('amplification', [['this run', d.amplification], ['baseline', d.baselineAmplification]]);
            bars('throughput', [['events/s', d.eventsPerSecond]]);
            </script></body></html>
            """;
}
