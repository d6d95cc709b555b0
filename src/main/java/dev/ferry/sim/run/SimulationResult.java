package dev.ferry.sim.run;

import dev.ferry.sim.Quantiles;
import dev.ferry.sim.session.SessionMetrics;
import dev.ferry.sim.session.SimulatedSession;
import dev.ferry.sim.world.ActivitySchedule;
import dev.ferry.sim.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * What a run measured, summed over sessions (the definitions are DESIGN.md's): exactness at
 * quiescence, checkpoints per state-changing command, latency from a command's last file event
 * to the checkpoint that captures it, restarts and packages lost at them, and the event counts.
 */
public record SimulationResult(String scenario, long seed, int sessions, double virtualDays, long kernelEvents,
                               SessionMetrics totals, double latencyP50Ms, double latencyP99Ms, double latencyMaxMs,
                               List<SessionRow> rows) {

    /** One session's figures, for sessions.csv, and when its user was active. */
    public record SessionRow(SimulatedSession session, double activeHours, ActivitySchedule schedule) {
    }

    static SimulationResult of(Workload workload, long seed, List<SimulatedSession> sessions,
                               List<ActivitySchedule> schedules, long kernelEvents) {
        SessionMetrics totals = new SessionMetrics();
        List<double[]> latencies = new ArrayList<>();
        int count = 0;
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionMetrics m = sessions.get(i).metrics();
            totals.add(m);
            double[] l = m.latenciesMs();
            latencies.add(l);
            count += l.length;
            rows.add(new SessionRow(sessions.get(i), schedules.get(i).activeNanos() / 3.6e12, schedules.get(i)));
        }
        double[] all = new double[count];
        int at = 0;
        for (double[] l : latencies) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        Quantile quantile = Quantile.withDefaults();
        double p50 = all.length == 0 ? 0 : quantile.evaluate(all, 0.5);
        double p99 = all.length == 0 ? 0 : quantile.evaluate(all, 0.99);
        double max = all.length == 0 ? 0 : all[all.length - 1];
        return new SimulationResult(workload.name(), seed, sessions.size(), workload.days(), kernelEvents, totals,
                p50, p99, max, rows);
    }

    /** How long restores took, {p50, p95, p99, max} in seconds of virtual time. */
    public double[] restoreSecondsQuantiles() {
        return Quantiles.nearestRank(rows.stream().flatMapToDouble(r -> java.util.Arrays.stream(
                r.session().metrics().restoreSeconds())).toArray());
    }

    public double exactAtQuiescence() {
        return totals.quiescentPoints() == 0 ? 1 : (double) totals.exactPoints() / totals.quiescentPoints();
    }

    public double amplification() {
        return totals.stateChangingOperations() == 0 ? 0 : (double) totals.checkpoints() / totals.stateChangingOperations();
    }
}
