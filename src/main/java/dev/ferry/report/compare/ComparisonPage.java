package dev.ferry.report.compare;

import static dev.ferry.report.html.HtmlPage.escape;

import dev.ferry.report.html.HtmlPage;
import java.io.IOException;

/**
 * The comparison as one self-contained HTML page, in the order an analyst asks: which strategy is better and
 * is it real; which runs these are, their budgets and baselines; the charts; every figure.
 */
final class ComparisonPage {

    private static final String STYLE = """
            h2{margin-top:2em;border-bottom:1px solid #ddd}
            .note{color:#57606a}.missing{color:#9a6700}
            .headline li{margin:.3em 0}
            .verdict.better,.verdict.worse{font-weight:bold}.verdict.within-noise{color:#57606a}
            .verdict.no-interval,.verdict.not-judged{color:#8c959f}
            .regression{color:#cf222e;font-weight:bold}.improvement{color:#1a7f37}.neutral{color:#8c959f}
            .budgets.failed{color:#cf222e}.budgets ul{margin:.2em 0;padding-left:1.2em;text-align:left}
            .baseline.missing{color:#9a6700;text-align:left;max-width:30em}
            .runs td,.runs th{text-align:left}
            tr.section th{background:#eaeef2;text-transform:capitalize}
            td.kind{color:#57606a;text-align:left;font-size:.85em}
            .wide{overflow-x:auto}
            small{color:#57606a}
            """;

    private ComparisonPage() {
    }

    static String html(Comparison comparison) throws IOException {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ferry comparison</title>\n"
                + HtmlPage.style(STYLE) + "</head><body>\n<h1>Ferry comparison</h1>\n<p>"
                + escape(summary(comparison)) + " Sections: <a href=\"#strategies\">strategies compared</a>, "
                + "<a href=\"#runs\">runs, budgets and baselines</a>, <a href=\"#charts\">charts</a>, "
                + "<a href=\"#figures\">every figure</a>.</p>\n"
                + ContrastSection.html(comparison)
                + RunsSection.html(comparison)
                + HtmlPage.echartsScript() + "\n"
                + ChartsSection.html(comparison)
                + FiguresSection.html(comparison)
                + METHOD + "</body></html>\n";
    }

    private static String summary(Comparison comparison) {
        StringBuilder s = new StringBuilder();
        for (Group g : comparison.groups()) {
            s.append(s.length() == 0 ? "" : "; ").append(g.key().name()).append(" (").append(g.seedList()).append(')');
        }
        return comparison.runs().size() + " run(s): " + s + ".";
    }

    private static final String METHOD = """
            <h2 id="method">How the intervals are computed</h2>
            <p>For a figure, the difference is the mean over the second group's seeds minus the mean over the
            first's. Its 95% interval is Welch's: the difference ± t(0.975, ν) times the standard error
            √(s²₁/n₁ + s²₂/n₂), with the Welch–Satterthwaite degrees of freedom ν (the "Welch df" column), as
            commons-statistics' t-test computes them. Welch's t assumes no equal spread in the two groups
            (strategies differ in spread as much as in mean) and does not pair the seeds, which makes it the
            cautious choice when both groups ran the same seeds. With one seed in a group there is no spread
            to estimate and no interval is given. With every seed of both groups giving one value each, the
            difference is the same on every seed and is judged as it stands. Everything but the machine
            figures is a function of scenario, strategy and seed, so a change against the baseline run of the
            same three is the code's doing and needs no interval.</p>
            """;
}
