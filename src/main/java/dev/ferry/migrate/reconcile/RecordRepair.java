package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import java.util.List;

/**
 * Migration records the scheduler cannot follow as they stand, because someone edited a Job's annotations by hand
 * or they were damaged: repaired from what the pass observes where that says unambiguously where the session runs,
 * else reported and left alone. One guarded patch rewrites the whole record, so a repair that races an edit
 * changes nothing and is decided again.
 * <ul>
 *   <li>unreadable, the source ended and the Job's pod Running unsuspended: the session runs there, so it is
 *   verified again: VERIFYING from now, against the generation its tracker reported restored (the next pass records
 *   DONE) or, with none reported, the latest checkpoint (the verify timeout rolls it back if no restore comes);</li>
 *   <li>unreadable otherwise (the source runs, or no pod serves the user): the session runs on the source or
 *   nowhere, so the Job is rolled back (suspended, ROLLING_BACK from now) and the ordinary way back follows;</li>
 *   <li>unreadable and the source no longer lists the session: nothing to repair from; held for an operator;</li>
 *   <li>readable but started more than {@link #FUTURE_SLACK_MILLIS} in the future (its timeouts would never fall
 *   due): the start is recorded as now;</li>
 *   <li>DONE on a suspended Job with no pod alive (DONE says it runs there, the Job says it cannot): rolled back,
 *   rather than the source stopped for an instance that does not exist.</li>
 * </ul>
 */
final class RecordRepair {

    /** How far ahead of the scheduler's clock a recorded start may be (clocks of earlier schedulers differ). */
    static final long FUTURE_SLACK_MILLIS = 60_000L;

    private RecordRepair() {
    }

    /** Repairs or reports the session's kept Job {@code job} if its record needs it; true if it did. */
    static boolean repair(SessionObservation s, TargetJob job, Decisions out) {
        long now = out.now();
        if (job.migration() instanceof MigrationRecord.Invalid invalid) {
            unreadable(s, job, invalid.problems(), out);
            return true;
        }
        MigrationRecord m = job.record().orElseThrow();
        if (m.startedEpochMillis() > now + FUTURE_SLACK_MILLIS) {
            out.act(new Action.PatchState(s.sessionId(), job.cluster(),
                    new MigrationRecord(m.checkpointGeneration(), m.state(), now), job.resourceVersion()));
            return true;
        }
        if (m.state() == MigrationState.DONE && job.suspended() && !job.podAlive()) {
            out.act(new Action.SuspendJob(s.sessionId(), job.cluster(), m.withState(MigrationState.ROLLING_BACK),
                    job.resourceVersion()));
            return true;
        }
        return false;
    }

    private static void unreadable(SessionObservation s, TargetJob job, List<String> problems, Decisions out) {
        if (s.source().isEmpty()) {
            out.hold(s.sessionId(), new HoldReason.NeedsOperator(job.cluster(), problems));
            return;
        }
        long now = out.now();
        long latest = s.checkpoint().map(CheckpointStatus::generation).orElse(0L);
        boolean servesHere = s.source().get().state().isEnded() && !job.suspended()
                && job.pod().filter(PodPhase.RUNNING::equals).isPresent();
        if (servesHere) {
            long restored = s.checkpoint().map(c -> c.restoredGeneration().orElse(latest)).orElse(latest);
            out.act(new Action.PatchState(s.sessionId(), job.cluster(),
                    new MigrationRecord(restored, MigrationState.VERIFYING, now), job.resourceVersion()));
        } else {
            out.act(new Action.SuspendJob(s.sessionId(), job.cluster(),
                    new MigrationRecord(latest, MigrationState.ROLLING_BACK, now), job.resourceVersion()));
        }
    }
}
