package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.Observations.checkpoint;
import static dev.ferry.migrate.reconcile.Observations.job;
import static dev.ferry.migrate.reconcile.Observations.session;
import static dev.ferry.migrate.reconcile.Observations.twoClusters;
import static dev.ferry.migrate.reconcile.World.HOUR;
import static dev.ferry.migrate.reconcile.World.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.DisruptionBudget;
import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SourceState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("takeover: a session whose cluster is out of sight starts elsewhere only after its lease expired plus the margin")
class TakeoverTest {

    private static final long NOW = World.EPOCH + 100 * HOUR;
    private static final long MARGIN = LeaseReadings.STANDARD_MARGIN_MILLIS;
    private final MigrationPolicy policy = World.policy(DisruptionBudget.of(10, 10, 1.0));

    private static SessionObservation withLease(SessionObservation s, String place, long acquired, long expires,
            boolean released) {
        return s.withLease(Optional.of(new SessionLease(new LeaseStatus(place, acquired, expires, released),
                expires + MARGIN)));
    }

    private Plan blind(SessionObservation s) {
        return Reconciler.decide(new Observation(twoClusters(), List.of(s), Set.of("west")), policy, NOW);
    }

    @Nested
    @DisplayName("while its cluster cannot be read")
    class OutOfSight {

        // s1 ran on west (out of sight); its agent last renewed at NOW - 10 min with a 5 min TTL
        private final SessionObservation gone = session("s1", SourceState.ENDED, OptionalLong.of(0), checkpoint(4, 0));

        @Test
        @DisplayName("a lease held on the lost cluster, expired more than the margin ago: the source starts again")
        void expiredPastTheMargin() {
            Plan plan = blind(withLease(gone, "west", NOW - HOUR, NOW - MARGIN, false));

            assertThat(plan.actions()).containsExactly(new Action.StartSource("s1", "s1"));
            assertThat(plan.held().get("s1")).isInstanceOf(HoldReason.SourceNotRunning.class);
        }

        @Test
        @DisplayName("expired, but by less than the margin (the instance may still be stopping): nothing starts")
        void withinTheMargin() {
            Plan plan = blind(withLease(gone, "west", NOW - HOUR, NOW - MARGIN + 1, false));

            assertThat(plan.actions()).isEmpty();
            assertThat(plan.nextWakeupMillis()).isEqualTo(NOW + policy.pollMillis());
        }

        @Test
        @DisplayName("still valid: nothing starts")
        void live() {
            assertThat(blind(withLease(gone, "west", NOW - HOUR, NOW + MINUTE, false)).actions()).isEmpty();
        }

        @Test
        @DisplayName("no lease known (never taken, or the control plane forgot it): the safe default, nothing starts")
        void noLease() {
            assertThat(blind(gone).actions()).isEmpty();
        }

        @Test
        @DisplayName("the source gave the lease back and no target took it: its pod may still be starting, so the "
                + "source waits the start timeout too")
        void handedOverButNeverTaken() {
            long releasedAt = NOW - MARGIN - policy.startTimeoutMillis();
            assertThat(blind(withLease(gone, LeaseStatus.SOURCE, NOW - HOUR, releasedAt + 1, true)).actions())
                    .isEmpty();
            assertThat(blind(withLease(gone, LeaseStatus.SOURCE, NOW - HOUR, releasedAt, true)).actions())
                    .containsExactly(new Action.StartSource("s1", "s1"));
        }

        @Test
        @DisplayName("a session still running on the source is not touched")
        void sourceRunning() {
            SessionObservation running = session("s2", SourceState.RUNNING, OptionalLong.of(0), checkpoint(4, 0));
            Plan plan = blind(withLease(running, LeaseStatus.SOURCE, NOW - HOUR, NOW - HOUR, false));

            assertThat(plan.actions()).isEmpty();
            assertThat(plan.held().get("s2")).isInstanceOf(HoldReason.ClustersUnreachable.class);
        }
    }

    @Nested
    @DisplayName("once the cluster is back")
    class Back {

        private final long started = NOW - 5 * HOUR;

        private SessionObservation doneOnWest(SourceState source) {
            return session("s1", source, OptionalLong.of(0), checkpoint(4, 0),
                    job("west", "s1", MigrationState.DONE, false, PodPhase.RUNNING, 4, started));
        }

        @Test
        @DisplayName("the source took the lease after the migration began: the Job is retired in one patch "
                + "(suspended and rolled back), the source stays")
        void sourceTookOver() {
            SessionObservation s = withLease(doneOnWest(SourceState.RUNNING), LeaseStatus.SOURCE, NOW - HOUR,
                    NOW + MINUTE, false);

            Plan plan = Reconciler.decide(Observations.of(twoClusters(), s), policy, NOW);

            assertThat(plan.actions()).containsExactly(new Action.SuspendJob("s1", "west",
                    new MigrationRecord(4, MigrationState.ROLLED_BACK, started), "7"));
        }

        @Test
        @DisplayName("the source started again but its agent has no lease yet, the Job's is past its margin: retired")
        void targetLeasePastMargin() {
            SessionObservation s = withLease(doneOnWest(SourceState.RUNNING), "west", started, NOW - MARGIN, false);

            assertThat(Reconciler.decide(Observations.of(twoClusters(), s), policy, NOW).actions())
                    .containsExactly(new Action.SuspendJob("s1", "west",
                            new MigrationRecord(4, MigrationState.ROLLED_BACK, started), "7"));
        }

        @Test
        @DisplayName("a Job caught mid-migration when the source took over is retired too, never left rolling back")
        void startingJobRetired() {
            SessionObservation s = withLease(session("s1", SourceState.RUNNING, OptionalLong.of(0), checkpoint(4, 0),
                    job("west", "s1", MigrationState.STARTING, false, PodPhase.PENDING, 4, started)),
                    LeaseStatus.SOURCE, NOW - HOUR, NOW + MINUTE, false);

            assertThat(Reconciler.decide(Observations.of(twoClusters(), s), policy, NOW).actions())
                    .containsExactly(new Action.SuspendJob("s1", "west",
                            new MigrationRecord(4, MigrationState.ROLLED_BACK, started), "7"));
        }

        @Test
        @DisplayName("retired Jobs count against no budget: with one migration allowed at a time, ten Jobs retired "
                + "when their zone came back leave room for an idle session, and are then deleted to migrate anew")
        void retiredJobsAreNotInFlight() {
            MigrationPolicy one = World.policy(DisruptionBudget.of(1, 1, 1.0));
            long migrated = NOW - 2 * policy.retryBackoffMillis(); // long enough ago to be retried at once
            List<SessionObservation> back = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                back.add(withLease(session("r" + i, SourceState.RUNNING, OptionalLong.of(0), checkpoint(4, 0),
                        job("west", "r" + i, MigrationState.DONE, false, PodPhase.RUNNING, 4, migrated)),
                        LeaseStatus.SOURCE, NOW - HOUR, NOW + MINUTE, false));
            }
            Plan retiring = Reconciler.decide(new Observation(twoClusters(), back), one, NOW);

            // the next pass observes what the patches wrote, and an idle session
            List<SessionObservation> next = new java.util.ArrayList<>();
            for (Action a : retiring.actions()) {
                Action.SuspendJob patch = (Action.SuspendJob) a;
                next.add(withLease(session(a.sessionId(), SourceState.RUNNING, OptionalLong.of(0), checkpoint(4, 0),
                        job("west", a.sessionId(), patch.migration().state(), true, null, 4, migrated)),
                        LeaseStatus.SOURCE, NOW - HOUR, NOW + MINUTE, false));
            }
            next.add(session("idle", SourceState.RUNNING, OptionalLong.of(0), checkpoint(4, 0)));
            Plan plan = Reconciler.decide(new Observation(twoClusters(), next), one, NOW + 30 * World.SECOND);

            assertThat(retiring.actions()).as("retired").hasSize(10);
            assertThat(plan.actions()).as("deleted").filteredOn(a -> a.sessionId().startsWith("r"))
                    .hasSize(10).allMatch(a -> a instanceof Action.DeleteJob);
            assertThat(plan.actions()).filteredOn(a -> a.sessionId().equals("idle"))
                    .hasAtLeastOneElementOfType(Action.CreateSuspendedJob.class);
            assertThat(plan.held()).doesNotContainKey("idle");
        }
    }
}
