package dev.ferry.migrate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the budgets are computed from, as observed on the clusters: the moves in flight (started and not yet
 * finished or rolled back) and how many sessions each team has (all of them, migrating or not).
 */
public record BudgetSnapshot(List<SessionMove> inFlight, Map<String, Integer> teamSessions) {

    public BudgetSnapshot {
        Checks.present(inFlight, "inFlight");
        Checks.present(teamSessions, "teamSessions");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inFlight.size(); i++) {
            SessionMove m = Checks.present(inFlight.get(i), "inFlight[" + i + "]");
            if (!seen.add(m.sessionId())) {
                throw new IllegalArgumentException("inFlight lists session " + m.sessionId() + " twice");
            }
        }
        teamSessions.forEach((team, count) -> {
            Checks.name(team, "a team name in teamSessions");
            Checks.present(count, "teamSessions[" + team + "]");
            Checks.atLeast(count, 0, "teamSessions[" + team + "]");
        });
        inFlight = List.copyOf(inFlight);
        teamSessions = Map.copyOf(teamSessions);
    }
}
