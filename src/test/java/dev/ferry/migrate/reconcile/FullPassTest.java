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
        return scheduler(w, fullEveryMillis);
    }

    private static MigrationScheduler scheduler(World world, long fullEveryMillis) {
        Observer observer = new Observer(world.source, world.targets,
                id -> Optional.ofNullable(world.checkpoints.get(id)), World::specOf);
        return new MigrationScheduler(world.time, observer,
                new Executor(world.source, world.targets, (id, owner, deadline) -> { }), world.policy,
                fullEveryMillis);
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
    @DisplayName("a migrated session's pod lost between full passes: that pass leaves its recovery to the full pass "
            + "it makes come within a poll period, which rolls it back when no other cluster has room, long before "
            + "the next periodic full pass")
    void lostPodRecoveredBetweenFullPasses() {
        MigrationScheduler scheduler = scheduler(w, 5 * MINUTE);
        long firstFull = w.now();
        String home = migrate(w, scheduler);
        int fullBefore = w.targets.fullReads;

        w.targets.job(home, "s1").orElseThrow().pod = PodPhase.FAILED; // its node was lost
        w.advance(10_000);
        Reconcile partial = scheduler.reconcile();
        assertThat(w.targets.fullReads).as("a pass between full ones").isEqualTo(fullBefore);
        assertThat(partial.plan().orElseThrow().actions()).as("placing a recovery needs every Job read").isEmpty();
        assertThat(partial.nextWakeupMillis()).isLessThanOrEqualTo(w.now() + w.policy.pollMillis());

        w.advance(w.policy.pollMillis());
        Reconcile next = scheduler.reconcile();
        assertThat(w.targets.fullReads).as("the pass after one that saw a failed DONE pod is full")
                .isEqualTo(fullBefore + 1);
        assertThat(next.plan().orElseThrow().actions()).singleElement()
                .isInstanceOfSatisfying(Action.SuspendJob.class,
                        a -> assertThat(a.migration().state()).isEqualTo(MigrationState.ROLLING_BACK));
        assertThat(w.now()).isLessThan(firstFull + 5 * MINUTE);
    }

    @Test
    @DisplayName("the same with room on another cluster: the full pass within a poll period recreates it DONE there "
            + "and deletes the failed Job, and the pass after that deletion is full again")
    void lostPodRecreatedElsewhereBetweenFullPasses() {
        World two = new World(World.cluster("east", "zone-a", 8000, 32), World.cluster("west", "zone-b", 8000, 32));
        MigrationScheduler scheduler = scheduler(two, 5 * MINUTE);
        long firstFull = two.now();
        String home = migrate(two, scheduler);
        String other = home.equals("east") ? "west" : "east";
        int fullBefore = two.targets.fullReads;

        two.targets.job(home, "s1").orElseThrow().pod = PodPhase.FAILED;
        two.advance(10_000);
        assertThat(scheduler.reconcile().plan().orElseThrow().actions()).isEmpty();

        two.advance(two.policy.pollMillis());
        Reconcile full = scheduler.reconcile();
        assertThat(two.targets.fullReads).as("a full pass: both clusters' Jobs read").isEqualTo(fullBefore + 2);
        assertThat(full.plan().orElseThrow().actions()).hasSize(2)
                .satisfies(a -> assertThat(a.get(0)).isInstanceOfSatisfying(Action.CreateJob.class, c -> {
                    assertThat(c.cluster()).isEqualTo(other);
                    assertThat(c.migration().state()).isEqualTo(MigrationState.DONE);
                }))
                .satisfies(a -> assertThat(a.get(1)).isEqualTo(new Action.DeleteJob("s1", home)));
        assertThat(full.nextWakeupMillis()).isLessThanOrEqualTo(two.now() + two.policy.pollMillis());
        assertThat(two.targets.jobsOf("s1")).singleElement()
                .satisfies(j -> assertThat(j.cluster).isEqualTo(other));

        two.advance(two.policy.pollMillis());
        scheduler.reconcile();
        assertThat(two.targets.fullReads).as("the pass after a Job's deletion is full").isEqualTo(fullBefore + 4);
        assertThat(two.now()).isLessThan(firstFull + 5 * MINUTE);
    }

    /** Migrates idle session s1 to DONE with passes 10 s apart; returns the cluster its Job is on. */
    private static String migrate(World world, MigrationScheduler scheduler) {
        world.idleSession("s1", "ann", "data", 1);
        scheduler.reconcile(); // full: creates the Job suspended and stops the source
        for (int i = 0; i < 12 && world.targets.jobsOf("s1").get(0).migration.state() != MigrationState.DONE; i++) {
            world.advance(10_000);
            world.tick();
            scheduler.reconcile();
        }
        FakeTargets.Job job = world.targets.jobsOf("s1").get(0);
        assertThat(job.migration.state()).isEqualTo(MigrationState.DONE);
        return job.cluster;
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
