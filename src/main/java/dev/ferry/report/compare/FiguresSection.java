package dev.ferry.report.compare;

import static dev.ferry.report.html.HtmlPage.escape;

import dev.ferry.report.compare.Comparison.ComparedRun;
import java.util.Locale;

/**
 * Every figure of every run, one column per run grouped by scenario and strategy, each value with its change
 * against the run's baseline: a judged figure's change is a regression or an improvement, a machine or
 * workload figure's is shown in grey and judges nothing.
 */
final class FiguresSection {

    private FiguresSection() {
    }

    static String html(Comparison comparison) {
        StringBuilder out = new StringBuilder("<h2 id=\"figures\">Every figure</h2>\n<p>Definitions: README, "
                + "\"results.json\". Under a value, its change against the baseline run: <span class=\"regression\">"
                + "regression</span>, <span class=\"improvement\">improvement</span>, or <span class=\"neutral\">a "
                + "machine or workload figure that moved</span>, which judges nothing.</p>\n")
                .append("<div class=\"wide\"><table class=\"figures\"><thead><tr><th rowspan=\"2\">figure</th>"
                        + "<th rowspan=\"2\">kind</th>");
        for (Group g : comparison.groups()) {
            out.append("<th colspan=\"").append(g.runs().size() + g.repeated().size()).append("\">")
                    .append(escape(g.key().name())).append("</th>");
        }
        out.append("</tr><tr>");
        for (ComparedRun r : comparison.runs()) {
            out.append("<th>seed ").append(r.run().key().seed());
            if (comparison.repeats(r.run().key())) {
                out.append("<br><small>").append(escape(r.run().folderName())).append("</small>");
            }
            out.append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        String section = "";
        int columns = comparison.runs().size() + 2;
        for (Figure f : comparison.figures()) {
            if (!f.section().equals(section)) {
                section = f.section();
                out.append("<tr class=\"section\"><th colspan=\"").append(columns).append("\">").append(escape(section))
                        .append("</th></tr>\n");
            }
            out.append("<tr data-figure=\"").append(escape(f.path())).append("\"><th>").append(escape(f.title()))
                    .append("</th><td class=\"kind\">").append(kind(f)).append("</td>");
            for (ComparedRun r : comparison.runs()) {
                out.append(cell(f, r));
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody></table></div>\n").toString();
    }

    private static String kind(Figure f) {
        return switch (f.role()) {
            case HIGHER_IS_BETTER -> "higher is better";
            case LOWER_IS_BETTER -> "lower is better";
            case MACHINE -> "machine, not judged";
            case WORKLOAD -> "workload, not judged";
        };
    }

    private static String cell(Figure f, ComparedRun r) {
        double value = f.value(r.run().results());
        StringBuilder out = new StringBuilder("<td>").append(Format.number(value));
        RunData baseline = r.baseline() == null ? null : r.baseline().baseline();
        if (baseline != null) {
            double before = f.value(baseline.results());
            BaselineChange change = BaselineChange.of(f, before, value);
            if (change != BaselineChange.SAME && change != BaselineChange.NOT_COMPARABLE) {
                String css = switch (change) {
                    case REGRESSION -> "regression";
                    case IMPROVEMENT -> "improvement";
                    default -> "neutral";
                };
                out.append("<br><span class=\"").append(css).append("\" data-change=\"")
                        .append(change.name().toLowerCase(Locale.ROOT)).append("\" title=\"baseline ")
                        .append(Format.number(before)).append("\">").append(Format.signed(value - before))
                        .append(css.equals("neutral") ? "" : " " + css).append("</span>");
            }
        }
        return out.append("</td>").toString();
    }
}
