package dev.ferry.migrate;

import java.util.Objects;

/**
 * A session as the source orchestrator holds it, in the reconciler's terms.
 *
 * @param jobId     its id on the source (what stop and start name)
 * @param owner     its user
 * @param team      its user's team
 * @param zone      the zone it runs in
 * @param resources what it reserves there
 * @param state     where it stands
 * @param stateName its state as the source names it, for reports (e.g. Peloton's {@code KILLING})
 */
public record SourceSession(String jobId, String owner, String team, String zone, Resources resources,
        SourceState state, String stateName) {

    public SourceSession {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateName, "stateName");
    }

    /** A session whose state the source names like {@code state}. */
    public SourceSession(String jobId, String owner, String team, String zone, Resources resources,
            SourceState state) {
        this(jobId, owner, team, zone, resources, state, state.name());
    }
}
