package dev.ferry.report.compare;

import static dev.ferry.report.html.HtmlPage.escape;

import dev.ferry.report.compare.Comparison.ComparedRun;

/** The runs on the page: what each simulated, where it came from, its budgets by name, its baseline. */
final class RunsSection {

    private RunsSection() {
    }

    static String html(Comparison comparison) {
        StringBuilder out = new StringBuilder("<h2 id=\"runs\">Runs</h2>\n<p>")
                .append(comparison.runs().size()).append(" run(s) in ").append(comparison.groups().size())
                .append(" group(s) of scenario and strategy. ").append(baselineIntro(comparison)).append("</p>\n")
                .append("<table class=\"runs\"><thead><tr><th>run</th><th>folder</th><th>budgets</th><th>baseline</th>"
                        + "</tr></thead><tbody>\n");
        for (ComparedRun r : comparison.runs()) {
            out.append("<tr data-run=\"").append(escape(r.run().key().name())).append("\"><th>")
                    .append(escape(r.run().key().name())).append("</th><td>").append(escape(r.run().folderName()))
                    .append("</td>").append(budgets(r.budgets())).append(baseline(r)).append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    private static String baselineIntro(Comparison comparison) {
        if (comparison.baseline() == null) {
            return "No baseline was given (<code>--baseline DIR</code>), so nothing is marked as a regression.";
        }
        return "Each run is compared with the run of the same scenario, strategy and seed in "
                + escape(comparison.baseline().folder().toString()) + " (" + comparison.baseline().size()
                + " runs); a run without one there is named below and compared with nothing.";
    }

    private static String budgets(BudgetSummary b) {
        if (b.total() == 0) {
            return "<td class=\"budgets\">none recorded</td>";
        }
        if (b.allHeld()) {
            return "<td class=\"budgets held\">all " + b.total() + " held</td>";
        }
        StringBuilder out = new StringBuilder("<td class=\"budgets failed\">").append(b.failed().size()).append(" of ")
                .append(b.total()).append(" exceeded:<ul>");
        for (BudgetSummary.Failed f : b.failed()) {
            out.append("<li data-budget=\"").append(escape(f.name())).append("\"><b>").append(escape(f.name()))
                    .append("</b>: ").append(escape(f.metric())).append(" = ").append(Format.number(f.value()))
                    .append(", limit ").append(escape(f.comparison())).append(' ').append(Format.number(f.limit()))
                    .append("</li>");
        }
        return out.append("</ul></td>").toString();
    }

    private static String baseline(ComparedRun r) {
        if (r.baseline() == null) {
            return "<td class=\"baseline\">–</td>";
        }
        RunData baseline = r.baseline().baseline();
        return baseline != null ? "<td class=\"baseline matched\">" + escape(baseline.folderName()) + "</td>"
                : "<td class=\"baseline missing\">" + escape(r.baseline().absentBecause()) + "</td>";
    }
}
