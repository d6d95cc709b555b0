package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.MigrationState;
import dev.ferry.migrate.PodPhase;
import dev.ferry.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The migration scheduler: each {@link #reconcile()} observes, decides and executes once, and returns when to run
 * again; whoever owns the timer (a real scheduler in production, the simulation's event list) calls it then. It
 * holds no migration state, so a new instance continues where any earlier one stopped.
 *
 * <p>With a full-pass period, a pass reads every Job only when that period has passed since the last full one;
 * the passes in between read only the Jobs whose migration is not done, which moves migrations on but starts
 * nothing new (see {@link Reconciler}). Listing every migrated session's Job on every pass would otherwise cost
 * most of a large migration's API time. A new instance starts with a full pass. A full pass also comes next, within
 * a poll period, after a pass that deleted a Job, saw one being deleted or saw a migrated session's Job whose pod
 * failed: the session then runs nowhere, has (or soon has) no Job, and only a full pass observes a session without
 * one, to start it again. Waiting for the period instead would keep its user waiting that much longer.
 *
 * <p>Each pass reads {@link MigrationControl#paused()} first (while paused nothing new starts; see
 * {@link Reconciler}), and each full pass publishes a {@link MigrationOverview} to the {@link MigrationStatusSink}
 * once its plan is applied (a pass in between sees only the sessions in flight, so it would report the others as
 * gone).
 */
public final class MigrationScheduler {

    private final Clock clock;
    private final Observer observer;
    private final Executor executor;
    private final MigrationPolicy policy;
    private final long fullPassEveryMillis;
    private final MigrationControl control;
    private final MigrationStatusSink status;
    private final LeaseReadings leases;
    private long lastFullPass = Long.MIN_VALUE;
    private boolean fullPassDue;

    /** Every pass a full one. */
    public MigrationScheduler(Clock clock, Observer observer, Executor executor, MigrationPolicy policy) {
        this(clock, observer, executor, policy, 0);
    }

    /**
     * Never paused, publishing no overview.
     *
     * @param fullPassEveryMillis how often a pass reads every Job; 0: every pass does
     */
    public MigrationScheduler(Clock clock, Observer observer, Executor executor, MigrationPolicy policy,
            long fullPassEveryMillis) {
        this(clock, observer, executor, policy, fullPassEveryMillis, MigrationControl.NEVER_PAUSED,
                MigrationStatusSink.NOBODY);
    }

    /**
     * @param fullPassEveryMillis how often a pass reads every Job; 0: every pass does
     * @param control             whether operators paused the migration, read every pass
     * @param status              where each full pass's overview goes
     */
    public MigrationScheduler(Clock clock, Observer observer, Executor executor, MigrationPolicy policy,
            long fullPassEveryMillis, MigrationControl control, MigrationStatusSink status) {
        this(clock, observer, executor, policy, fullPassEveryMillis, control, status, LeaseReadings.NONE);
    }

    /**
     * @param leases the sessions' leases, read after each observation: with them a session whose cluster cannot be
     *               read may start on the source once its lease expired plus the margin ({@link Takeover})
     */
    public MigrationScheduler(Clock clock, Observer observer, Executor executor, MigrationPolicy policy,
            long fullPassEveryMillis, MigrationControl control, MigrationStatusSink status, LeaseReadings leases) {
        this.leases = Objects.requireNonNull(leases, "leases");
        this.control = Objects.requireNonNull(control, "control");
        this.status = Objects.requireNonNull(status, "status");
        if (fullPassEveryMillis < 0) {
            throw new IllegalArgumentException("fullPassEveryMillis must be 0 or more, found " + fullPassEveryMillis);
        }
        this.fullPassEveryMillis = fullPassEveryMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Reconcile reconcile() {
        long now = clock.epochMillis();
        boolean paused = control.paused();
        boolean full = fullPassEveryMillis == 0 || lastFullPass == Long.MIN_VALUE || fullPassDue
                || now - lastFullPass >= fullPassEveryMillis;
        Observation snapshot;
        try {
            snapshot = leases.attach(observer.observe(full));
        } catch (SourceOrchestratorException | TargetClusterException e) {
            return new Reconcile(Optional.empty(), Optional.empty(), Optional.of(e.getMessage()),
                    now + policy.pollMillis());
        }
        if (full) {
            lastFullPass = now;
            fullPassDue = false;
        }
        Plan plan = Reconciler.decide(snapshot, policy, paused, now);
        fullPassDue = needsAFullPass(snapshot, plan);
        Execution execution = executor.apply(plan.actions());
        if (full) {
            status.publish(Overviews.of(snapshot, plan, policy, paused, now));
        }
        long next = plan.nextWakeupMillis();
        if (fullPassDue) {
            next = Math.min(next, now + policy.pollMillis());
        } else if (!full) {
            next = Math.min(next, lastFullPass + fullPassEveryMillis); // new starts wait for the next full pass
        }
        Optional<String> error = Optional.empty();
        if (execution.stopped().isPresent()) {
            // a stale read is re-read at once; a retryable error waits a poll period at most; an error that is not
            // retryable concerns one session and leaves the others' wake-up as it was
            if (execution.anyStale()) {
                next = now;
            } else if (execution.anyRetryable()) {
                next = Math.min(next, now + policy.pollMillis());
            }
            error = Optional.of(execution.stops().size() == 1 ? execution.stopped().get().message()
                    : execution.stopped().get().message() + " (and " + (execution.stops().size() - 1)
                    + " more actions that did not apply)");
        }
        return new Reconcile(Optional.of(plan), Optional.of(execution), error, next);
    }

    /**
     * Whether the next pass must be a full one: this one deletes a Job or saw one being deleted (its session, left
     * without a Job, is observed only by a full pass), or saw a migrated session's Job whose pod failed (the session
     * runs nowhere: its Job is replaced, and the session started again once the Job is gone).
     */
    private boolean needsAFullPass(Observation snapshot, Plan plan) {
        if (fullPassEveryMillis == 0) {
            return false;
        }
        return plan.actions().stream().anyMatch(a -> a instanceof Action.DeleteJob)
                || snapshot.sessions().stream().flatMap(s -> s.targets().stream())
                        .anyMatch(j -> j.deleting() || replaceable(j));
    }

    /** A Job whose migration is done and whose pod failed (its node was lost): the session runs nowhere. */
    private static boolean replaceable(TargetJob job) {
        return job.state().filter(MigrationState.DONE::equals).isPresent()
                && job.pod().filter(PodPhase.FAILED::equals).isPresent();
    }
}
