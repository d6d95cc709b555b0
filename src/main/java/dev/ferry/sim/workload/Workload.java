package dev.ferry.sim.workload;

import dev.ferry.model.ActivityModel;
import dev.ferry.model.PipModel;
import dev.ferry.model.PopulationModel;
import dev.ferry.model.RestartModel;
import java.time.Instant;

/**
 * One simulation scenario: how many sessions, for how long, from when, with which models, and an
 * optional pip storm (most users installing at once after an image update).
 */
public record Workload(String name, String description, int sessions, double days, Instant start,
                       PipModel pip, ActivityModel activity, RestartModel restarts, PopulationModel population,
                       Storm storm) {

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
