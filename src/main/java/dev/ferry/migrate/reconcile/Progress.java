package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.migrate.SourceSession;
import dev.ferry.migrate.SourceState;
import java.util.List;
import java.util.Optional;

/**
 * One step of a migration in flight, from its Job (the record), the source task and the pod. Invariants kept:
 * a target pod may exist only while the source task has ended (the Job is unsuspended only after the source is
 * KILLED, and the source is started again only once the target's pod is gone); and something always records
 * where the session should run (the Job exists before the source is stopped, and stays until the source runs
 * again).
 */
final class Progress {

    private Progress() {
    }

    static void step(SessionObservation s, TargetJob job, MigrationPolicy policy, Decisions out) {
        Optional<MigrationRecord> parsed = job.record();
        if (parsed.isEmpty()) {
            return; // unreadable annotations: an operator's business, nothing is touched
        }
        MigrationRecord m = parsed.get();
        Optional<SourceSession> source = s.source();
        boolean sourceEnded = source.isEmpty() || source.get().state().isEnded();
        long now = out.now();
        boolean windingDown = m.state() == MigrationState.ROLLING_BACK || m.state() == MigrationState.ROLLED_BACK
                || m.state() == MigrationState.FAILED;
        if (!sourceEnded && !windingDown && Takeover.superseded(s, m, now)) {
            Takeover.retire(s, job, m, out); // the source is the session's instance again; this one was fenced
            out.wakeBy(now + policy.pollMillis());
            return;
        }
        switch (m.state()) {
            case PENDING, BARRIER, CREATING, STOPPING_SOURCE -> {
                if (!sourceEnded) {
                    if (!job.suspended()) {
                        // never both: the source still runs, so the target yields
                        out.act(new Action.SuspendJob(s.sessionId(), job.cluster(), m, job.resourceVersion()));
                    } else {
                        stopSource(s, out);
                    }
                } else {
                    out.act(new Action.UnsuspendAndStart(s.sessionId(), job.cluster(),
                            m.withState(MigrationState.STARTING), job.resourceVersion()));
                }
                out.wakeBy(now + policy.pollMillis());
            }
            case STARTING -> {
                if (!sourceEnded) {
                    stopSource(s, out); // the target is the one going forward
                } else if (job.suspended()) {
                    rollBack(s, job, m, out);
                } else if (job.pod().filter(PodPhase.RUNNING::equals).isPresent()) {
                    patch(s, job, m.withState(MigrationState.VERIFYING), out);
                } else if (job.pod().filter(Progress::ended).isPresent()
                        || now >= startDeadline(m, policy)) {
                    rollBack(s, job, m, out);
                } else {
                    out.wakeBy(startDeadline(m, policy));
                }
                out.wakeBy(now + policy.pollMillis());
            }
            case VERIFYING -> {
                if (!sourceEnded) {
                    stopSource(s, out);
                } else if (job.suspended() || job.pod().filter(PodPhase.RUNNING::equals).isEmpty()) {
                    rollBack(s, job, m, out);
                } else if (restored(s) >= m.checkpointGeneration()) {
                    patch(s, job, m.withState(MigrationState.DONE), out);
                } else if (now >= verifyDeadline(m, policy)) {
                    rollBack(s, job, m, out);
                } else {
                    out.wakeBy(verifyDeadline(m, policy));
                }
                out.wakeBy(now + policy.pollMillis());
            }
            case DONE -> {
                if (!sourceEnded) {
                    stopSource(s, out);
                    out.wakeBy(now + policy.pollMillis());
                } else if (job.pod().filter(PodPhase.FAILED::equals).isPresent()) {
                    // the pod died after the migration and the Job will not make another (backoffLimit 0); with
                    // the source listed a Replacement recreates or rolls it back; without, the Job goes
                    out.act(new Action.DeleteJob(s.sessionId(), job.cluster()));
                    out.wakeBy(now + policy.pollMillis());
                } else if (!job.suspended() && job.pod().filter(PodPhase.RUNNING::equals).isEmpty()) {
                    out.wakeBy(now + policy.pollMillis()); // recreated by a Replacement: watch until its pod runs
                }
            }
            case ROLLING_BACK -> {
                if (!job.suspended()) {
                    out.act(new Action.SuspendJob(s.sessionId(), job.cluster(), m, job.resourceVersion()));
                } else if (anyPod(s)) {
                    // wait for the target's pod to be gone before the source may start
                } else if (source.isEmpty()) {
                    patch(s, job, m.withState(MigrationState.FAILED), out);
                } else if (source.get().state().isRunning()) {
                    patch(s, job, m.withState(MigrationState.ROLLED_BACK), out);
                } else {
                    startSource(s, out);
                }
                out.wakeBy(now + policy.pollMillis());
            }
            case ROLLED_BACK -> {
                if (!job.suspended()) {
                    out.act(new Action.SuspendJob(s.sessionId(), job.cluster(), m, job.resourceVersion()));
                    out.wakeBy(now + policy.pollMillis());
                } else if (source.isPresent() && source.get().stopRequested()) {
                    // rolled back and running on the source, then stopped there by its user: it stays stopped
                    out.hold(s.sessionId(), new HoldReason.StoppedOnSource(source.get().stateName()));
                } else if (source.isPresent() && !source.get().state().isRunning()) {
                    if (!anyPod(s)) {
                        startSource(s, out);
                    }
                    out.wakeBy(now + policy.pollMillis());
                } else if (source.isPresent()) {
                    long retryAt = m.startedEpochMillis() + policy.retryBackoffMillis();
                    if (now >= retryAt) {
                        out.act(new Action.DeleteJob(s.sessionId(), job.cluster()));
                        out.wakeBy(now + policy.pollMillis());
                    } else {
                        out.wakeBy(retryAt);
                        out.hold(s.sessionId(), new HoldReason.RetryBackoff(retryAt));
                    }
                }
            }
            case FAILED -> {
                // with its source listed, a Replacement resumes the rollback; without, nothing to go back to
                out.hold(s.sessionId(), new HoldReason.NeedsOperator(job.cluster(), List.of(
                        "its migration FAILED and the source no longer lists the session")));
            }
        }
    }

    /** Whether a pod phase means the container has exited. */
    private static boolean ended(PodPhase phase) {
        return phase == PodPhase.FAILED || phase == PodPhase.SUCCEEDED;
    }

    static long startDeadline(MigrationRecord m, MigrationPolicy policy) {
        return m.startedEpochMillis() + policy.startTimeoutMillis();
    }

    static long verifyDeadline(MigrationRecord m, MigrationPolicy policy) {
        return startDeadline(m, policy) + policy.verifyTimeoutMillis();
    }

    private static long restored(SessionObservation s) {
        return s.checkpoint().flatMap(c -> c.restoredGeneration().isPresent()
                ? Optional.of(c.restoredGeneration().getAsLong()) : Optional.empty()).orElse(-1L);
    }

    private static boolean anyPod(SessionObservation s) {
        return s.targets().stream().anyMatch(TargetJob::podAlive);
    }

    private static void rollBack(SessionObservation s, TargetJob job, MigrationRecord m, Decisions out) {
        out.act(new Action.SuspendJob(s.sessionId(), job.cluster(), m.withState(MigrationState.ROLLING_BACK),
                job.resourceVersion()));
    }

    private static void patch(SessionObservation s, TargetJob job, MigrationRecord next, Decisions out) {
        out.act(new Action.PatchState(s.sessionId(), job.cluster(), next, job.resourceVersion()));
    }

    /** Stops the source unless a stop is already under way. */
    static void stopSource(SessionObservation s, Decisions out) {
        s.source().filter(j -> j.state() != SourceState.STOPPING && !j.state().isEnded())
                .ifPresent(j -> out.act(new Action.StopSource(s.sessionId(), j.jobId())));
    }

    /** Starts the source when its task has ended (a starting task is left to finish). */
    static void startSource(SessionObservation s, Decisions out) {
        s.source().filter(j -> j.state().isEnded())
                .ifPresent(j -> out.act(new Action.StartSource(s.sessionId(), j.jobId())));
    }
}
