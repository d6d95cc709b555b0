package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import java.util.Comparator;
import java.util.List;

/**
 * Leftovers of an earlier crash or race: a session with live Jobs on several clusters keeps the most advanced and
 * deletes the others. Among equally advanced ones a Job whose pod failed or cannot be placed gives way (a
 * {@link Replacement} crashed between creating the new Job and deleting the old), then the later start, then the
 * first cluster by name.
 */
final class Repair {

    private static final Comparator<TargetJob> MOST_ADVANCED =
            Comparator.comparingInt((TargetJob j) -> -rank(j)).thenComparing(Repair::stuck)
                    .thenComparingLong(j -> -j.record().map(MigrationRecord::startedEpochMillis).orElse(0L))
                    .thenComparing(TargetJob::cluster);

    private Repair() {
    }

    /** The Job to keep among {@code live} (at least one). */
    static TargetJob keep(List<TargetJob> live) {
        return live.stream().min(MOST_ADVANCED).orElseThrow();
    }

    /** Deletes every live Job but the one to keep; true if there was anything to repair. */
    static boolean dropDuplicates(SessionObservation s, Decisions out) {
        List<TargetJob> live = s.liveTargets();
        if (live.size() < 2) {
            return false;
        }
        TargetJob kept = keep(live);
        for (TargetJob j : live) {
            if (j != kept) {
                out.act(new Action.DeleteJob(s.sessionId(), j.cluster()));
            }
        }
        return true;
    }

    /** Whether the Job's pod failed or cannot be placed. */
    private static boolean stuck(TargetJob job) {
        return job.unschedulable() || job.pod().filter(PodPhase.FAILED::equals).isPresent();
    }

    /** Progress order: done, verifying, starting, intent recorded, rolling back, rolled back, failed, unreadable. */
    static int rank(TargetJob job) {
        return job.state().map(Repair::stateRank).orElse(-1);
    }

    private static int stateRank(MigrationState state) {
        return switch (state) {
            case DONE -> 6;
            case VERIFYING -> 5;
            case STARTING -> 4;
            case PENDING, BARRIER, CREATING, STOPPING_SOURCE -> 3;
            case ROLLING_BACK -> 2;
            case ROLLED_BACK -> 1;
            case FAILED -> 0;
        };
    }
}
