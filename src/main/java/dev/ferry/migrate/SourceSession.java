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
 * @param stopRequested its run ended because someone asked the source to stop it (Peloton's {@code KILLED}), not
 *                  because it failed or was lost: with no migration record in sight the scheduler did not ask, so
 *                  its user did, and it stays stopped
 */
public record SourceSession(String jobId, String owner, String team, String zone, Resources resources,
        SourceState state, String stateName, boolean stopRequested) {

    public SourceSession {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateName, "stateName");
        if (stopRequested && state != SourceState.ENDED) {
            throw new IllegalArgumentException("only an ended session can have been stopped on request, not one "
                    + state);
        }
    }

    /** A session that did not end on request, whose state the source names {@code stateName}. */
    public SourceSession(String jobId, String owner, String team, String zone, Resources resources,
            SourceState state, String stateName) {
        this(jobId, owner, team, zone, resources, state, stateName, false);
    }

    /** A session whose state the source names like {@code state}. */
    public SourceSession(String jobId, String owner, String team, String zone, Resources resources,
            SourceState state) {
        this(jobId, owner, team, zone, resources, state, state.name(), false);
    }
}
