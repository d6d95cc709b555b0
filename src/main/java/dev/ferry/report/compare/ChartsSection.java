package dev.ferry.report.compare;

import static dev.ferry.report.html.HtmlPage.escape;

import dev.ferry.report.compare.Comparison.ComparedRun;
import dev.ferry.report.html.HtmlPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The charts that overlay the runs: each session's disruption as a cumulative distribution (user-visible
 * and total, from sessions.csv) and the migration hour by hour (from series/migration_hourly.csv). One
 * colour per group, one dash per seed. A chart is drawn from the runs that have its series; the runs that
 * lack them are named under it, and a chart no run has data for is replaced by that note.
 */
final class ChartsSection {

    /** A CDF keeps at most this many points per run: enough for the eye, small enough for 3,500 sessions. */
    static final int CDF_POINTS = 400;

    private record Chart(String id, String title, String xName, String yName, boolean step,
            Function<RunData, double[][]> points, Function<RunData, String> absentBecause) {
    }

    private static final List<Chart> CHARTS = List.of(
            new Chart("cdf-user-visible", "User-visible disruption per session (share of sessions with at most x s)",
                    "seconds", "share of sessions", true, r -> cdf(r.disruptions().userVisible()),
                    r -> r.disruptions().absentBecause()),
            new Chart("cdf-total", "Total disruption per session (share of sessions with at most x s)", "seconds",
                    "share of sessions", true, r -> cdf(r.disruptions().total()), r -> r.disruptions().absentBecause()),
            new Chart("migration-done", "Sessions migrated (done) by hour", "hour", "sessions", false,
                    r -> curve(r, "done"), r -> r.curves().absentBecause()),
            new Chart("migration-in-flight", "Migrations in flight by hour", "hour", "sessions", false,
                    r -> curve(r, "in_flight"), r -> r.curves().absentBecause()),
            new Chart("migration-on-source", "Sessions still on the source by hour", "hour", "sessions", false,
                    r -> curve(r, "on_source"), r -> r.curves().absentBecause()));

    private ChartsSection() {
    }

    static String html(Comparison comparison) {
        StringBuilder out = new StringBuilder("<h2 id=\"charts\">Charts</h2>\n<p>One colour per group (scenario and "
                + "strategy), one dash per seed; drag or scroll inside a chart to zoom.</p>\n");
        List<Map<String, Object>> drawn = new ArrayList<>();
        for (Chart chart : CHARTS) {
            List<Map<String, Object>> series = new ArrayList<>();
            List<String> lacking = new ArrayList<>();
            for (ComparedRun r : comparison.runs()) {
                String absent = chart.absentBecause().apply(r.run());
                if (absent != null) {
                    lacking.add(r.run().key().name() + " (" + absent + ")");
                    continue;
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", label(comparison, r.run()));
                s.put("group", groupIndex(comparison, r.run()));
                s.put("dash", seedIndex(comparison, r.run()));
                s.put("points", chart.points().apply(r.run()));
                series.add(s);
            }
            out.append("<h3>").append(escape(chart.title())).append("</h3>\n");
            if (series.isEmpty()) {
                out.append("<p class=\"missing\" data-lacks=\"").append(chart.id()).append("\">No run here has the data"
                        + " for this chart: ").append(escape(String.join("; ", lacking))).append(".</p>\n");
                continue;
            }
            out.append("<div class=\"chart\" id=\"").append(chart.id()).append("\"></div>\n");
            if (!lacking.isEmpty()) {
                out.append("<p class=\"missing\" data-lacks=\"").append(chart.id()).append("\">Not drawn: ")
                        .append(escape(String.join("; ", lacking))).append(".</p>\n");
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", chart.id());
            c.put("xName", chart.xName());
            c.put("yName", chart.yName());
            c.put("step", chart.step());
            c.put("series", series);
            drawn.add(c);
        }
        return out.append(HtmlPage.jsonScript("chart-data", drawn)).append('\n').append(SCRIPT).toString();
    }

    /** The empirical CDF of the values, {@code [x, share ≤ x]}, thinned to at most {@link #CDF_POINTS} steps. */
    static double[][] cdf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        List<double[]> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == n - 1 || sorted[i + 1] != sorted[i]) {
                steps.add(new double[] {sorted[i], (i + 1) / (double) n});
            }
        }
        if (steps.size() <= CDF_POINTS) {
            return steps.toArray(double[][]::new);
        }
        int stride = (int) Math.ceil(steps.size() / (double) CDF_POINTS);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i % stride == 0 || i == steps.size() - 1) {
                kept.add(steps.get(i));
            }
        }
        return kept.toArray(double[][]::new);
    }

    private static double[][] curve(RunData run, String column) {
        double[] hours = run.curves().column("hour");
        double[] values = run.curves().column(column);
        double[][] points = new double[hours.length][];
        for (int i = 0; i < hours.length; i++) {
            points[i] = new double[] {hours[i], values[i]};
        }
        return points;
    }

    private static String label(Comparison comparison, RunData run) {
        return comparison.repeats(run.key()) ? run.key().name() + " (" + run.folderName() + ")" : run.key().name();
    }

    private static int groupIndex(Comparison comparison, RunData run) {
        for (int i = 0; i < comparison.groups().size(); i++) {
            if (comparison.groups().get(i).key().equals(run.key().group())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no group for " + run.key().name());
    }

    private static int seedIndex(Comparison comparison, RunData run) {
        return comparison.runs().stream().map(ComparedRun::run)
                .filter(r -> r.key().group().equals(run.key().group())).toList().indexOf(run);
    }

    private static final String SCRIPT = """
            <script>
            (function () {
              const charts = JSON.parse(document.getElementById('chart-data').textContent);
              const colours = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bf8700', '#57606a', '#e16f24', '#1b7c83'];
              const dashes = ['solid', 'dashed', 'dotted', [8, 4, 2, 4], [2, 6]];
              for (const c of charts) {
                echarts.init(document.getElementById(c.id), null, {renderer: 'canvas'}).setOption({
                  animation: false,
                  tooltip: {trigger: 'axis'},
                  legend: {type: 'scroll', top: 0},
                  grid: {left: 60, right: 30, top: 40, bottom: 70},
                  xAxis: {type: 'value', name: c.xName, nameLocation: 'middle', nameGap: 25, scale: true},
                  yAxis: {type: 'value', name: c.yName},
                  dataZoom: [{type: 'inside'}, {type: 'slider', height: 18, bottom: 8}],
                  series: c.series.map(s => ({
                    name: s.name, type: 'line', data: s.points, showSymbol: false, step: c.step ? 'end' : false,
                    color: colours[s.group % colours.length],
                    lineStyle: {type: dashes[s.dash % dashes.length], width: 2}}))
                });
              }
              document.body.dataset.charts = 'drawn';
            })();
            </script>
            """;
}
