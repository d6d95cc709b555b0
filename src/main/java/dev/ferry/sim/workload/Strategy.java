package dev.ferry.sim.workload;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationWindow;
import dev.ferry.migrate.reconcile.MigrationPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How sessions are moved, each strategy building the scheduler's policy from a workload's migration section: the
 * idle-aware scheduler, a fixed rate blind to activity, or all at once.
 */
public enum Strategy {
    /** The workload's budgets, windows, idle threshold, deadline and notice. */
    IDLE_AWARE {
        @Override
        public MigrationPolicy policy(Workload.Migration config, int sessionCount, long epochAtZero, long startNanos) {
            DisruptionBudget budget = new DisruptionBudget(config.maxConcurrent(), config.maxPerCluster(), Map.of(),
                    config.maxTeamShare(), config.windows().stream().map(MigrationWindow::parse).toList());
            return MigrationPolicy.standard(budget, Math.max(1, Math.round(config.idleThresholdMinutes() * MINUTE_MS)),
                    epochAtZero + Math.round(config.deadlineHour() * HOUR_MS), Math.round(config.noticeHours()
                    * HOUR_MS));
        }
    },
    /** Blind to activity, sessions admitted at the workload's {@code rolling_per_hour}. */
    ROLLING {
        @Override
        public boolean admitsAtARate() {
            return true;
        }
    },
    /** Blind to activity, every session at once. */
    BIG_BANG;

    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 3_600_000;
    private static final long MS = 1_000_000L;

    /**
     * The scheduler's policy for a migration of {@code sessionCount} sessions starting {@code startNanos} after the
     * kernel's zero, which is {@code epochAtZero} epoch ms. By default blind to activity: deadline at the start (so
     * nobody waits to be idle) and no budgets.
     */
    public MigrationPolicy policy(Workload.Migration config, int sessionCount, long epochAtZero, long startNanos) {
        DisruptionBudget unlimited = DisruptionBudget.of(sessionCount, sessionCount, 1.0);
        return MigrationPolicy.standard(unlimited, 1, epochAtZero + startNanos / MS, 0);
    }

    /** Whether sessions become candidates at a fixed rate (the rest of the time they are invisible to the scheduler). */
    public boolean admitsAtARate() {
        return false;
    }

    /** The name used in workloads, on the command line and in results.json: {@code idle-aware}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Strategy> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    /** The labels, for error messages and choices. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Strategy::label).toList();
    }
}
