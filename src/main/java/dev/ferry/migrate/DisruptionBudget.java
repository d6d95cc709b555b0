package dev.ferry.migrate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much disruption the scheduler may cause at once. Besides these limits, one user never has two
 * sessions migrating at a time. A limit of 0 pauses what it covers.
 *
 * @param maxConcurrent  migrations in flight at once, over all clusters
 * @param maxPerCluster  migrations in flight at once onto one target cluster, unless {@code clusterLimits}
 *                       says otherwise
 * @param clusterLimits  per-cluster overrides of {@code maxPerCluster}, by cluster name
 * @param maxTeamShare   the largest share of a team's sessions migrating at once, in (0, 1]; rounded
 *                       down, but a team that has sessions may always migrate at least one
 * @param windows        when migrations may start; empty means at any time
 */
public record DisruptionBudget(int maxConcurrent, int maxPerCluster, Map<String, Integer> clusterLimits,
                               double maxTeamShare, List<MigrationWindow> windows) {

    public DisruptionBudget {
        Checks.atLeast(maxConcurrent, 0, "maxConcurrent");
        Checks.atLeast(maxPerCluster, 0, "maxPerCluster");
        Checks.present(clusterLimits, "clusterLimits");
        clusterLimits.forEach((cluster, limit) -> {
            Checks.name(cluster, "a cluster name in clusterLimits");
            Checks.present(limit, "clusterLimits[" + cluster + "]");
            Checks.atLeast(limit, 0, "clusterLimits[" + cluster + "]");
        });
        if (!(maxTeamShare > 0 && maxTeamShare <= 1)) {
            throw new IllegalArgumentException("maxTeamShare must be more than 0 and at most 1 (e.g. 0.2 for 20%),"
                    + " found " + maxTeamShare);
        }
        Checks.present(windows, "windows");
        for (int i = 0; i < windows.size(); i++) {
            Checks.present(windows.get(i), "windows[" + i + "]");
        }
        clusterLimits = Map.copyOf(clusterLimits);
        windows = List.copyOf(windows);
    }

    /** A budget with no per-cluster overrides and no windows. */
    public static DisruptionBudget of(int maxConcurrent, int maxPerCluster, double maxTeamShare) {
        return new DisruptionBudget(maxConcurrent, maxPerCluster, Map.of(), maxTeamShare, List.of());
    }

    /** This budget with {@code cluster}'s limit set to {@code limit}. */
    public DisruptionBudget withClusterLimit(String cluster, int limit) {
        Map<String, Integer> limits = new HashMap<>(clusterLimits);
        limits.put(cluster, limit);
        return new DisruptionBudget(maxConcurrent, maxPerCluster, limits, maxTeamShare, windows);
    }

    /** This budget with these windows instead of its own (cron expressions, see {@link MigrationWindow}). */
    public DisruptionBudget withWindows(String... expressions) {
        return new DisruptionBudget(maxConcurrent, maxPerCluster, clusterLimits, maxTeamShare,
                Arrays.stream(expressions).map(MigrationWindow::parse).toList());
    }

    /** Migrations that may be in flight at once onto {@code cluster}. */
    public int clusterLimit(String cluster) {
        return clusterLimits.getOrDefault(cluster, maxPerCluster);
    }

    /**
     * Migrations that may be in flight at once among a team of {@code teamSessions} sessions:
     * the share rounded down (computed in decimal, so 0.29 of 100 is 29), at least 1 when the team has any.
     */
    public int teamLimit(int teamSessions) {
        Checks.atLeast(teamSessions, 0, "teamSessions");
        if (teamSessions == 0) {
            return 0;
        }
        int share = BigDecimal.valueOf(maxTeamShare).multiply(BigDecimal.valueOf(teamSessions))
                .setScale(0, RoundingMode.FLOOR).intValueExact();
        return Math.max(1, share);
    }

    /** Whether a migration may start at {@code epochMillis}: no windows, or one of them allows it. */
    public boolean inWindow(long epochMillis) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> w.allows(epochMillis));
    }

    /** The first instant at or after {@code epochMillis} in a window, or {@link MigrationWindow#NEVER}. */
    public long nextWindow(long epochMillis) {
        return windows.isEmpty() ? epochMillis
                : windows.stream().mapToLong(w -> w.nextAllowed(epochMillis)).min().orElseThrow();
    }
}
