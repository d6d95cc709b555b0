package dev.ferry.migrate.reconcile;

import dev.ferry.cluster.kube.KubeApiException;
import dev.ferry.cluster.kube.MigrationAnnotations;
import dev.ferry.cluster.kube.MigrationState;
import dev.ferry.cluster.peloton.PelotonClient;
import dev.ferry.cluster.peloton.PelotonException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a plan's actions in order through Peloton and the target clusters. It stops at the first action that
 * does not apply (a guarded patch that finds the Job changed, or an API error) and reports it; it never retries:
 * the scheduler observes again and decides again. Every action is safe to repeat after a crash.
 */
public final class Executor {

    private final PelotonClient peloton;
    private final TargetClusters targets;
    private final Notifier notifier;

    public Executor(PelotonClient peloton, TargetClusters targets, Notifier notifier) {
        this.peloton = Objects.requireNonNull(peloton, "peloton");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    public Execution apply(List<Action> actions) {
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            try {
                Optional<Execution.Stop> stop = apply(action);
                if (stop.isPresent()) {
                    return new Execution(i, stop);
                }
            } catch (KubeApiException e) {
                return new Execution(i, Optional.of(new Execution.Stop(action, Execution.Reason.API_ERROR,
                        e.retryable(), e.getMessage())));
            } catch (PelotonException e) {
                return new Execution(i, Optional.of(new Execution.Stop(action, Execution.Reason.API_ERROR,
                        e.isRetryable(), e.getMessage())));
            }
        }
        return Execution.complete(actions.size());
    }

    private Optional<Execution.Stop> apply(Action action) throws PelotonException {
        if (action instanceof Action.CreateSuspendedJob a) {
            targets.createSuspended(a.cluster(), a.spec(), new MigrationAnnotations(a.spec().checkpointGeneration(),
                    MigrationState.STOPPING_SOURCE, a.startedEpochMillis()));
        } else if (action instanceof Action.StopSource a) {
            peloton.stopJob(a.jobId());
        } else if (action instanceof Action.StartSource a) {
            peloton.startJob(a.jobId());
        } else if (action instanceof Action.UnsuspendAndStart a) {
            return guarded(a, targets.patch(a.cluster(), a.sessionId(), a.migration(), false, a.resourceVersion()));
        } else if (action instanceof Action.SuspendJob a) {
            return guarded(a, targets.patch(a.cluster(), a.sessionId(), a.migration(), true, a.resourceVersion()));
        } else if (action instanceof Action.PatchState a) {
            return guarded(a, targets.patch(a.cluster(), a.sessionId(), a.migration(), null, a.resourceVersion()));
        } else if (action instanceof Action.DeleteJob a) {
            targets.delete(a.cluster(), a.sessionId());
        } else if (action instanceof Action.NotifyUser a) {
            notifier.noticeOfMigration(a.sessionId(), a.owner(), a.deadlineEpochMillis());
        } else {
            throw new IllegalStateException("unknown action " + action);
        }
        return Optional.empty();
    }

    private static Optional<Execution.Stop> guarded(Action action, TargetClusters.PatchResult result) {
        return result == TargetClusters.PatchResult.PATCHED ? Optional.empty()
                : Optional.of(new Execution.Stop(action, Execution.Reason.STALE, true,
                        "the Job changed since it was observed (" + result + ")"));
    }
}
