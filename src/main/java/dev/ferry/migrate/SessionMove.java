package dev.ferry.migrate;

/**
 * One session's move onto one target cluster, as the disruption budgets count it: in flight (in a
 * {@link BudgetSnapshot}) or a candidate the scheduler would like to start now, to the cluster placement chose.
 */
public record SessionMove(String sessionId, String owner, String team, String cluster) {

    public SessionMove {
        Checks.name(sessionId, "sessionId");
        Checks.name(owner, "owner");
        Checks.name(team, "team");
        Checks.name(cluster, "cluster");
    }
}
