package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed admissions. Unless a case says otherwise the budget is generous (100 global, 100 per
 * cluster, share 1.0) except for the one limit under test, and every team has 100 sessions.
 */
@DisplayName("Budgets admit candidates greedily in order, within every budget, and say why the others wait")
class BudgetsTest {

    private static final long MONDAY_NOON = Instant.parse("2025-01-06T12:00:00Z").toEpochMilli();
    private static final Map<String, Integer> TEAMS = Map.of("ds", 100, "ml", 100, "bi", 100);
    private static final DisruptionBudget GENEROUS = DisruptionBudget.of(100, 100, 1.0);

    private static SessionMove c(String session, String owner, String team, String cluster) {
        return new SessionMove(session, owner, team, cluster);
    }

    private static SessionMove flying(String session, String owner, String team, String cluster) {
        return new SessionMove(session, owner, team, cluster);
    }

    private static BudgetSnapshot snapshot(SessionMove... inFlight) {
        return new BudgetSnapshot(List.of(inFlight), TEAMS);
    }

    private static List<String> admittedIds(Admission a) {
        return a.admitted().stream().map(SessionMove::sessionId).toList();
    }

    @Nested
    @DisplayName("the global limit")
    class Global {

        @Test
        @DisplayName("counts the migrations in flight and those admitted before")
        void countsInFlight() {
            // 3 allowed, 1 in flight: s1 and s2 fill it, s3 and s4 wait
            DisruptionBudget budget = DisruptionBudget.of(3, 100, 1.0);
            Admission a = Budgets.admit(budget, snapshot(flying("s0", "u0", "ds", "k8s-a")),
                    List.of(c("s1", "u1", "ds", "k8s-a"), c("s2", "u2", "ml", "k8s-b"), c("s3", "u3", "bi", "k8s-c"),
                            c("s4", "u4", "bi", "k8s-d")), MONDAY_NOON);
            assertThat(admittedIds(a)).containsExactly("s1", "s2");
            assertThat(a.refused()).extracting(r -> r.candidate().sessionId(), Refusal::cause, Refusal::reason)
                    .containsExactly(
                            tuple("s3", Refusal.Cause.GLOBAL, "global limit of 3 concurrent migrations reached"),
                            tuple("s4", Refusal.Cause.GLOBAL, "global limit of 3 concurrent migrations reached"));
        }

        @Test
        @DisplayName("when already exceeded (the budget was lowered), admits nothing more")
        void alreadyExceeded() {
            Admission a = Budgets.admit(DisruptionBudget.of(1, 100, 1.0),
                    snapshot(flying("s0", "u0", "ds", "k8s-a"), flying("s9", "u9", "ml", "k8s-a")),
                    List.of(c("s1", "u1", "ds", "k8s-b")), MONDAY_NOON);
            assertThat(a.admitted()).isEmpty();
        }

        @Test
        @DisplayName("of 0 pauses the migration")
        void zero() {
            Admission a = Budgets.admit(DisruptionBudget.of(0, 100, 1.0), snapshot(),
                    List.of(c("s1", "u1", "ds", "k8s-b")), MONDAY_NOON);
            assertThat(a.refused()).extracting(Refusal::cause).containsExactly(Refusal.Cause.GLOBAL);
        }
    }

    @Nested
    @DisplayName("the per-cluster limit")
    class PerCluster {

        @Test
        @DisplayName("counts migrations onto each target cluster, with overrides by name")
        void perCluster() {
            // default 2 per cluster, k8s-b 1. k8s-a has 1 in flight: s1 fills it, s2 waits.
            // k8s-b: s3 fills it, s4 waits. k8s-c (default 2): s5 and s6.
            DisruptionBudget budget = DisruptionBudget.of(100, 2, 1.0).withClusterLimit("k8s-b", 1);
            Admission a = Budgets.admit(budget, snapshot(flying("s0", "u0", "ds", "k8s-a")),
                    List.of(c("s1", "u1", "ds", "k8s-a"), c("s2", "u2", "ds", "k8s-a"), c("s3", "u3", "ml", "k8s-b"),
                            c("s4", "u4", "ml", "k8s-b"), c("s5", "u5", "bi", "k8s-c"), c("s6", "u6", "bi", "k8s-c")),
                    MONDAY_NOON);
            assertThat(admittedIds(a)).containsExactly("s1", "s3", "s5", "s6");
            assertThat(a.refused()).extracting(r -> r.candidate().sessionId(), Refusal::reason).containsExactly(
                    tuple("s2", "cluster k8s-a at its limit of 2"),
                    tuple("s4", "cluster k8s-b at its limit of 1"));
        }

        @Test
        @DisplayName("a refused candidate uses up nothing: a later one for another cluster still goes")
        void refusedUsesNothing() {
            // k8s-b is paused (0). s1 is refused there; s2 onto k8s-a is admitted within the global limit of 1
            DisruptionBudget budget = DisruptionBudget.of(1, 5, 1.0).withClusterLimit("k8s-b", 0);
            Admission a = Budgets.admit(budget, snapshot(),
                    List.of(c("s1", "u1", "ds", "k8s-b"), c("s2", "u2", "ds", "k8s-a")), MONDAY_NOON);
            assertThat(admittedIds(a)).containsExactly("s2");
            assertThat(a.refused()).extracting(Refusal::reason).containsExactly("cluster k8s-b at its limit of 0");
        }
    }

    @Nested
    @DisplayName("the team share")
    class TeamShare {

        @Test
        @DisplayName("is a share of all the team's sessions, rounded down, counting those in flight")
        void share() {
            // ds has 12 sessions: 0.2 x 12 = 2.4 -> 2; one in flight, so one more (s1); s2 waits.
            // ml has 3 sessions: 0.2 x 3 = 0.6 -> at least 1: s3; s4 waits.
            DisruptionBudget budget = DisruptionBudget.of(100, 100, 0.2);
            BudgetSnapshot snap = new BudgetSnapshot(List.of(flying("s0", "u0", "ds", "k8s-a")),
                    Map.of("ds", 12, "ml", 3));
            Admission a = Budgets.admit(budget, snap, List.of(c("s1", "u1", "ds", "k8s-a"),
                    c("s2", "u2", "ds", "k8s-a"), c("s3", "u3", "ml", "k8s-a"), c("s4", "u4", "ml", "k8s-a")),
                    MONDAY_NOON);
            assertThat(admittedIds(a)).containsExactly("s1", "s3");
            assertThat(a.refused()).extracting(Refusal::cause, Refusal::reason).containsExactly(
                    tuple(Refusal.Cause.TEAM, "team ds at its limit of 2 (0.2 of 12 sessions)"),
                    tuple(Refusal.Cause.TEAM, "team ml at its limit of 1 (0.2 of 3 sessions)"));
        }

        @Test
        @DisplayName("a team the snapshot does not count is refused: unknown size, no disruption")
        void uncountedTeam() {
            Admission a = Budgets.admit(GENEROUS, new BudgetSnapshot(List.of(), Map.of("ds", 4, "ml", 0)),
                    List.of(c("s1", "u1", "qa", "k8s-a"), c("s2", "u2", "ml", "k8s-a")), MONDAY_NOON);
            assertThat(a.admitted()).isEmpty();
            assertThat(a.refused()).extracting(Refusal::reason).containsExactly(
                    "team qa has no sessions counted in the snapshot",
                    "team ml has no sessions counted in the snapshot");
        }
    }

    @Nested
    @DisplayName("one migration per user")
    class PerOwner {

        @Test
        @DisplayName("refuses an owner with a session in flight or admitted earlier in the round")
        void onePerOwner() {
            // alice has s0 in flight; bob's s2 goes, so his s3 waits; carol's s4 goes
            Admission a = Budgets.admit(GENEROUS, snapshot(flying("s0", "alice", "ds", "k8s-a")),
                    List.of(c("s1", "alice", "ds", "k8s-a"), c("s2", "bob", "ds", "k8s-a"),
                            c("s3", "bob", "ml", "k8s-b"), c("s4", "carol", "ml", "k8s-b")), MONDAY_NOON);
            assertThat(admittedIds(a)).containsExactly("s2", "s4");
            assertThat(a.refused()).extracting(Refusal::cause, Refusal::reason).containsExactly(
                    tuple(Refusal.Cause.OWNER, "owner alice already has a session migrating (s0)"),
                    tuple(Refusal.Cause.OWNER, "owner bob already has a session migrating (s2)"));
        }

        @Test
        @DisplayName("refuses a session already migrating, or listed again after being admitted")
        void sameSession() {
            Admission a = Budgets.admit(GENEROUS, snapshot(flying("s0", "alice", "ds", "k8s-a")),
                    List.of(c("s0", "alice", "ds", "k8s-a"), c("s1", "bob", "ds", "k8s-a"),
                            c("s1", "bob", "ds", "k8s-a")), MONDAY_NOON);
            assertThat(admittedIds(a)).containsExactly("s1");
            assertThat(a.refused()).extracting(Refusal::cause, Refusal::reason).containsExactly(
                    tuple(Refusal.Cause.ALREADY_MIGRATING, "session s0 is already migrating"),
                    tuple(Refusal.Cause.ALREADY_MIGRATING, "session s1 was admitted earlier in this round"));
        }
    }

    @Nested
    @DisplayName("the windows")
    class Windows {

        private final DisruptionBudget weeknights = GENEROUS.withWindows("* 18-23,0-6 * * 1-5");

        @Test
        @DisplayName("outside every window nothing is admitted, and the reason says when the next opens")
        void outside() {
            Admission a = Budgets.admit(weeknights, snapshot(),
                    List.of(c("s1", "u1", "ds", "k8s-a"), c("s2", "u2", "ds", "k8s-a")), MONDAY_NOON);
            assertThat(a.admitted()).isEmpty();
            assertThat(a.refused()).extracting(Refusal::cause).containsOnly(Refusal.Cause.WINDOW);
            assertThat(a.refused().get(0).reason()).isEqualTo(
                    "outside the migration windows [* 18-23,0-6 * * 1-5]; the next opens at 2025-01-06T18:00:00Z");
        }

        @Test
        @DisplayName("inside a window the other budgets decide")
        void inside() {
            long mondayEvening = Instant.parse("2025-01-06T19:30:00Z").toEpochMilli();
            Admission a = Budgets.admit(weeknights, snapshot(), List.of(c("s1", "u1", "ds", "k8s-a")), mondayEvening);
            assertThat(admittedIds(a)).containsExactly("s1");
        }

        @Test
        @DisplayName("a window that never opens within the horizon says so")
        void never() {
            DisruptionBudget leapDay = GENEROUS.withWindows("0 0 29 2 *");
            Admission a = Budgets.admit(leapDay, snapshot(), List.of(c("s1", "u1", "ds", "k8s-a")), MONDAY_NOON);
            assertThat(a.refused().get(0).reason()).endsWith("; none opens within 366 days");
        }
    }

    @Nested
    @DisplayName("order and reasons")
    class OrderAndReasons {

        @Test
        @DisplayName("the first broken rule is the reason: owner, then global, then cluster, then team")
        void firstBrokenRule() {
            // global 1, k8s-a 0, team share -> 1 of 1 session. s0 (alice) in flight fills global.
            // s1 is alice's again: owner comes first even though global and cluster are also full
            DisruptionBudget budget = DisruptionBudget.of(1, 0, 0.5);
            Admission a = Budgets.admit(budget, new BudgetSnapshot(List.of(flying("s0", "alice", "ds", "k8s-b")),
                    Map.of("ds", 1)), List.of(c("s1", "alice", "ds", "k8s-a"), c("s2", "bob", "ds", "k8s-a")),
                    MONDAY_NOON);
            assertThat(a.refused()).extracting(Refusal::cause)
                    .containsExactly(Refusal.Cause.OWNER, Refusal.Cause.GLOBAL);
        }

        @Test
        @DisplayName("greedy in the given order: the order is the scheduler's priority")
        void greedyInOrder() {
            // one slot on k8s-a: whoever is listed first gets it
            DisruptionBudget budget = DisruptionBudget.of(100, 1, 1.0);
            SessionMove x = c("sx", "ux", "ds", "k8s-a");
            SessionMove y = c("sy", "uy", "ds", "k8s-a");
            assertThat(admittedIds(Budgets.admit(budget, snapshot(), List.of(x, y), MONDAY_NOON))).containsExactly("sx");
            assertThat(admittedIds(Budgets.admit(budget, snapshot(), List.of(y, x), MONDAY_NOON))).containsExactly("sy");
        }

        @Test
        @DisplayName("no candidates, nothing to do")
        void empty() {
            assertThat(Budgets.admit(GENEROUS, snapshot(), List.of(), MONDAY_NOON))
                    .isEqualTo(new Admission(List.of(), List.of()));
        }
    }
}
