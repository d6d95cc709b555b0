package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.Refusal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where the migration stands after one pass that observed every Job, for operators: how many sessions are in each
 * migration state, overall and per target cluster; what is in flight against each budget's limit; whether a
 * window is open; and why each session that could migrate has not (yet). Counts are as observed at the pass's
 * start, so the migrations the pass itself started are not among them; they are not held either.
 *
 * @param atEpochMillis         when the pass ran
 * @param paused                whether an operator had paused the migration
 * @param sessions              sessions observed (on the source, or with a Job anywhere)
 * @param withoutJob            sessions with no live Job on any cluster (never migrated, or to be tried again)
 * @param unreadable            sessions whose Job's migration record does not parse (an operator's business)
 * @param byState               sessions by the state of the Job kept for them; states with none are left out
 * @param clusters              the target clusters, by name
 * @param budgets               the global, per-cluster and per-team limits with what is in flight against each
 *                              (one user's one session at a time is not listed per user)
 * @param inWindow              whether a migration window is open (or none is configured)
 * @param nextWindowEpochMillis when one next opens ({@code atEpochMillis} while open; {@link
 *                              dev.ferry.migrate.MigrationWindow#NEVER} if none does)
 * @param held                  per held-back session id, why it did not start
 */
public record MigrationOverview(long atEpochMillis, boolean paused, int sessions, int withoutJob, int unreadable,
        Map<MigrationState, Integer> byState, List<ClusterView> clusters, List<BudgetUse> budgets, boolean inWindow,
        long nextWindowEpochMillis, SortedMap<String, HoldReason> held) {

    /** One target cluster: whether it answered, and its sessions by the state of their Job there. */
    public record ClusterView(String name, boolean reachable, Map<MigrationState, Integer> byState) {
        public ClusterView {
            Objects.requireNonNull(name, "name");
            byState = states(byState);
        }
    }

    /**
     * One disruption budget's use.
     *
     * @param budget   {@code GLOBAL}, {@code CLUSTER} or {@code TEAM}
     * @param scope    {@code global}, the cluster's name or the team's
     * @param inFlight migrations in flight it counts
     * @param limit    how many it allows at once
     */
    public record BudgetUse(Refusal.Cause budget, String scope, int inFlight, int limit) {
        public BudgetUse {
            if (budget != Refusal.Cause.GLOBAL && budget != Refusal.Cause.CLUSTER && budget != Refusal.Cause.TEAM) {
                throw new IllegalArgumentException("a budget's use is GLOBAL, CLUSTER or TEAM, found " + budget);
            }
            Objects.requireNonNull(scope, "scope");
        }
    }

    public MigrationOverview {
        byState = states(byState);
        clusters = List.copyOf(clusters);
        budgets = List.copyOf(budgets);
        held = Collections.unmodifiableSortedMap(new TreeMap<>(held));
    }

    private static Map<MigrationState, Integer> states(Map<MigrationState, Integer> counts) {
        Map<MigrationState, Integer> copy = new EnumMap<>(MigrationState.class);
        counts.forEach((state, n) -> {
            if (n > 0) {
                copy.put(state, n);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
