package dev.ferry.sim.workload;

import dev.ferry.model.ActivityModel;
import dev.ferry.model.ClusterModel;
import dev.ferry.model.PipModel;
import dev.ferry.model.PopulationModel;
import dev.ferry.model.RestartModel;
import java.time.Instant;
import java.util.List;

/**
 * One simulation scenario: how many sessions, for how long, from when, with which models, and an
 * optional pip storm (most users installing at once after an image update) and an optional
 * migration (null: none).
 */
public record Workload(String name, String description, int sessions, double days, Instant start,
                       PipModel pip, ActivityModel activity, RestartModel restarts, PopulationModel population,
                       Storm storm, Migration migration) {

    /** A workload without a migration. */
    public Workload(String name, String description, int sessions, double days, Instant start, PipModel pip,
                    ActivityModel activity, RestartModel restarts, PopulationModel population, Storm storm) {
        this(name, description, sessions, days, start, pip, activity, restarts, population, storm, null);
    }

    /**
     * Every session moves from Peloton to the Kubernetes federation of {@code clusters}, from {@code startHour}
     * hours after the start. {@code strategy} is the default (the command line may override it); the budgets,
     * idle threshold, deadline ({@code deadlineHour} from the start) and notice apply to idle-aware;
     * {@code rollingPerHour} is the rate of rolling. {@code windows} are cron expressions (none: any time).
     * {@code faults} apply to every strategy; so do {@code pauses}, when operators pause the migration.
     * {@code userStopsPerDay}: how often each session's user stops it on the source themselves, per session and day
     * from the workload's start (they start it again when they next become active).
     */
    public record Migration(Strategy strategy, double idleThresholdMinutes, int maxConcurrent, int maxPerCluster,
                            double maxTeamShare, List<String> windows, double deadlineHour, double noticeHours,
                            double rollingPerHour, double startHour, ClusterModel clusters, MigrationFaults faults,
                            List<Pause> pauses, java.util.Optional<Leases> leases, double userStopsPerDay) {

        public Migration {
            windows = List.copyOf(windows);
            pauses = List.copyOf(pauses);
            java.util.Objects.requireNonNull(leases, "leases");
            if (!(userStopsPerDay >= 0)) {
                throw new IllegalArgumentException("userStopsPerDay must be 0 or more, was " + userStopsPerDay);
            }
        }

        /** Users never stop their sessions on the source themselves. */
        public Migration(Strategy strategy, double idleThresholdMinutes, int maxConcurrent, int maxPerCluster,
                double maxTeamShare, List<String> windows, double deadlineHour, double noticeHours,
                double rollingPerHour, double startHour, ClusterModel clusters, MigrationFaults faults,
                List<Pause> pauses, java.util.Optional<Leases> leases) {
            this(strategy, idleThresholdMinutes, maxConcurrent, maxPerCluster, maxTeamShare, windows, deadlineHour,
                    noticeHours, rollingPerHour, startHour, clusters, faults, pauses, leases, 0);
        }
    }

    /**
     * Every session instance holds a lease with the control plane, renewed by its in-session agent every
     * {@code renewSeconds} for {@code ttlSeconds}; the scheduler may start a session elsewhere while its cluster is
     * out of sight once the lease expired plus {@code marginSeconds}. Absent: no leases, the safe default.
     */
    public record Leases(double ttlSeconds, double renewSeconds, double marginSeconds) {
    }

    /** Operators pause the migration {@code fromHour} hours from the start, for {@code hours}. */
    public record Pause(double fromHour, double hours) {
    }

    /**
     * Most users upgrade at once: {@code share} of the sessions, starting within {@code spreadMinutes}
     * after {@code atHour} hours from the start, each upgrading {@code upgrades} distributions.
     */
    public record Storm(double atHour, double share, double spreadMinutes, int upgrades) {
    }

    public long horizonNanos() {
        return (long) (days * 86_400e9);
    }
}
