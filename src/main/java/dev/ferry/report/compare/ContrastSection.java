package dev.ferry.report.compare;

import static dev.ferry.report.html.HtmlPage.escape;

import dev.ferry.report.compare.Contrast.Row;
import java.util.List;
import java.util.Locale;

/**
 * The page's first section: for every two strategies of one scenario, which is better on each figure they
 * differ in and whether the difference is real (outside the seeds' noise), disruption first.
 */
final class ContrastSection {

    private ContrastSection() {
    }

    static String html(Comparison comparison) {
        StringBuilder out = new StringBuilder("<h2 id=\"strategies\">Strategies compared across seeds</h2>\n");
        if (comparison.contrasts().isEmpty()) {
            out.append("<p class=\"note\">No scenario here ran under two strategies, so no two groups are compared."
                    + " Give runs of one workload under two strategies (e.g. <code>ferry sim run W --strategy"
                    + " idle-aware</code> and <code>--strategy rolling</code>, on seeds 1, 2, 3).</p>\n");
            return out.toString();
        }
        out.append("<p>Each difference is the second strategy's mean over its seeds minus the first's, with a 95% "
                + "interval by Welch's t (see the foot of the page). <b>better</b> or <b>worse</b>: the interval "
                + "leaves zero out, the difference is real; <b>within noise</b>: the seeds do not tell the two apart."
                + " Machine figures (wall time) and workload figures (events, faults injected) are shown, not "
                + "judged.</p>\n");
        for (Contrast c : comparison.contrasts()) {
            contrast(out, c);
        }
        return out.toString();
    }

    private static void contrast(StringBuilder out, Contrast c) {
        String a = c.a().key().shortName();
        String b = c.b().key().shortName();
        out.append("<section class=\"contrast\" data-a=\"").append(escape(c.a().key().name())).append("\" data-b=\"")
                .append(escape(c.b().key().name())).append("\">\n<h3>").append(escape(b)).append(" against ")
                .append(escape(a)).append(" — ").append(escape(c.a().key().scenario())).append("</h3>\n<p>")
                .append(escape(a)).append(": ").append(c.a().seedList()).append("; ").append(escape(b)).append(": ")
                .append(c.b().seedList()).append(". ").append(tally(c, b)).append("</p>\n");
        for (Group g : List.of(c.a(), c.b())) {
            if (!g.repeated().isEmpty()) {
                out.append("<p class=\"missing\">").append(escape(g.key().name())).append(" has ")
                        .append(g.repeated().size()).append(" run(s) of a seed it already has (")
                        .append(escape(String.join(", ", g.repeated().stream().map(RunData::folderName).toList())))
                        .append("): only the first run of each seed counts as a sample.</p>\n");
            }
        }
        List<Row> headline = c.rows().stream()
                .filter(r -> r.figure().section().equals("disruption") && r.figure().role().judged()).toList();
        if (!headline.isEmpty()) {
            out.append("<ul class=\"headline\">\n");
            headline.forEach(r -> out.append("<li>").append(sentence(r, a, b)).append("</li>\n"));
            out.append("</ul>\n");
        }
        out.append("<table class=\"contrast-table\"><thead><tr><th>figure</th><th>").append(escape(a))
                .append("</th><th>").append(escape(b)).append("</th><th>").append(escape(b)).append(" − ")
                .append(escape(a)).append("</th><th>95% interval</th><th>Welch df</th><th>verdict</th></tr></thead>"
                        + "<tbody>\n");
        for (Row r : c.rows()) {
            out.append("<tr data-figure=\"").append(escape(r.figure().path())).append("\"><th>")
                    .append(escape(r.figure().title())).append("</th><td>").append(groupValues(r.valuesA(),
                            r.difference().meanA())).append("</td><td>").append(groupValues(r.valuesB(),
                            r.difference().meanB())).append("</td><td>").append(Format.signed(r.difference().difference()))
                    .append("</td><td>").append(interval(r.difference())).append("</td><td>")
                    .append(df(r.difference())).append("</td>").append(verdictCell(r, b)).append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        if (!c.equal().isEmpty()) {
            out.append("<p class=\"note\">The same on every seed of both: ").append(escape(String.join(", ",
                    c.equal().stream().map(Figure::title).toList()))).append(".</p>\n");
        }
        out.append("</section>\n");
    }

    private static String tally(Contrast c, String b) {
        long judged = c.rows().stream().filter(r -> r.figure().role().judged()).count();
        if (judged == 0) {
            return "No judged figure differs.";
        }
        return String.format(Locale.ROOT, "Of the %d judged figures that differ, %s is better on %d, worse on %d,"
                + " within noise on %d%s.", judged, escape(b), c.count(Verdict.BETTER), c.count(Verdict.WORSE),
                c.count(Verdict.WITHIN_NOISE), c.count(Verdict.NO_INTERVAL) == 0 ? ""
                        : " and without an interval (one seed) on " + c.count(Verdict.NO_INTERVAL));
    }

    /** The headline of one figure, in words: values, difference, interval and what it means. */
    static String sentence(Row r, String a, String b) {
        MeanDifference d = r.difference();
        StringBuilder s = new StringBuilder("<b>").append(escape(r.figure().title())).append("</b>: ")
                .append(escape(a)).append(' ').append(groupValues(r.valuesA(), d.meanA())).append(", ")
                .append(escape(b)).append(' ').append(groupValues(r.valuesB(), d.meanB())).append("; difference ")
                .append(Format.signed(d.difference()));
        if (d.basis() == MeanDifference.Basis.WELCH) {
            s.append(" (95% interval ").append(interval(d)).append(')');
        }
        return s.append(": <span class=\"verdict\">").append(verdictText(r, b)).append("</span>").toString();
    }

    private static String groupValues(double[] values, double mean) {
        if (values.length == 1) {
            return Format.number(mean);
        }
        return Format.number(mean) + " <small>(" + Format.values(values) + ")</small>";
    }

    private static String interval(MeanDifference d) {
        return switch (d.basis()) {
            case WELCH -> Format.signed(d.low()) + " to " + Format.signed(d.high());
            case NO_SPREAD -> "none needed: the same on every seed";
            case ONE_SEED -> "none: one seed";
        };
    }

    private static String df(MeanDifference d) {
        return d.basis() == MeanDifference.Basis.WELCH ? String.format(Locale.ROOT, "%.1f", d.degreesOfFreedom())
                : "–";
    }

    private static String verdictCell(Row r, String b) {
        String kind = r.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return "<td class=\"verdict " + kind + "\" data-verdict=\"" + kind + "\">" + verdictText(r, b) + "</td>";
    }

    /** {@code rolling worse}, {@code within noise}, ... */
    static String verdictText(Row r, String b) {
        return switch (r.verdict()) {
            case BETTER -> escape(b) + " better";
            case WORSE -> escape(b) + " worse";
            case WITHIN_NOISE -> "within noise";
            case NO_INTERVAL -> "no interval: one seed";
            case NOT_JUDGED -> r.figure().role() == Figure.Role.MACHINE ? "not judged: the machine's" : "not judged: workload";
        };
    }
}
