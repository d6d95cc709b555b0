package dev.ferry.migrate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.SourceState;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the executor skips the rest of a session's actions after one does not apply, and never retries")
class ExecutorTest {

    private final World w = new World(World.cluster("east", "zone-a", 8000, 32));
    private final Executor executor = new Executor(w.source, w.targets, (id, owner, deadline) -> { });

    @Test
    @DisplayName("the Job cannot be created (503): the source is not stopped; retryable")
    void createFailsSourceKeepsRunning() {
        w.idleSession("s1", "ann", "data", 1);
        w.targets.failNext(new TargetClusterException("east", "create job session-s1 failed: unavailable", true, null));

        Execution e = executor.apply(List.of(
                new Action.CreateSuspendedJob("east", World.spec("s1", "ann", "data"), w.now()),
                new Action.StopSource("s1", "s1")));

        assertThat(e.applied()).isZero();
        assertThat(e.stopped()).hasValueSatisfying(s -> {
            assertThat(s.reason()).isEqualTo(Execution.Reason.API_ERROR);
            assertThat(s.retryable()).isTrue();
        });
        assertThat(w.source.state("s1")).isEqualTo(SourceState.RUNNING);
        assertThat(w.targets.jobsOf("s1")).isEmpty();
    }

    @Test
    @DisplayName("one session's failed create holds back only that session: the next session's actions apply")
    void otherSessionsGoOn() {
        w.idleSession("s1", "ann", "data", 1);
        w.idleSession("s2", "bob", "data", 1);
        w.targets.failNext(new TargetClusterException("east", "create job session-s1 failed: internal", true, null));

        Execution e = executor.apply(List.of(
                new Action.CreateSuspendedJob("east", World.spec("s1", "ann", "data"), w.now()),
                new Action.StopSource("s1", "s1"),
                new Action.CreateSuspendedJob("east", World.spec("s2", "bob", "data"), w.now()),
                new Action.StopSource("s2", "s2")));

        assertThat(e.applied()).isEqualTo(2);
        assertThat(e.stops()).singleElement().satisfies(s -> assertThat(s.action().sessionId()).isEqualTo("s1"));
        assertThat(w.source.state("s1")).isEqualTo(SourceState.RUNNING);
        assertThat(w.targets.jobsOf("s1")).isEmpty();
        assertThat(w.targets.jobsOf("s2")).hasSize(1);
        assertThat(w.source.state("s2")).isNotEqualTo(SourceState.RUNNING);
    }

    @Test
    @DisplayName("a patch on a stale resourceVersion stops the plan as STALE; the scheduler looks again at once")
    void staleStops() {
        w.idleSession("s1", "ann", "data", 1);
        FakeTargets.Job job = w.targets.put("east", World.spec("s1", "ann", "data"), MigrationState.STOPPING_SOURCE,
                true, null, w.now());

        Execution e = executor.apply(List.of(
                new Action.PatchState("s1", "east",
                        new MigrationRecord(0, MigrationState.STARTING, w.now()), "stale"),
                new Action.StopSource("s1", "s1")));

        assertThat(e.applied()).isZero();
        assertThat(e.stopped().orElseThrow().reason()).isEqualTo(Execution.Reason.STALE);
        assertThat(job.migration.state()).isEqualTo(MigrationState.STOPPING_SOURCE);
        assertThat(w.source.state("s1")).isEqualTo(SourceState.RUNNING);
    }

    @Test
    @DisplayName("Peloton refuses a start (FAILED_PRECONDITION): reported as not retryable")
    void pelotonRefusal() {
        w.idleSession("s1", "ann", "data", 1);

        Execution e = executor.apply(List.of(new Action.StartSource("s1", "s1")));

        assertThat(e.stopped().orElseThrow().retryable()).isFalse();
    }

    @Test
    @DisplayName("the scheduler turns an API error into a wake-up one poll later, with the error reported")
    void schedulerRequeues() {
        w.idleSession("s1", "ann", "data", 1);
        w.targets.failNext(new TargetClusterException("east", "create job session-s1 failed: slow down", true, null));

        Reconcile r = w.scheduler().reconcile();

        assertThat(r.error()).isPresent();
        assertThat(r.nextWakeupMillis()).isEqualTo(w.now() + w.policy.pollMillis());
        assertThat(w.source.state("s1")).isEqualTo(SourceState.RUNNING);
    }
}
