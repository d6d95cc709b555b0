package dev.ferry.migrate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disruption budgets as a pure function of a snapshot, as Karpenter computes them: the same budget,
 * snapshot, candidates and time always give the same admission.
 */
public final class Budgets {

    private Budgets() {
    }

    /**
     * Admits candidates greedily in the given order: each one is admitted when, counting the migrations
     * in flight and those admitted before it, it breaks no rule; otherwise it is refused with the first
     * rule it breaks, in the order of {@link Refusal.Cause}. A refused candidate uses up nothing, so a
     * candidate's fate depends only on the snapshot and the candidates admitted before it.
     */
    public static Admission admit(DisruptionBudget budget, BudgetSnapshot snapshot, List<SessionMove> candidates,
                                  long nowMillis) {
        Checks.present(budget, "budget");
        Checks.present(snapshot, "snapshot");
        Checks.present(candidates, "candidates");
        List<SessionMove> admitted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        if (!budget.inWindow(nowMillis)) {
            String reason = outsideWindows(budget, nowMillis);
            for (SessionMove c : candidates) {
                refused.add(new Refusal(Checks.present(c, "candidate"), Refusal.Cause.WINDOW, reason));
            }
            return new Admission(admitted, refused);
        }
        Tally tally = new Tally(snapshot);
        for (SessionMove c : candidates) {
            Refusal refusal = tally.check(budget, snapshot, Checks.present(c, "candidate"));
            if (refusal == null) {
                tally.add(c);
                admitted.add(c);
            } else {
                refused.add(refusal);
            }
        }
        return new Admission(admitted, refused);
    }

    private static String outsideWindows(DisruptionBudget budget, long nowMillis) {
        long next = budget.nextWindow(nowMillis);
        return "outside the migration windows " + budget.windows() + "; "
                + (next == MigrationWindow.NEVER ? "none opens within " + MigrationWindow.HORIZON_DAYS + " days"
                : "the next opens at " + Instant.ofEpochMilli(next));
    }

    /** The migrations in flight plus those admitted so far, counted per rule. */
    private static final class Tally {
        private final Set<String> sessions = new HashSet<>();
        private final Set<String> inFlight = new HashSet<>();
        private final Map<String, String> sessionOfOwner = new HashMap<>();
        private final Map<String, Integer> perCluster = new HashMap<>();
        private final Map<String, Integer> perTeam = new HashMap<>();
        private int total;

        Tally(BudgetSnapshot snapshot) {
            for (SessionMove m : snapshot.inFlight()) {
                add(m);
                inFlight.add(m.sessionId());
            }
        }

        void add(SessionMove m) {
            sessions.add(m.sessionId());
            sessionOfOwner.merge(m.owner(), m.sessionId(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            perCluster.merge(m.cluster(), 1, Integer::sum);
            perTeam.merge(m.team(), 1, Integer::sum);
            total++;
        }

        Refusal check(DisruptionBudget budget, BudgetSnapshot snapshot, SessionMove c) {
            if (sessions.contains(c.sessionId())) {
                String when = inFlight.contains(c.sessionId()) ? " is already migrating"
                        : " was admitted earlier in this round";
                return new Refusal(c, Refusal.Cause.ALREADY_MIGRATING, "session " + c.sessionId() + when);
            }
            String ownersSession = sessionOfOwner.get(c.owner());
            if (ownersSession != null) {
                return new Refusal(c, Refusal.Cause.OWNER,
                        "owner " + c.owner() + " already has a session migrating (" + ownersSession + ")");
            }
            if (total >= budget.maxConcurrent()) {
                return new Refusal(c, Refusal.Cause.GLOBAL,
                        "global limit of " + budget.maxConcurrent() + " concurrent migrations reached");
            }
            int clusterLimit = budget.clusterLimit(c.cluster());
            if (perCluster.getOrDefault(c.cluster(), 0) >= clusterLimit) {
                return new Refusal(c, Refusal.Cause.CLUSTER,
                        "cluster " + c.cluster() + " at its limit of " + clusterLimit);
            }
            Integer teamSessions = snapshot.teamSessions().get(c.team());
            if (teamSessions == null || teamSessions == 0) {
                return new Refusal(c, Refusal.Cause.TEAM,
                        "team " + c.team() + " has no sessions counted in the snapshot");
            }
            int teamLimit = budget.teamLimit(teamSessions);
            if (perTeam.getOrDefault(c.team(), 0) >= teamLimit) {
                return new Refusal(c, Refusal.Cause.TEAM, "team " + c.team() + " at its limit of " + teamLimit
                        + " (" + budget.maxTeamShare() + " of " + teamSessions + " sessions)");
            }
            return null;
        }
    }
}
