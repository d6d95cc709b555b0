package dev.ferry.report;

import dev.ferry.migrate.Resources;
import dev.ferry.report.run.SessionDisruptions;
import dev.ferry.sim.run.SimulationResult;
import dev.ferry.sim.session.SessionMetrics;
import dev.ferry.sim.world.SessionProfile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Writes sessions.csv: one row per session, a header row first, plain numbers, for pandas. */
public final class SessionsCsv {

    static final String HEADER = "session,kind,size,cpu,memory_gib,gpu,team,owner,node,active_hours,operations,"
            + "state_changing_operations,checkpoints,quiescent_points,exact_points,latency_p50_ms,latency_max_ms,"
            + "missed_captures,restarts_user,restarts_oom,restarts_node_loss,lost_packages,interrupted_operations,"
            + "file_events,events_seen_by_tracker,cluster,migrated_at_h,disruption_user_visible_s,disruption_total_s,"
            + "rollbacks,disrupted_while_active";

    private SessionsCsv() {
    }

    /** Without a migration: the disruption columns are the sessions' restarts (see {@link SessionDisruptions}). */
    public static void write(SimulationResult result, Path file) throws IOException {
        write(result, SessionDisruptions.of(result, null), file);
    }

    /** With each session's disruption, in the order of {@code result}'s rows. */
    public static void write(SimulationResult result, List<SessionDisruptions.Row> disruptions, Path file)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int i = 0; i < result.rows().size(); i++) {
                SimulationResult.SessionRow row = result.rows().get(i);
                SessionDisruptions.Row d = disruptions.get(i);
                SessionProfile p = row.session().profile();
                SessionMetrics m = row.session().metrics();
                double[] latencies = m.latenciesMs();
                Arrays.sort(latencies);
                double p50 = latencies.length == 0 ? Double.NaN : latencies[(latencies.length - 1) / 2];
                double max = latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1];
                Resources size = p.size().resources();
                out.write(String.join(",", Integer.toString(p.id()), p.kind(), p.size().name(),
                        number(size.milliCpu() / 1000.0), number(size.memoryMiB() / 1024.0),
                        Integer.toString(size.gpus()), p.team(), p.owner(),
                        Integer.toString(p.node()), number(row.activeHours()), Long.toString(m.operations()),
                        Long.toString(m.stateChangingOperations()), Long.toString(m.checkpoints()),
                        Long.toString(m.quiescentPoints()), Long.toString(m.exactPoints()), number(p50), number(max),
                        Long.toString(m.missedCaptures()), Long.toString(m.userRestarts()), Long.toString(m.oomKills()),
                        Long.toString(m.nodeLosses()), Long.toString(m.lostPackages()), Long.toString(m.interruptedOperations()),
                        Long.toString(m.fileEvents()), Long.toString(m.visibleEvents()),
                        d.cluster() == null ? "" : d.cluster(), number(d.migratedAtHours()),
                        number(d.userVisibleSeconds()), number(d.totalSeconds()), d.rollbacks() == null ? "" : d.rollbacks().toString(),
                        d.whileActive() ? "1" : "0"));
                out.write('\n');
            }
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
