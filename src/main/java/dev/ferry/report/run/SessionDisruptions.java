package dev.ferry.report.run;

import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.migration.MigrationHistory;
import dev.ferry.sim.run.SimulationResult;
import dev.ferry.sim.session.SessionTimeline;
import dev.ferry.sim.world.ActivitySchedule;
import java.util.ArrayList;
import java.util.List;

/**
 * Each session's disruption, as sessions.csv and the report show it. In a migration run these are the migration's
 * windows (the ones results.json's {@code disruption} quantiles are computed from), where the session ended and
 * when its migration was done. In a run without a migration they are the session's restarts: from the container
 * stopping to the session being usable again, user-visible when its user was active at any moment of it.
 */
public final class SessionDisruptions {

    /**
     * @param cluster            the cluster the session ended migrated on, null if none
     * @param migratedAtHours    virtual hours from the start when its migration was done, NaN if not migrated
     * @param userVisibleSeconds its user-visible windows, summed
     * @param totalSeconds       all its windows, summed
     * @param rollbacks          times it went back to the source; null in a run without a migration
     * @param whileActive        whether its user saw a window
     */
    public record Row(String cluster, double migratedAtHours, double userVisibleSeconds, double totalSeconds,
                      Integer rollbacks, boolean whileActive) {
    }

    private SessionDisruptions() {
    }

    /** One row per session of {@code result}, in its order; {@code history} null for a run without a migration. */
    public static List<Row> of(SimulationResult result, MigrationHistory history) {
        List<Row> rows = new ArrayList<>(result.rows().size());
        long horizon = Math.round(result.virtualDays() * VirtualTime.DAY);
        for (int i = 0; i < result.rows().size(); i++) {
            SimulationResult.SessionRow row = result.rows().get(i);
            if (history != null) {
                MigrationHistory.SessionDisruption d = history.disruption(i);
                long at = history.migratedAt(i);
                rows.add(new Row(history.migratedTo(i), at < 0 ? Double.NaN : at / (double) VirtualTime.HOUR,
                        d.userVisibleNanos() / 1e9, d.totalNanos() / 1e9, d.rollbacks(), d.whileActive()));
            } else {
                rows.add(restarts(row.session().timeline(), row.schedule(), horizon));
            }
        }
        return rows;
    }

    /** The windows of a session's restarts: each stop to the next moment it is usable (or the horizon). */
    static Row restarts(SessionTimeline t, ActivitySchedule activity, long horizon) {
        long visible = 0;
        long total = 0;
        boolean seen = false;
        long down = -1;
        for (int k = 0; k < t.size(); k++) {
            SessionTimeline.Kind kind = t.kind(k);
            if (isStop(kind) && down < 0) {
                down = t.at(k);
            } else if (kind == SessionTimeline.Kind.USABLE && down >= 0) {
                long length = t.at(k) - down;
                total += length;
                if (activity.activeDuring(down, t.at(k))) {
                    visible += length;
                    seen = true;
                }
                down = -1;
            }
        }
        if (down >= 0 && horizon > down) {
            total += horizon - down;
            if (activity.activeDuring(down, horizon)) {
                visible += horizon - down;
                seen = true;
            }
        }
        return new Row(null, Double.NaN, visible / 1e9, total / 1e9, null, seen);
    }

    static boolean isStop(SessionTimeline.Kind kind) {
        return kind == SessionTimeline.Kind.STOP_USER || kind == SessionTimeline.Kind.STOP_OOM
                || kind == SessionTimeline.Kind.STOP_NODE_LOSS || kind == SessionTimeline.Kind.STOP_MIGRATION;
    }
}
