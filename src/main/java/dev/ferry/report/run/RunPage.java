package dev.ferry.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.ferry.report.html.HtmlPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * report.html: the verdict, summaries and tables written here as HTML; the charts drawn by the page's script
 * (run-report.js) from the series embedded as JSON; each session's timeline embedded as one JSON array that the
 * script decodes only when a session is picked.
 */
final class RunPage {

    private RunPage() {
    }

    static String html(RunReport report, List<RunReport.Verdict> comparisons) throws IOException {
        RunInfo info = report.info();
        String title = info.scenario() + " seed " + info.seed();
        List<RawValue> timelines = Timelines.forPage(report.timelines()).stream().map(RawValue::new).toList();
        return resource("run-report.html")
                .replace("%TITLE%", HtmlPage.escape(title))
                .replace("%STYLE%", HtmlPage.style(resource("run-report.css")))
                .replace("%SUBTITLE%", HtmlPage.escape(info.workload() + ", seed " + info.seed()
                        + (info.strategy() == null ? "" : ", strategy " + info.strategy())))
                .replace("%VERDICT%", VerdictSection.html(report.results(), comparisons))
                .replace("%DISRUPTION%", SummarySection.disruption(report))
                .replace("%MIGRATION%", report.migrated() ? SummarySection.stillOnSource(report) + MIGRATION_CHARTS
                        : "<p class=\"note\">This run has no migration: its workload has no <code>migration:</code>"
                        + " section.</p>")
                .replace("%WORST%", SummarySection.worst(report))
                .replace("%RUN%", SummarySection.run(info, report.results()))
                .replace("%DATA%", HtmlPage.jsonScript("run-data", report.chartData()))
                .replace("%TIMELINES%", HtmlPage.jsonScript("timelines", timelines))
                .replace("%SCRIPT%", "<script>" + resource("run-report.js") + "</script>")
                .replace("%ECHARTS%", HtmlPage.echartsScript());
    }

    private static final String MIGRATION_CHARTS = """
            <h3>Sessions by where their migration stands (end of each hour)</h3><div id="chart-states" class="chart"></div>
            <h3>Migrations in flight against the budgets' limits</h3><div id="chart-inflight" class="chart"></div>
            <h3>Cluster load: in use against the capacity of the nodes that are up</h3>
            <div id="chart-cpu" class="chart"></div><div id="chart-memory" class="chart"></div>
            <div id="chart-gpu" class="chart"></div>
            <h3>API requests, injected errors and outage refusals per hour</h3><div id="chart-api" class="chart"></div>
            <p class="note">Shaded: a cluster's API outage; vertical lines: node losses.</p>
            """;

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static double value(JsonNode results, String path) {
        JsonNode node = results;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RunPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the report template " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
