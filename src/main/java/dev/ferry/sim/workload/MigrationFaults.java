package dev.ferry.sim.workload;

import java.util.List;
import java.util.Objects;

/**
 * What goes wrong on the target clusters during a migration: Kubernetes API calls that fail, API servers that are
 * unreachable for a while (a zone outage takes its nodes down too), nodes lost at random, and pods slow to start.
 *
 * @param apiErrorRate         share of the calls to each cluster's API server answered 500, 503 or 429
 * @param outages              clusters whose API server is unreachable for a while
 * @param nodeLossesPerClusterDay nodes lost per cluster and day, at uniformly random times and nodes
 * @param nodeDownHours        how long a lost node stays away
 * @param slowStartShare       share of pod starts that are slow
 * @param slowStartFactor      how many times longer a slow start takes
 * @param schedulerRestarts    the migration scheduler killed at random points and started afresh
 */
public record MigrationFaults(double apiErrorRate, List<Outage> outages, double nodeLossesPerClusterDay,
                              double nodeDownHours, double slowStartShare, double slowStartFactor,
                              SchedulerRestarts schedulerRestarts) {

    public static final MigrationFaults NONE = new MigrationFaults(0, List.of(), 0, 1, 0, 1);

    public MigrationFaults {
        outages = List.copyOf(outages);
        Objects.requireNonNull(schedulerRestarts, "schedulerRestarts");
    }

    /** Faults without scheduler restarts. */
    public MigrationFaults(double apiErrorRate, List<Outage> outages, double nodeLossesPerClusterDay,
            double nodeDownHours, double slowStartShare, double slowStartFactor) {
        this(apiErrorRate, outages, nodeLossesPerClusterDay, nodeDownHours, slowStartShare, slowStartFactor,
                SchedulerRestarts.NONE);
    }

    /**
     * The scheduler process killed {@code perDay} times a day on average (a Poisson process from the migration's
     * start), at any point of a pass, and a fresh one started {@code downMinutes} later with nothing but what it
     * observes.
     */
    public record SchedulerRestarts(double perDay, double downMinutes) {
        public static final SchedulerRestarts NONE = new SchedulerRestarts(0, 0);

        public boolean any() {
            return perDay > 0;
        }
    }

    /**
     * One cluster's API server unreachable from {@code fromHour} (hours from the workload's start) for
     * {@code hours}; with {@code nodesLost}, its nodes go down for that time as well and every pod on them fails.
     */
    public record Outage(String cluster, double fromHour, double hours, boolean nodesLost) {
    }

    public boolean any() {
        return apiErrorRate > 0 || !outages.isEmpty() || nodeLossesPerClusterDay > 0 || slowStartShare > 0
                || schedulerRestarts.any();
    }
}
