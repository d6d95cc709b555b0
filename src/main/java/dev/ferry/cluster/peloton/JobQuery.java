package dev.ferry.cluster.peloton;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which session jobs to list; every criterion that is set must match, an unset one matches all.
 * Peloton's {@code stateless.QuerySpec} filters on owner and job states server-side but has no zone
 * or team criterion, so a real client applies {@link #matches(SessionJob)} to what it receives.
 * A {@code null} or empty {@code states} matches every state.
 */
public record JobQuery(String zone, String owningTeam, String owner, Set<TaskState> states) {

    private static final JobQuery ALL = new JobQuery(null, null, null, Set.of());

    public JobQuery {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    }

    /** Matches every job. */
    public static JobQuery all() {
        return ALL;
    }

    public JobQuery inZone(String zone) {
        return new JobQuery(Objects.requireNonNull(zone), owningTeam, owner, states);
    }

    public JobQuery ofTeam(String owningTeam) {
        return new JobQuery(zone, Objects.requireNonNull(owningTeam), owner, states);
    }

    public JobQuery ofOwner(String owner) {
        return new JobQuery(zone, owningTeam, Objects.requireNonNull(owner), states);
    }

    /** Only jobs whose task is in one of {@code states}. */
    public JobQuery inStates(TaskState first, TaskState... more) {
        return new JobQuery(zone, owningTeam, owner, EnumSet.of(first, more));
    }

    public boolean matches(SessionJob job) {
        return (zone == null || zone.equals(job.zone()))
                && (owningTeam == null || owningTeam.equals(job.owningTeam()))
                && (owner == null || owner.equals(job.owner()))
                && (states.isEmpty() || states.contains(job.state()));
    }
}
