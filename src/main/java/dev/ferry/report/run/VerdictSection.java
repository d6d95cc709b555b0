package dev.ferry.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.report.html.HtmlPage;
import java.util.List;
import java.util.Locale;

/** The top of the report: every budget and comparison judged on the run, passed or failed, value against limit. */
final class VerdictSection {

    private VerdictSection() {
    }

    static String html(JsonNode results, List<RunReport.Verdict> comparisons) {
        JsonNode budgets = results.path("budgets");
        int failed = 0;
        for (JsonNode b : budgets) {
            failed += b.path("pass").asBoolean(false) ? 0 : 1;
        }
        for (RunReport.Verdict c : comparisons) {
            failed += c.pass() ? 0 : 1;
        }
        int checks = budgets.size() + comparisons.size();
        StringBuilder out = new StringBuilder();
        if (checks == 0) {
            out.append("<p id=\"verdict-summary\" class=\"none\">No budgets were checked in this run. A single"
                    + " <code>ferry sim run</code> checks the budgets of <code>--budgets FILE</code> (default"
                    + " <code>sim/budgets.yaml</code>, when it exists) that apply to its scenario; none applied here."
                    + " Pass <code>--budgets sim/budgets.yaml</code>, or run it in <code>ferry sim suite</code>, which"
                    + " also judges the comparisons between scenarios.</p>");
            return out.toString();
        }
        out.append("<p id=\"verdict-summary\" class=\"").append(failed == 0 ? "better" : "worse").append("\">")
                .append(failed == 0 ? "PASSED: all " + checks + " checks held"
                        : "FAILED: " + failed + " of " + checks + " checks failed")
                .append("</p>");
        out.append("<table id=\"verdict-table\"><thead><tr><th>check</th><th>figure</th><th>value</th><th>limit</th>"
                + "<th>result</th></tr></thead><tbody>");
        for (JsonNode b : budgets) {
            boolean pass = b.path("pass").asBoolean(false);
            double value = b.path("value").isNumber() ? b.path("value").asDouble() : Double.NaN;
            out.append("<tr class=\"budget\" data-name=\"").append(HtmlPage.escape(b.path("name").asText()))
                    .append("\" data-value=\"").append(Double.isNaN(value) ? "" : Double.toString(value))
                    .append("\" data-pass=\"").append(pass).append("\"><th>")
                    .append(HtmlPage.escape(b.path("name").asText())).append("</th><td>")
                    .append(HtmlPage.escape(b.path("metric").asText())).append("</td><td>")
                    .append(RunPage.number(value)).append("</td><td>")
                    .append(HtmlPage.escape(b.path("comparison").asText())).append(' ')
                    .append(RunPage.number(b.path("limit").asDouble())).append("</td>")
                    .append(result(pass)).append("</tr>");
        }
        for (RunReport.Verdict c : comparisons) {
            out.append("<tr class=\"comparison\" data-name=\"").append(HtmlPage.escape(c.name()))
                    .append("\" data-pass=\"").append(c.pass()).append("\"><th>").append(HtmlPage.escape(c.name()))
                    .append("</th><td colspan=\"3\">").append(HtmlPage.escape(c.detail())).append("</td>")
                    .append(result(c.pass())).append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String result(boolean pass) {
        return String.format(Locale.ROOT, "<td class=\"%s\">%s</td>", pass ? "better" : "worse",
                pass ? "passed" : "FAILED");
    }
}
