package dev.ferry.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.report.html.HtmlPage;
import dev.ferry.sim.migration.StillOnSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's sections written as HTML: the disruption figures and splits, the sessions left on the source, the worst
 * sessions, what ran.
 */
final class SummarySection {

    /** How many of the sessions left on the source {@link #stillOnSource} lists. */
    static final int SHOWN_ON_SOURCE = 20;

    private SummarySection() {
    }

    static String disruption(RunReport report) {
        JsonNode r = report.results();
        int sessions = report.sessions().size();
        long active = report.sessions().stream().filter(SessionDisruptions.Row::whileActive).count();
        boolean migration = r.has("disruption");
        StringBuilder out = new StringBuilder("<p class=\"note\">")
                .append(migration ? "The migration's disruption windows: from a session going down to it being"
                        + " usable again, user-visible when its user was active at any moment of it."
                        : "This run has no migration: the windows are the sessions' restarts, from the container"
                        + " stopping to the session being usable again.")
                .append("</p><table id=\"disruption-figures\"><tbody>");
        row(out, "sessions disrupted while active", String.format(Locale.ROOT, "%,d of %,d (%.2f%%)", active,
                sessions, 100.0 * active / Math.max(1, sessions)));
        if (migration) {
            row(out, "lost kernel state (running containers the migration stopped)",
                    RunPage.number(RunPage.value(r, "disruption.lost_kernel_state")));
            row(out, "lost packages (the checkpoint lacked them when the migration stopped the session)",
                    RunPage.number(RunPage.value(r, "disruption.lost_packages")));
        }
        row(out, "lost kernel state at restarts (every restart loses it)",
                RunPage.number(RunPage.value(r, "coalescing.restarts")));
        row(out, "lost packages at restarts", RunPage.number(RunPage.value(r, "coalescing.lost_packages_at_restart")));
        out.append("</tbody></table>");
        out.append("<h3>Share of sessions disrupted at most so long (summed per session)</h3>"
                + "<div id=\"chart-cdf\" class=\"chart\"></div>");
        SeriesTable groups = report.table("disruption_by_group");
        for (String split : new String[] {"cluster", "team"}) {
            if (split.equals("cluster") && !report.migrated()) {
                continue;
            }
            out.append("<h3>By ").append(split.equals("cluster") ? "cluster the session ended on" : "team")
                    .append("</h3><table class=\"groups\" data-split=\"").append(split).append("\"><thead><tr><th>")
                    .append(split).append("</th><th>sessions</th><th>disrupted while active</th><th>user-visible p95 s"
                    + "</th><th>user-visible max s</th><th>total p95 s</th><th>total max s</th></tr></thead><tbody>");
            for (int k = 0; k < groups.size(); k++) {
                if (groups.get(k, 0).equals(split)) {
                    out.append("<tr><th>").append(HtmlPage.escape(groups.get(k, 1).toString())).append("</th>");
                    for (int c : new int[] {2, 3, 5, 7, 9, 11}) {
                        out.append("<td>").append(RunPage.number(((Number) groups.get(k, c)).doubleValue()))
                                .append("</td>");
                    }
                    out.append("</tr>");
                }
            }
            out.append("</tbody></table>");
        }
        return out.toString();
    }

    /** How many sessions were left on the source at the end, by why, and the first few with the scheduler's words. */
    static String stillOnSource(RunReport report) {
        List<StillOnSource> left = report.stillOnSource();
        if (left.isEmpty()) {
            return "<p class=\"note\" id=\"still-on-source\">No session is left on the source at the end.</p>";
        }
        StringBuilder out = new StringBuilder("<h3>Still on the source at the end</h3><p class=\"note\""
                + " id=\"still-on-source\">").append(String.format(Locale.ROOT, "%,d", left.size()))
                .append(left.size() == 1 ? " session runs" : " sessions run")
                .append(" on the source at the end. Why, as the scheduler's latest full pass held them back: ");
        StringBuilder counts = new StringBuilder();
        Map<String, Integer> byReason = StillOnSource.byReason(left);
        byReason.forEach((reason, n) -> counts.append(counts.length() == 0 ? "" : ", ")
                .append(reason).append(' ').append(String.format(Locale.ROOT, "%,d", n)));
        out.append(HtmlPage.escape(counts.toString()))
                .append(byReason.containsKey(StillOnSource.NOT_HELD) ? " (" + StillOnSource.NOT_HELD
                        + ": that pass did not hold it back; it came back to the source or was seen after it)" : "")
                .append(".</p><table id=\"still-on-source-sessions\"><thead><tr>"
                        + "<th>session</th><th>reason</th><th>the scheduler's words</th></tr></thead><tbody>");
        for (StillOnSource s : left.subList(0, Math.min(SHOWN_ON_SOURCE, left.size()))) {
            out.append("<tr><td>").append(s.session()).append(" (").append(HtmlPage.escape(s.sessionId()))
                    .append(")</td><td>").append(HtmlPage.escape(s.reason())).append("</td><td>")
                    .append(HtmlPage.escape(s.detail())).append("</td></tr>");
        }
        out.append("</tbody></table>");
        if (left.size() > SHOWN_ON_SOURCE) {
            out.append("<p class=\"note\">The first ").append(SHOWN_ON_SOURCE).append(" of ")
                    .append(String.format(Locale.ROOT, "%,d", left.size())).append(" are listed.</p>");
        }
        return out.toString();
    }

    static String worst(RunReport report) {
        SeriesTable worst = report.table("worst_sessions");
        StringBuilder out = new StringBuilder();
        if (worst.size() == 0) {
            out.append("<p class=\"note\">No session was disrupted.</p>");
        }
        out.append("<table id=\"worst\"><thead><tr><th>rank</th><th>session</th><th>team</th><th>cluster</th>"
                + "<th>user-visible s</th><th>total s</th><th>rollbacks</th><th></th></tr></thead><tbody>");
        for (int k = 0; k < worst.size(); k++) {
            out.append("<tr>");
            for (int c = 0; c < 7; c++) {
                Object v = worst.get(k, c);
                out.append("<td>").append(v instanceof Number n ? RunPage.number(n.doubleValue())
                        : HtmlPage.escape(v == null ? "" : v.toString())).append("</td>");
            }
            out.append("<td><button type=\"button\" data-session=\"").append(worst.get(k, 1))
                    .append("\">timeline</button></td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    static String run(RunInfo info, JsonNode results) {
        StringBuilder out = new StringBuilder("<table id=\"what-ran\"><tbody>");
        row(out, "workload", info.workload() + " (" + info.workloadFile() + ")");
        row(out, "scenario", info.scenario());
        row(out, "seed", Long.toString(info.seed()));
        row(out, "strategy", info.strategy() == null ? "none (no migration)" : info.strategy());
        row(out, "sessions, virtual days", RunPage.number(RunPage.value(results, "sessions")) + ", "
                + RunPage.number(RunPage.value(results, "virtual_days")) + " from " + info.start());
        row(out, "Ferry version", info.build().version());
        row(out, "git commit", info.build().describeCommit());
        row(out, "wall time", String.format(Locale.ROOT, "%.1f s", info.wallSeconds()));
        out.append("<tr><th>reproduce with</th><td><code id=\"command\">").append(HtmlPage.escape(info.command()))
                .append("</code></td></tr>");
        return out.append("</tbody></table>").toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<tr><th>").append(HtmlPage.escape(name)).append("</th><td>").append(HtmlPage.escape(value))
                .append("</td></tr>");
    }
}
