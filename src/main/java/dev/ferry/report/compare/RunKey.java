package dev.ferry.report.compare;

import java.util.Comparator;

/**
 * What identifies a run, as its results.json states it: the scenario (workload), the migration strategy
 * ({@code null} for a run without a migration) and the seed. Two runs with equal keys simulated the same
 * thing, so only they are compared as run and baseline.
 */
public record RunKey(String scenario, String strategy, long seed) {

    static final Comparator<RunKey> ORDER = Comparator.comparing(RunKey::group, GroupKey.ORDER)
            .thenComparingLong(RunKey::seed);

    public GroupKey group() {
        return new GroupKey(scenario, strategy);
    }

    /** As the page names it: {@code migrate-small · rolling · seed 3}. */
    public String name() {
        return group().name() + " · seed " + seed;
    }

    /**
     * Runs sharing a scenario and strategy: the seeds of one group are samples of the same thing, so a
     * group's figures have a spread and two groups' means can be compared.
     */
    public record GroupKey(String scenario, String strategy) {

        static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::scenario)
                .thenComparing(GroupKey::strategy, Comparator.nullsFirst(Comparator.naturalOrder()));

        /** {@code migrate-small · rolling}, or the scenario alone for a run without a migration. */
        public String name() {
            return strategy == null ? scenario : scenario + " · " + strategy;
        }

        /** What tells this group from another of its scenario: the strategy, or "no migration". */
        public String shortName() {
            return strategy == null ? "no migration" : strategy;
        }
    }
}
