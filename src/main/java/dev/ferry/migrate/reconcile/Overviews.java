package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.BudgetSnapshot;
import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Refusal;
import dev.ferry.migrate.SessionMove;
import dev.ferry.migrate.TargetCluster;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a pass's {@link MigrationOverview} from what it observed and decided. */
final class Overviews {

    private Overviews() {
    }

    static MigrationOverview of(Observation snapshot, Plan plan, MigrationPolicy policy, boolean paused,
            long nowMillis) {
        Map<MigrationState, Integer> byState = new EnumMap<>(MigrationState.class);
        Map<String, Map<MigrationState, Integer>> perCluster = new TreeMap<>();
        int withoutJob = 0;
        int unreadable = 0;
        for (SessionObservation s : snapshot.sessions()) {
            List<TargetJob> live = s.liveTargets();
            if (live.isEmpty()) {
                withoutJob++;
                continue;
            }
            TargetJob kept = Repair.keep(live);
            if (kept.state().isEmpty()) {
                unreadable++;
                continue;
            }
            byState.merge(kept.state().get(), 1, Integer::sum);
            perCluster.computeIfAbsent(kept.cluster(), c -> new EnumMap<>(MigrationState.class))
                    .merge(kept.state().get(), 1, Integer::sum);
        }
        List<MigrationOverview.ClusterView> clusters = new ArrayList<>();
        for (TargetCluster c : snapshot.clusters()) {
            clusters.add(new MigrationOverview.ClusterView(c.name(), !snapshot.unreachable().contains(c.name()),
                    perCluster.getOrDefault(c.name(), Map.of())));
        }
        DisruptionBudget budget = policy.budget();
        return new MigrationOverview(nowMillis, paused, snapshot.sessions().size(), withoutJob, unreadable, byState,
                clusters, budgets(snapshot, budget), budget.inWindow(nowMillis), budget.nextWindow(nowMillis),
                plan.held());
    }

    private static List<MigrationOverview.BudgetUse> budgets(Observation snapshot, DisruptionBudget budget) {
        BudgetSnapshot inFlight = Candidates.budgetSnapshot(snapshot);
        Map<String, Integer> perCluster = new HashMap<>();
        Map<String, Integer> perTeam = new HashMap<>();
        for (SessionMove m : inFlight.inFlight()) {
            perCluster.merge(m.cluster(), 1, Integer::sum);
            perTeam.merge(m.team(), 1, Integer::sum);
        }
        List<MigrationOverview.BudgetUse> uses = new ArrayList<>();
        uses.add(new MigrationOverview.BudgetUse(Refusal.Cause.GLOBAL, "global", inFlight.inFlight().size(),
                budget.maxConcurrent()));
        for (TargetCluster c : snapshot.clusters()) {
            uses.add(new MigrationOverview.BudgetUse(Refusal.Cause.CLUSTER, c.name(),
                    perCluster.getOrDefault(c.name(), 0), budget.clusterLimit(c.name())));
        }
        new TreeMap<>(inFlight.teamSessions()).forEach((team, n) -> uses.add(new MigrationOverview.BudgetUse(
                Refusal.Cause.TEAM, team, perTeam.getOrDefault(team, 0), budget.teamLimit(n))));
        return uses;
    }
}
