package dev.ferry.migrate.reconcile;

import static dev.ferry.migrate.reconcile.World.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SourceState;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("full passes every period: the passes between read only unsettled Jobs and start nothing new")
class FullPassTest {

    private final World w = new World(World.cluster("east", "zone-a", 8000, 32));

    private MigrationScheduler scheduler(long fullEveryMillis) {
        Observer observer = new Observer(w.source, w.targets, id -> Optional.ofNullable(w.checkpoints.get(id)),
                World::specOf);
        return new MigrationScheduler(w.time, observer,
                new Executor(w.source, w.targets, (id, owner, deadline) -> { }), w.policy, fullEveryMillis);
    }

    @Test
    @DisplayName("the first pass is full; a session idle only later starts at the next full pass, not before")
    void startsWaitForAFullPass() {
        MigrationScheduler scheduler = scheduler(5 * MINUTE);
        Reconcile first = scheduler.reconcile();
        assertThat(w.targets.fullReads).isEqualTo(1);
        assertThat(first.plan().orElseThrow().actions()).isEmpty();

        w.idleSession("s1", "ann", "data", 1); // appears between full passes
        w.advance(MINUTE);
        Reconcile partial = scheduler.reconcile();
        assertThat(w.targets.unsettledReads).isEqualTo(1);
        assertThat(partial.plan().orElseThrow().actions()).isEmpty();
        assertThat(partial.nextWakeupMillis()).isLessThanOrEqualTo(w.now() + 4 * MINUTE);

        w.advance(4 * MINUTE);
        Reconcile full = scheduler.reconcile();
        assertThat(w.targets.fullReads).isEqualTo(2);
        assertThat(full.plan().orElseThrow().actions()).extracting(Action::sessionId).contains("s1");
        assertThat(w.source.state("s1")).isNotEqualTo(SourceState.RUNNING);
    }

    @Test
    @DisplayName("a migration under way moves on in the passes between full ones")
    void progressBetweenFullPasses() {
        w.idleSession("s1", "ann", "data", 1);
        MigrationScheduler scheduler = scheduler(5 * MINUTE);
        scheduler.reconcile(); // full: creates the Job suspended and stops the source
        int full = w.targets.fullReads;
        for (int i = 0; i < 8; i++) {
            w.advance(10_000);
            w.tick();
            scheduler.reconcile();
        }
        assertThat(w.targets.fullReads).isEqualTo(full);
        assertThat(w.targets.jobsOf("s1")).singleElement()
                .satisfies(j -> assertThat(j.migration.state().terminal()).isTrue());
    }

    @Test
    @DisplayName("a pass between full ones observes only the sessions of the unsettled Jobs it read")
    void partialObservation() throws Exception {
        w.idleSession("s1", "ann", "data", 1);
        w.idleSession("s2", "bob", "data", 1);
        scheduler(5 * MINUTE).reconcile(); // full: both start migrating
        for (int i = 0; i < 12 && !w.targets.jobsOf("s1").get(0).migration.state().terminal(); i++) {
            w.advance(10_000);
            w.tick();
            scheduler(0).reconcile();
        }
        w.idleSession("s3", "cid", "data", 1);
        Observer observer = new Observer(w.source, w.targets, id -> Optional.ofNullable(w.checkpoints.get(id)),
                World::specOf);
        assertThat(observer.observe(true).sessions()).extracting(SessionObservation::sessionId)
                .containsExactly("s1", "s2", "s3");
        assertThat(observer.observe(false).sessions()).as("s1 and s2 are done, s3 has no Job").isEmpty();
    }

    @Test
    @DisplayName("a migrated session's pod lost between full passes: the next pass deletes its Job, the one after is "
            + "full and starts the source, within a minute rather than at the next full passes")
    void lostPodRecoveredBetweenFullPasses() {
        w.idleSession("s1", "ann", "data", 1);
        MigrationScheduler scheduler = scheduler(5 * MINUTE);
        long firstFull = w.now();
        scheduler.reconcile(); // full: creates the Job suspended and stops the source
        for (int i = 0; i < 12 && w.state("east", "s1").filter(MigrationState.DONE::equals).isEmpty(); i++) {
            w.advance(10_000);
            w.tick();
            scheduler.reconcile();
        }
        assertThat(w.state("east", "s1")).contains(MigrationState.DONE);
        int fullBefore = w.targets.fullReads;

        w.targets.job("east", "s1").orElseThrow().pod = PodPhase.FAILED; // its node was lost
        w.advance(10_000);
        Reconcile partial = scheduler.reconcile();
        assertThat(w.targets.fullReads).as("a pass between full ones").isEqualTo(fullBefore);
        assertThat(partial.plan().orElseThrow().actions()).containsExactly(new Action.DeleteJob("s1", "east"));
        assertThat(partial.nextWakeupMillis()).isLessThanOrEqualTo(w.now() + w.policy.pollMillis());

        w.advance(w.policy.pollMillis());
        Reconcile next = scheduler.reconcile();
        assertThat(w.targets.fullReads).as("the pass after a Job's deletion is full").isEqualTo(fullBefore + 1);
        assertThat(next.plan().orElseThrow().actions()).containsExactly(new Action.StartSource("s1", "s1"));
        assertThat(w.now()).isLessThan(firstFull + 5 * MINUTE);
    }

    @Test
    @DisplayName("without a period every pass is full, as before")
    void everyPassFull() {
        MigrationScheduler scheduler = scheduler(0);
        scheduler.reconcile();
        scheduler.reconcile();
        assertThat(w.targets.fullReads).isEqualTo(2);
        assertThat(w.targets.unsettledReads).isZero();
    }
}
