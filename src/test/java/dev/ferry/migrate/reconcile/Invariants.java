package dev.ferry.migrate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SourceState;
import java.util.List;

/** What must hold at every observed instant, and at the end of a migration. */
final class Invariants {

    private Invariants() {
    }

    /**
     * Never double-running: while the source task has not ended, no target pod exists for the session. Never
     * stranded: the source task is alive or some Job records where the session is going.
     */
    static void holdAt(World w, List<String> sessions, String when) {
        for (String id : sessions) {
            SourceState source = w.source.state(id);
            List<FakeTargets.Job> jobs = w.targets.jobsOf(id);
            boolean sourceAlive = !source.isEnded();
            boolean podExists = jobs.stream().anyMatch(j -> j.pod != null);
            assertThat(sourceAlive && podExists)
                    .as("%s: %s runs on the source (%s) and has a target pod", when, id, source).isFalse();
            assertThat(sourceAlive || !jobs.isEmpty())
                    .as("%s: %s has ended on the source and has no Job anywhere (stranded)", when, id).isTrue();
            assertThat(jobs.size()).as("%s: %s has Jobs on several clusters", when, id).isLessThanOrEqualTo(1);
        }
    }

    /** Migrated (DONE, running on Kubernetes only) or rolled back (running on the source only). */
    static boolean settled(World w, String id) {
        List<FakeTargets.Job> jobs = w.targets.jobsOf(id);
        SourceState source = w.source.state(id);
        if (jobs.size() != 1) {
            return false;
        }
        FakeTargets.Job j = jobs.get(0);
        return (j.migration.state() == MigrationState.DONE && j.pod == PodPhase.RUNNING && source.isEnded())
                || (j.migration.state() == MigrationState.ROLLED_BACK && j.pod == null && source.isRunning());
    }

    /** At most {@code global} sessions with a Job in a non-terminal state, at most {@code perCluster} per cluster. */
    static void withinBudget(World w, List<String> sessions, int global, int perCluster, String when) {
        java.util.Map<String, Integer> byCluster = new java.util.HashMap<>();
        int total = 0;
        for (String id : sessions) {
            for (FakeTargets.Job j : w.targets.jobsOf(id)) {
                if (!j.migration.state().terminal()) {
                    total++;
                    byCluster.merge(j.cluster, 1, Integer::sum);
                }
            }
        }
        assertThat(total).as("%s: migrations in flight", when).isLessThanOrEqualTo(global);
        byCluster.forEach((c, n) -> assertThat(n).as("%s: in flight onto %s", when, c).isLessThanOrEqualTo(perCluster));
    }
}
