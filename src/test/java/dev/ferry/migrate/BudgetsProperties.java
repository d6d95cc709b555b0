package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Admission for any budget, snapshot, candidates and time. Names come from small pools so that
 * owners, teams, clusters and even session ids collide; limits are small so that every rule binds;
 * in-flight migrations may already exceed a (lowered) budget. The checks count from scratch.
 */
class BudgetsProperties {

    private static final List<String> SESSIONS = Stream.iterate(0, i -> i + 1).limit(40).map(i -> "s" + i).toList();
    private static final List<String> OWNERS = Stream.iterate(0, i -> i + 1).limit(20).map(i -> "u" + i).toList();
    private static final List<String> TEAMS = List.of("t0", "t1", "t2", "t3");
    private static final List<String> CLUSTERS = List.of("k0", "k1", "k2");
    private static final List<String> WINDOWS = List.of("* 18-23,0-6 * * 1-5", "* * * * 0,6", "*/10 * * * *",
            "0-29 * * * *", "* 9-17 * * *");

    /** One generated case. */
    record Case(DisruptionBudget budget, BudgetSnapshot snapshot, List<SessionMove> candidates, long now) {
        Admission admit() {
            return Budgets.admit(budget, snapshot, candidates, now);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<DisruptionBudget> budgets = Combinators.combine(
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 5),
                Arbitraries.maps(Arbitraries.of(CLUSTERS), Arbitraries.integers().between(0, 4)).ofMaxSize(2),
                Arbitraries.of(0.05, 0.1, 0.2, 0.29, 0.33, 0.5, 1.0),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<MigrationWindow>of())),
                        Tuple.of(1, Arbitraries.of(WINDOWS).map(MigrationWindow::parse).list().ofMinSize(1).ofMaxSize(2)))
        ).as(DisruptionBudget::new);
        Arbitrary<SessionMove> flights = Combinators.combine(Arbitraries.of(SESSIONS),
                Arbitraries.of(OWNERS), Arbitraries.of(TEAMS), Arbitraries.of(CLUSTERS)).as(SessionMove::new);
        Arbitrary<BudgetSnapshot> snapshots = Combinators.combine(
                flights.list().ofMaxSize(6).uniqueElements(SessionMove::sessionId),
                Arbitraries.maps(Arbitraries.of(TEAMS), Arbitraries.integers().between(0, 25)).ofMinSize(3).ofMaxSize(4)
        ).as(BudgetSnapshot::new);
        Arbitrary<List<SessionMove>> candidates = Combinators.combine(Arbitraries.of(SESSIONS), Arbitraries.of(OWNERS),
                Arbitraries.of(TEAMS), Arbitraries.of(CLUSTERS)).as(SessionMove::new).list().ofMaxSize(12);
        Arbitrary<Long> times = Arbitraries.longs().between(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        return Combinators.combine(budgets, snapshots, candidates, times).as(Case::new);
    }

    @Property
    void admittedPlusInFlightNeverExceedsAnyBudget(@ForAll("cases") Case c) {
        Admission a = c.admit();
        List<SessionMove> in = a.admitted();
        List<SessionMove> flying = c.snapshot().inFlight();
        if (!c.budget().inWindow(c.now())) {
            assertThat(in).as("nothing outside the windows").isEmpty();
        }
        // one migration per owner and per session, counting those in flight
        Set<String> flyingOwners = flying.stream().map(SessionMove::owner).collect(Collectors.toSet());
        Set<String> flyingSessions = flying.stream().map(SessionMove::sessionId).collect(Collectors.toSet());
        assertThat(in).extracting(SessionMove::owner).doesNotHaveDuplicates().noneMatch(flyingOwners::contains);
        assertThat(in).extracting(SessionMove::sessionId).doesNotHaveDuplicates().noneMatch(flyingSessions::contains);
        // limits: any group that received an admission is within its limit
        if (!in.isEmpty()) {
            assertThat(flying.size() + in.size()).isLessThanOrEqualTo(c.budget().maxConcurrent());
        }
        Map<String, Long> flyingPerCluster = count(flying, SessionMove::cluster);
        count(in, SessionMove::cluster).forEach((cluster, n) -> assertThat(flyingPerCluster.getOrDefault(cluster, 0L) + n)
                .as("cluster %s", cluster).isLessThanOrEqualTo(c.budget().clusterLimit(cluster)));
        Map<String, Long> flyingPerTeam = count(flying, SessionMove::team);
        count(in, SessionMove::team).forEach((team, n) -> {
            int sessions = c.snapshot().teamSessions().getOrDefault(team, 0);
            assertThat(sessions).as("team %s is counted", team).isPositive();
            // independent of the rounding: within the real-valued share, or the one a team may always have
            assertThat((double) (flyingPerTeam.getOrDefault(team, 0L) + n)).as("team %s", team)
                    .isLessThanOrEqualTo(Math.max(1.0, c.budget().maxTeamShare() * sessions + 1e-9));
        });
        // every candidate is answered exactly once, in order
        assertThat(a.admitted().size() + a.refused().size()).isEqualTo(c.candidates().size());
        assertThat(isSubsequence(a.admitted(), c.candidates())).isTrue();
        assertThat(isSubsequence(a.refused().stream().map(Refusal::candidate).toList(), c.candidates())).isTrue();
    }

    @Property
    void everyRefusalIsNecessaryTheRuleItNamesIsFullEvenAtTheEnd(@ForAll("cases") Case c) {
        Admission a = c.admit();
        List<SessionMove> flying = c.snapshot().inFlight();
        List<SessionMove> in = a.admitted();
        for (Refusal r : a.refused()) {
            SessionMove x = r.candidate();
            boolean broken = switch (r.cause()) {
                case WINDOW -> !c.budget().inWindow(c.now());
                case ALREADY_MIGRATING -> Stream.concat(flying.stream().map(SessionMove::sessionId),
                        in.stream().map(SessionMove::sessionId)).anyMatch(x.sessionId()::equals);
                case OWNER -> Stream.concat(flying.stream().map(SessionMove::owner),
                        in.stream().map(SessionMove::owner)).anyMatch(x.owner()::equals);
                case GLOBAL -> flying.size() + in.size() >= c.budget().maxConcurrent();
                case CLUSTER -> flying.stream().filter(f -> f.cluster().equals(x.cluster())).count()
                        + in.stream().filter(i -> i.cluster().equals(x.cluster())).count()
                        >= c.budget().clusterLimit(x.cluster());
                case TEAM -> {
                    int sessions = c.snapshot().teamSessions().getOrDefault(x.team(), 0);
                    yield sessions == 0 || flying.stream().filter(f -> f.team().equals(x.team())).count()
                            + in.stream().filter(i -> i.team().equals(x.team())).count()
                            >= c.budget().teamLimit(sessions);
                }
            };
            assertThat(broken).as("%s refused for %s: %s", x, r.cause(), r.reason()).isTrue();
            Statistics.label("answers").collect(r.cause().name());
        }
        in.forEach(i -> Statistics.label("answers").collect("ADMITTED"));
        // the generator exercises every rule
        Statistics.label("answers").coverage(cov -> {
            cov.check("ADMITTED").percentage(p -> p > 8);
            for (Refusal.Cause cause : Refusal.Cause.values()) {
                cov.check(cause.name()).percentage(p -> p > 2);
            }
        });
    }

    /**
     * The monotonicity greedy has: a candidate's fate depends only on those before it. So cutting the
     * list after any position leaves every earlier answer as it was. (Removing an admitted candidate may
     * let a later one in and so push another out: greedy is not monotone in that sense.)
     */
    @Property
    void appendingCandidatesNeverChangesEarlierAnswers(@ForAll("cases") Case c) {
        Admission all = c.admit();
        for (int k = 0; k <= c.candidates().size(); k++) {
            Admission prefix = Budgets.admit(c.budget(), c.snapshot(), c.candidates().subList(0, k), c.now());
            assertThat(all.admitted().subList(0, prefix.admitted().size())).isEqualTo(prefix.admitted());
            assertThat(all.refused().subList(0, prefix.refused().size())).isEqualTo(prefix.refused());
        }
    }

    /** A refused candidate uses up nothing: taking it out of the list changes no other answer. */
    @Property
    void removingARefusedCandidateChangesNothingElse(@ForAll("cases") Case c) {
        Admission all = c.admit();
        List<Boolean> admitted = verdicts(c);
        int refusedSoFar = 0;
        for (int i = 0; i < c.candidates().size(); i++) {
            if (admitted.get(i)) {
                continue;
            }
            List<SessionMove> without = new ArrayList<>(c.candidates());
            without.remove(i);
            Admission after = Budgets.admit(c.budget(), c.snapshot(), without, c.now());
            List<Refusal> expectedRefused = new ArrayList<>(all.refused());
            expectedRefused.remove(refusedSoFar);
            assertThat(after.admitted()).isEqualTo(all.admitted());
            assertThat(after.refused()).isEqualTo(expectedRefused);
            refusedSoFar++;
        }
    }

    /** The same inputs give the same answer, and the order of the in-flight list and of the team counts does not matter. */
    @Property
    void deterministicAndIndependentOfHowTheSnapshotIsListed(@ForAll("cases") Case c) {
        Admission a = c.admit();
        assertThat(c.admit()).isEqualTo(a);
        List<SessionMove> reversed = new ArrayList<>(c.snapshot().inFlight());
        Collections.reverse(reversed);
        Map<String, Integer> sortedTeams = new TreeMap<>(Comparator.reverseOrder());
        sortedTeams.putAll(c.snapshot().teamSessions());
        BudgetSnapshot relisted = new BudgetSnapshot(reversed, new LinkedHashMap<>(sortedTeams));
        assertThat(Budgets.admit(c.budget(), relisted, c.candidates(), c.now())).isEqualTo(a);
    }

    /** Whether each candidate was admitted, read off the prefixes (the list may hold equal candidates). */
    private static List<Boolean> verdicts(Case c) {
        List<Boolean> verdicts = new ArrayList<>();
        int before = 0;
        for (int k = 1; k <= c.candidates().size(); k++) {
            int now = Budgets.admit(c.budget(), c.snapshot(), c.candidates().subList(0, k), c.now()).admitted().size();
            verdicts.add(now > before);
            before = now;
        }
        return verdicts;
    }

    private static <T> boolean isSubsequence(List<T> part, List<T> whole) {
        int i = 0;
        for (T t : whole) {
            if (i < part.size() && part.get(i).equals(t)) {
                i++;
            }
        }
        return i == part.size();
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.counting()));
    }
}
