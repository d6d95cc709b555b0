package dev.ferry.report.run;

import dev.ferry.sim.run.SimulationResult;
import dev.ferry.sim.session.SessionMetrics;
import dev.ferry.sim.session.SessionTimeline;
import java.util.List;
import java.util.function.IntFunction;

/** The series of the report's disruption, coalescing and worst-sessions sections, from the sessions of a run. */
final class SessionSeries {

    /** A CDF keeps at most this many points per series: enough for a smooth curve, light for 3,500 sessions. */
    static final int CDF_POINTS = 400;
    static final int BINS = 30;
    static final int WORST = 50;

    private SessionSeries() {
    }

    /** The share of sessions whose summed user-visible (and total) disruption is at most so many seconds. */
    static SeriesTable disruptionCdf(List<SessionDisruptions.Row> rows) {
        SeriesTable t = new SeriesTable("disruption_cdf", "series", "seconds", "share_of_sessions");
        for (double[] p : Distributions.cdf(rows.stream().mapToDouble(SessionDisruptions.Row::userVisibleSeconds)
                .toArray(), CDF_POINTS)) {
            t.add("user_visible", p[0], p[1]);
        }
        for (double[] p : Distributions.cdf(rows.stream().mapToDouble(SessionDisruptions.Row::totalSeconds).toArray(),
                CDF_POINTS)) {
            t.add("total", p[0], p[1]);
        }
        return t;
    }

    /** Disruption per cluster the sessions ended on and per team (migration runs), or per team only. */
    static SeriesTable byGroup(List<SessionDisruptions.Row> rows, SimulationResult result) {
        SeriesTable t = new SeriesTable("disruption_by_group", "split", "key", "sessions", "disrupted_while_active",
                "user_visible_p50_s", "user_visible_p95_s", "user_visible_p99_s", "user_visible_max_s", "total_p50_s",
                "total_p95_s", "total_p99_s", "total_max_s");
        add(t, "cluster", Groups.split(rows, i -> rows.get(i).cluster()));
        IntFunction<String> team = i -> result.rows().get(i).session().profile().team();
        add(t, "team", Groups.split(rows, team));
        return t;
    }

    private static void add(SeriesTable t, String split, List<Groups.Group> groups) {
        for (Groups.Group g : groups) {
            double[] v = g.userVisible();
            double[] a = g.total();
            t.add(split, g.key(), (long) g.sessions(), (long) g.disruptedWhileActive(), v[0], v[1], v[2], v[3], a[0],
                    a[1], a[2], a[3]);
        }
    }

    /** How many captures took how long, from a command's last file event to the checkpoint that captured it. */
    static SeriesTable latencyHistogram(SimulationResult result) {
        double[] all = result.rows().stream().flatMapToDouble(r -> java.util.Arrays.stream(
                r.session().metrics().latenciesMs())).toArray();
        return histogram("latency_histogram", "from_ms", "to_ms", "captures", Distributions.histogram(all, BINS));
    }

    /** Sessions by their checkpoints per state-changing command (sessions that ran one). */
    static SeriesTable checkpointsPerOperation(SimulationResult result) {
        double[] ratios = result.rows().stream().map(r -> r.session().metrics())
                .filter(m -> m.stateChangingOperations() > 0)
                .mapToDouble(m -> m.checkpoints() / (double) m.stateChangingOperations()).toArray();
        return histogram("checkpoints_per_operation", "from", "to", "sessions", Distributions.histogram(ratios, BINS));
    }

    private static SeriesTable histogram(String name, String from, String to, String count,
            Distributions.Histogram h) {
        SeriesTable t = new SeriesTable(name, from, to, count);
        for (int b = 0; b < h.counts().length; b++) {
            t.add(h.edges()[b], h.edges()[b + 1], h.counts()[b]);
        }
        return t;
    }

    /** Container stops by cause: the user, out of memory, a lost node, and the migration. */
    static SeriesTable restartsByCause(SimulationResult result) {
        SessionMetrics totals = result.totals();
        long migration = 0;
        for (SimulationResult.SessionRow r : result.rows()) {
            SessionTimeline t = r.session().timeline();
            for (int k = 0; k < t.size(); k++) {
                migration += t.kind(k) == SessionTimeline.Kind.STOP_MIGRATION ? 1 : 0;
            }
        }
        return new SeriesTable("restarts_by_cause", "cause", "restarts").add("user", totals.userRestarts())
                .add("oom", totals.oomKills()).add("node_loss", totals.nodeLosses()).add("migration", migration);
    }

    /** The most disrupted sessions: most user-visible seconds first, then most seconds in all. */
    static SeriesTable worst(List<SessionDisruptions.Row> rows, SimulationResult result) {
        SeriesTable t = new SeriesTable("worst_sessions", "rank", "session", "team", "cluster", "user_visible_s",
                "total_s", "rollbacks");
        int[] worst = Groups.worst(rows, WORST);
        for (int k = 0; k < worst.length; k++) {
            SessionDisruptions.Row r = rows.get(worst[k]);
            t.add((long) k + 1, (long) result.rows().get(worst[k]).session().profile().id(),
                    result.rows().get(worst[k]).session().profile().team(), r.cluster(), r.userVisibleSeconds(),
                    r.totalSeconds(), r.rollbacks() == null ? (Object) Double.NaN : (Object) (long) r.rollbacks());
        }
        return t;
    }
}
