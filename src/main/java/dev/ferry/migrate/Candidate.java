package dev.ferry.migrate;

/**
 * A session the scheduler would like to start migrating now, to the target cluster placement chose.
 */
public record Candidate(String sessionId, String owner, String team, String cluster) {

    public Candidate {
        Checks.name(sessionId, "sessionId");
        Checks.name(owner, "owner");
        Checks.name(team, "team");
        Checks.name(cluster, "cluster");
    }
}
