package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationRecord;
import dev.ferry.migrate.MigrationState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a plan's actions in order through the source orchestrator and the target clusters. When an action does not apply (a
 * guarded patch that finds the Job changed, or an API error), the session's later actions are skipped, since they
 * depend on it (a source is never stopped when its target Job could not be created), and the other sessions'
 * actions go on: one failing call does not hold up the whole federation. It never retries: the scheduler observes
 * again and decides again. Every action is safe to repeat after a crash.
 */
public final class Executor {

    private final SourceOrchestrator source;
    private final TargetClusters targets;
    private final Notifier notifier;

    public Executor(SourceOrchestrator source, TargetClusters targets, Notifier notifier) {
        this.source = Objects.requireNonNull(source, "source");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    public Execution apply(List<Action> actions) {
        int applied = 0;
        List<Execution.Stop> stops = new ArrayList<>();
        Set<String> halted = new HashSet<>();
        for (Action action : actions) {
            if (halted.contains(action.sessionId())) {
                continue;
            }
            Optional<Execution.Stop> stop;
            try {
                stop = apply(action);
            } catch (TargetClusterException e) {
                stop = Optional.of(new Execution.Stop(action, Execution.Reason.API_ERROR, e.retryable(),
                        e.getMessage()));
            } catch (SourceOrchestratorException e) {
                stop = Optional.of(new Execution.Stop(action, Execution.Reason.API_ERROR, e.retryable(),
                        e.getMessage()));
            }
            if (stop.isPresent()) {
                stops.add(stop.get());
                halted.add(action.sessionId());
            } else {
                applied++;
            }
        }
        return new Execution(applied, stops);
    }

    private Optional<Execution.Stop> apply(Action action) throws SourceOrchestratorException {
        if (action instanceof Action.CreateSuspendedJob a) {
            targets.createSuspended(a.cluster(), a.spec(), new MigrationRecord(a.spec().checkpointGeneration(),
                    MigrationState.STOPPING_SOURCE, a.startedEpochMillis()));
        } else if (action instanceof Action.CreateJob a) {
            targets.create(a.cluster(), a.spec(), a.migration(), false);
        } else if (action instanceof Action.StopSource a) {
            source.stop(a.jobId());
        } else if (action instanceof Action.StartSource a) {
            source.start(a.jobId());
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
