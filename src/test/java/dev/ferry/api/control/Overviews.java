package dev.ferry.api.control;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Refusal;
import dev.ferry.migrate.reconcile.HoldReason;
import dev.ferry.migrate.reconcile.MigrationOverview;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A scheduler's overview for tests: two sessions, one migrating on east, alice held back by the pause. */
public final class Overviews {

    private Overviews() {
    }

    public static MigrationOverview sample(long at) {
        return new MigrationOverview(at, true, 2, 1, 0, Map.of(MigrationState.STARTING, 1),
                List.of(new MigrationOverview.ClusterView("east", true, Map.of(MigrationState.STARTING, 1)),
                        new MigrationOverview.ClusterView("west", false, Map.of())),
                List.of(new MigrationOverview.BudgetUse(Refusal.Cause.GLOBAL, "global", 1, 10),
                        new MigrationOverview.BudgetUse(Refusal.Cause.CLUSTER, "east", 1, 5)),
                true, at, new TreeMap<>(Map.of("alice", new HoldReason.Paused())));
    }
}
