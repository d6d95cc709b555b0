package dev.ferry.report.sweep;

import static dev.ferry.report.html.HtmlPage.escape;

import dev.ferry.report.compare.Figures;
import dev.ferry.report.compare.Format;
import dev.ferry.report.html.HtmlPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep as one self-contained page: the makespan against sessions disrupted while active, one point per
 * setting (its mean over seeds), the Pareto front marked; a table with each setting's figures, mean and 95%
 * interval, and links to its runs' reports; every run with its wall time.
 */
final class SweepPage {

    private static final String STYLE = """
            .note{color:#57606a}.front{font-weight:bold;color:#1a7f37}
            td.setting,th.setting,td.links{text-align:left}
            tr:target{background:#fff8c5}
            small{color:#57606a}
            """;

    private SweepPage() {
    }

    static String html(String name, List<SettingSummary> settings, List<SweepRunData> runs, Path base,
            String timing) throws IOException {
        int seeds = settings.stream().mapToInt(s -> s.runs().size()).max().orElse(0);
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ferry sweep: " + escape(name)
                + "</title>\n" + HtmlPage.style(STYLE) + "</head><body>\n<h1>Ferry sweep: " + escape(name) + "</h1>\n"
                + "<p>" + runs.size() + " run(s): " + settings.size() + " setting(s) × up to " + seeds + " seed(s). "
                + escape(timing) + "</p>\n"
                + "<h2 id=\"tradeoff\">Makespan against disruption</h2>\n<p class=\"note\">One point per setting, the"
                + " mean over its seeds; the line joins the Pareto front (no other setting is as quick and as kind"
                + " and better at one). Click a point for its row and its runs.</p>\n"
                + "<div id=\"tradeoff-chart\" class=\"chart\"></div>\n"
                + HtmlPage.jsonScript("sweep-points", points(settings))
                + HtmlPage.echartsScript() + "\n<script>" + SCRIPT + "</script>\n"
                + settingsTable(settings, base) + leftOnSource(runs) + runsTable(runs, base) + METHOD
                + "</body></html>\n";
    }

    private static List<Map<String, Object>> points(List<SettingSummary> settings) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (SettingSummary s : settings) {
            double x = s.figures().get(SettingSummary.MAKESPAN).mean();
            double y = s.figures().get(SettingSummary.DISRUPTED).mean();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("number", s.number());
            p.put("name", s.name());
            p.put("x", x);
            p.put("y", y);
            p.put("front", s.pareto());
            points.add(p);
        }
        return points;
    }

    private static String settingsTable(List<SettingSummary> settings, Path base) {
        StringBuilder t = new StringBuilder("<h2 id=\"settings\">Settings</h2>\n<p class=\"note\">Mean over the"
                + " seeds, with its 95% interval in brackets (none with one seed).</p>\n<table class=\"settings\">"
                + "<thead><tr><th>#</th><th class=\"setting\">setting</th>");
        for (String f : SettingSummary.FIGURES) {
            t.append("<th>").append(escape(Figures.at(f).title())).append("</th>");
        }
        t.append("<th>Pareto front</th><th class=\"setting\">runs</th></tr></thead><tbody>\n");
        for (SettingSummary s : settings) {
            t.append("<tr id=\"setting-").append(s.number()).append("\" data-front=\"").append(s.pareto())
                    .append("\"><td>").append(s.number()).append("</td><td class=\"setting\">")
                    .append(escape(s.name())).append("</td>");
            for (String f : SettingSummary.FIGURES) {
                t.append("<td data-figure=\"").append(escape(f)).append("\">").append(cell(s.figures().get(f)))
                        .append("</td>");
            }
            t.append("<td>").append(s.pareto() ? "<span class=\"front\">on the front</span>" : "").append("</td>")
                    .append("<td class=\"links\">");
            for (SweepRunData r : s.runs()) {
                t.append("<a href=\"").append(escape(report(r, base))).append("\">seed ").append(r.seed())
                        .append("</a> ");
            }
            t.append("</td></tr>\n");
        }
        return t.append("</tbody></table>\n").toString();
    }

    /** Which runs end with sessions still on the source, and why, so that a reader of the figures is not left guessing. */
    private static String leftOnSource(List<SweepRunData> runs) {
        List<SweepRunData> left = runs.stream().filter(r -> r.value("migration.still_on_source") > 0).toList();
        StringBuilder p = new StringBuilder("<p class=\"note\" id=\"still-on-source\">");
        if (left.isEmpty()) {
            return p.append("No run leaves a session on the source at the end.</p>\n").toString();
        }
        p.append(left.size()).append(" of ").append(runs.size()).append(" run(s) end with sessions still on the"
                + " source; why, as the scheduler's latest full pass held them back (the runs' column and"
                + " results.json's <code>migration.still_on_source_by_reason</code>): ");
        Map<String, List<String>> byWhy = new LinkedHashMap<>();
        left.forEach(r -> byWhy.computeIfAbsent(r.stillOnSource(), k -> new ArrayList<>()).add("seed " + r.seed()
                + " (#" + r.index() + ")"));
        List<String> parts = new ArrayList<>();
        byWhy.forEach((why, which) -> parts.add(escape(why) + " in " + String.join(", ", which)));
        return p.append(String.join("; ", parts)).append(".</p>\n").toString();
    }

    private static String runsTable(List<SweepRunData> runs, Path base) {
        StringBuilder t = new StringBuilder("<h2 id=\"runs\">Runs</h2>\n<table class=\"runs\"><thead><tr><th>index"
                + "</th><th class=\"setting\">setting</th><th>seed</th><th>still on the source (why)</th>"
                + "<th>wall (s)</th><th class=\"setting\">report</th></tr></thead><tbody>\n");
        for (SweepRunData r : runs) {
            t.append("<tr><td>").append(r.index()).append("</td><td class=\"setting\">")
                    .append(escape(name(r.setting()))).append("</td><td>").append(r.seed()).append("</td><td>")
                    .append(escape(r.stillOnSource())).append("</td><td>")
                    .append(Format.number(r.value("wall_s"))).append("</td><td class=\"links\"><a href=\"")
                    .append(escape(report(r, base))).append("\">report</a></td></tr>\n");
        }
        return t.append("</tbody></table>\n").toString();
    }

    private static String cell(MeanInterval m) {
        if (Double.isNaN(m.mean())) {
            return "–";
        }
        return Format.number(m.mean()) + (m.hasInterval() ? " <small>[" + Format.number(m.low()) + ", "
                + Format.number(m.high()) + "]</small>" : "");
    }

    private static String name(Map<String, String> setting) {
        StringBuilder s = new StringBuilder();
        setting.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }

    private static String report(SweepRunData r, Path base) {
        return base.relativize(r.folder().toAbsolutePath().normalize()).resolve("report.html").toString()
                .replace('\\', '/');
    }

    private static final String SCRIPT = """
            (function () {
              const points = JSON.parse(document.getElementById('sweep-points').textContent);
              const chart = echarts.init(document.getElementById('tradeoff-chart'), null, {renderer: 'canvas'});
              const front = points.filter(p => p.front).sort((a, b) => a.x - b.x);
              const datum = p => ({value: [p.x, p.y], name: p.name, number: p.number});
              chart.on('finished', () => { document.body.dataset.charts = 'drawn'; });
              chart.on('click', e => { if (e.data && e.data.number) { location.hash = 'setting-' + e.data.number; } });
              chart.setOption({
                animation: false,
                legend: {},
                tooltip: {trigger: 'item', formatter: e => e.data.name + '<br>makespan ' + e.data.value[0].toFixed(2)
                    + ' h, ' + e.data.value[1].toFixed(1) + ' disrupted while active'},
                xAxis: {type: 'value', name: 'makespan (h)', nameLocation: 'middle', nameGap: 28, scale: true},
                yAxis: {type: 'value', name: 'sessions disrupted while active', scale: true},
                series: [
                  {name: 'settings', type: 'scatter', symbolSize: 10, data: points.filter(p => !p.front).map(datum)},
                  {name: 'Pareto front', type: 'line', symbol: 'diamond', symbolSize: 14, data: front.map(datum)}
                ]
              });
            })();
            """;

    private static final String METHOD = """
            <h2 id="method">How the figures are computed</h2>
            <p>Each run is the base workload with the setting's values in its migration section and one seed;
            a seed gives every setting the same sessions, activity and faults. A setting's figure is the mean over
            its seeds; its 95% interval is Student's t, mean ± t(0.975, n − 1) · s / √n, as commons-statistics
            computes t. One seed gives no interval; seeds that all agree give that value. The Pareto front is
            taken on the means of makespan and sessions disrupted while active, both lower is better.</p>
            """;

    static String timing(Double sweepWall, int parallel, List<SweepRunData> runs) {
        double sum = runs.stream().mapToDouble(r -> r.value("wall_s")).filter(v -> !Double.isNaN(v)).sum();
        String runsWall = String.format(Locale.ROOT, "The runs' own wall times sum to %.1f s.", sum);
        return sweepWall == null ? runsWall : String.format(Locale.ROOT, "The sweep took %.1f s wall with up to %d"
                + " run(s) side by side. %s", sweepWall, parallel, runsWall);
    }
}
